#pragma once

/// The whole power analysis from one chair: what `parley power` prints (report/power_text.h,
/// report/power_json.h) and what `parley plan` and `parley review` build on. It validates the
/// options, assesses the six sources, narrows the case to the floors, computes on the floored
/// case the frontier, leverage, predicted deal and levers, then the lenses, perception,
/// pitfalls and assumptions. docs/power-model.md defines the model.
///
///   parley::power::PowerOptions options;
///   options.as = "acme";  // Acme's chair; empty means the `us` party
///   const parley::power::PowerReport r = parley::power::AnalysePower(c, options);
///   if (r.prediction && r.prediction->deal) std::cout << r.prediction->expected_value << '\n';
///   for (const parley::power::Lever& l : r.levers) std::cout << l.description << '\n';

#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/power/lenses.h"
#include "parley/power/leverage.h"
#include "parley/power/levers.h"
#include "parley/power/options.h"
#include "parley/power/perception.h"
#include "parley/power/pitfalls.h"
#include "parley/power/prediction.h"
#include "parley/power/sources.h"

namespace parley::power {

/// The whole power analysis of a case from one chair (what `parley power` shows).
struct PowerReport {
  std::string perspective;  ///< the chair: options.as, or the `us` party
  PowerOptions options;     ///< as used, with `today` resolved to the analysis date
  SourceAssessment sources;
  std::vector<StructuralScores> structural;
  std::vector<Lens> lenses;
  Perception perception;
  /// The case narrowed to every party's floors (analysis::ApplyFloors): the frontier, the
  /// prediction and the levers are computed on floored.c, and outcomes index its issues.
  analysis::FlooredCase floored;
  /// Where the analysis date came from: "option", "case" or "none" (see AnalysisDate).
  std::string today_source;
  /// Present when two or more parties state values (of floored.c, or of the case when the
  /// floors leave no deal).
  std::optional<analysis::Frontier> frontier;
  std::optional<Leverage> leverage;
  std::optional<Prediction> prediction;
  std::vector<Lever> levers;  ///< empty when the perspective states no values
  std::vector<Pitfall> pitfalls;
  /// The modelling assumptions this result rests on, one sentence each, with their figures.
  std::vector<std::string> assumptions;
};

/// Runs the whole analysis. Throws Error(kUsage) when options are out of range or options.as
/// names no party (with a did-you-mean hint), and what ComputeFrontier throws (kLimit).
PowerReport AnalysePower(const Case& c, const PowerOptions& options);

}  // namespace parley::power
