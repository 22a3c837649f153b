#pragma once

// What ExportGeniusXml writes, decided before any XML is built: how each issue is represented
// in GENIUS and, for each party, the evaluator and weight of each issue, so that GENIUS (and
// Parley's importer) computes the same utility for every outcome as PartyValuation does.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"

namespace parley::io::internal {

/// How an issue is written in the GENIUS domain.
enum class GeniusKind { kDiscrete, kInteger, kReal };

/// One issue of the exported domain.
struct ExportIssue {
  GeniusKind kind = GeniusKind::kDiscrete;
  std::vector<std::string> items;       ///< discrete: item values (options or grid numbers)
  std::int64_t int_lo = 0, int_hi = 0;  ///< integer bounds
  /// real: the grid step, written as `<range step=".."/>` (GENIUS ignores it; Parley reads it
  /// back); 0 when the grid is GENIUS's own 21 points, so no step is written.
  double real_step = 0;
  /// discrete items for a number issue: why GENIUS cannot hold it as a number (for the
  /// warnings); empty otherwise.
  std::string why_items;
};

/// One party's evaluator of one issue, in GENIUS terms.
struct ExportTerm {
  double weight = 0;
  std::vector<double> evaluations;  ///< discrete: one per item (GENIUS divides by their max)
  double slope = 0, offset = 0;     ///< integer: clamp(slope (x - lowerbound) + offset, 0, 1)
  std::string ftype;                ///< real: "linear", "constant" or "triangular"
  double parameter0 = 0, parameter1 = 0, parameter2 = 0;  ///< real parameters
};

/// One exported profile.
struct ExportProfile {
  std::string party;  ///< party id
  bool nonlinear = false;
  std::vector<ExportTerm> terms;               ///< additive: one per issue
  std::optional<RectangleUtility> rectangles;  ///< nonlinear
  std::optional<double> reservation;           ///< utility in [0, 1]
  std::optional<double> discount;
};

/// The whole export.
struct ExportPlan {
  std::vector<ExportIssue> issues;      ///< one per case issue, same order
  std::vector<ExportProfile> profiles;  ///< the `us` party first, then the others in case order
  /// What the export drops or changes, one line per kind (GeniusFiles::warnings).
  std::vector<std::string> warnings;
};

/// Plans the export of a valid case. Money-form parties are normalised (weight_i = span_i /
/// sum of spans, evaluation = (v - min_i) / span_i); utility-form tables whose best score m is
/// not 1 are written as score / m with weight x m, since GENIUS divides by the best evaluation.
/// A number issue stays a number: an integer issue when its grid is the integers of its range
/// and every evaluator is a GENIUS integer one, else a real issue with its step when every
/// evaluator is a GENIUS real one (linear, constant, triangular), else discrete items (with a
/// warning saying why).
/// Throws Error(kUsage) when the case cannot be written in GENIUS: fewer than two parties with
/// values, a discrete grid over kMaxExportGridPoints points, a box on an issue that is not
/// an integer or real issue in GENIUS.
ExportPlan PlanGeniusExport(const Case& c);

/// What the export of `c` drops or changes, one line per kind of data GENIUS cannot carry
/// (floors, deadlines and costs of delay, dates set for another side, BATNA ranges, costs and
/// descriptions, power scores and notes, evidence, stakeholders, the concession log, the setting
/// and horizon, currency and units, parties without values, number issues written as items,
/// grid steps GENIUS ignores), each
/// listing what of that kind the case holds; empty when nothing is lost. O(size of the case).
std::vector<std::string> GeniusExportWarnings(const Case& c, const ExportPlan& plan);

/// The most grid points a number issue may have when written as discrete items.
inline constexpr std::uint64_t kMaxExportGridPoints = 10'000;

}  // namespace parley::io::internal
