#pragma once

/// Multiple equivalent simultaneous offers (docs/plan.md, "MESO packages"): 2 to 4 packages of
/// equal value to us within a tolerance, near the frontier and within the floors, chosen to
/// differ most for the other side, each with the chance it beats their BATNA and what their
/// choice of it would reveal. The brief builds them on the floored case around the predicted
/// deal. O(candidates x issues).
///
///   parley::plan::MesoOptions mo;
///   mo.count = 3;  // 2..4
///   const parley::plan::Meso m = parley::plan::BuildMeso(c, f, "cloudco", "acme", predicted, mo);
///   for (const parley::plan::MesoPackage& p : m.packages) std::cout << p.reveals << '\n';

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::plan {

/// Options for BuildMeso.
struct MesoOptions {
  std::size_t count = 3;  ///< packages wanted, 2..4
  /// Packages are of equal value to us within tolerance x our value range.
  double tolerance = 0.02;
  /// Our target value; unset means our value in `base`.
  std::optional<double> target;
  /// How far below the frontier a package may lie, in the other side's utility at our utility.
  double near_frontier = 0.10;
  /// No package is worth less than this to us; unset: our walk-away. The brief sets it to where
  /// the concession plan lands, so no package gives more than the plan allows.
  std::optional<double> lowest;
  /// Every package is worth more than this to them; unset: no bound. The brief sets it to the
  /// opening's value to them when the packages are the first concession, so each one gives
  /// them something.
  std::optional<double> above_theirs;
  /// Per issue (empty: no bound): the most a package may give us on that issue, as our
  /// contribution. The brief caps each term the concession log shows we gave at its value on
  /// the table, so no package asks it back.
  std::vector<double> most_ours;
};

/// One package of a MESO set.
struct MesoPackage {
  Outcome outcome;  ///< an outcome of the case given to BuildMeso
  double our_value = 0, their_value = 0;
  double our_utility = 0, their_utility = 0;
  /// Their utility at the best frontier point that gives us at least our utility here, minus
  /// theirs here: 0 on the frontier.
  double frontier_gap = 0;
  /// Probability that the package beats their BATNA, their reservation value being uniform in
  /// its range (0 or 1 when it is known exactly).
  double acceptance = 0;
  /// The issues whose value differs from every other package of the set: where this package
  /// carries its give.
  std::vector<std::string> distinct_issues;
  /// What their choice of this package would reveal about their priorities, in one sentence.
  std::string reveals;
};

/// A set of multiple equivalent simultaneous offers.
struct Meso {
  double target = 0;           ///< our value every package is close to
  double tolerance_value = 0;  ///< the tolerance in our value units
  /// The number issue moved to keep our value equal, when the packages differ on it; else empty
  /// (the packages then balance on other issues).
  std::string balancing_issue;
  std::vector<MesoPackage> packages;
  /// Why fewer packages than asked were found, when that happens.
  std::string shortfall;
};

/// Builds a MESO set for `us` facing `them` in `c` (the case narrowed to the floors, so every
/// package respects them), around `base` (normally the predicted deal), with `frontier` =
/// ComputeFrontier(c). Candidates vary `base` on one or two issues (options issues: every
/// option; number issues: at most 11 evenly spaced values) and move the balancing issue (the
/// finest number issue for us that can absorb a step of every other) to the grid value that brings
/// our value closest to the target. A candidate is kept when it is within the tolerance, at least
/// our reservation value and options.lowest, within near_frontier of the frontier, and acceptable
/// to every third party (a valued party other than us and them: utility at least its disagreement
/// utility). The set is chosen greedily: the candidate most likely acceptable to them first, then
/// each time the candidate farthest from those chosen (difference in their utility plus the share
/// of issues that differ), from the candidates on the frontier while one qualifies (one below it
/// leaves value on the table for both sides), else from all. Both parties need additive values;
/// Error(kUsage) otherwise or when count is not 2..4. O(candidates x issues), candidates <= (sum of
/// sampled values)^2.
Meso BuildMeso(const Case& c, const analysis::Frontier& frontier, const std::string& us,
               const std::string& them, const Outcome& base, const MesoOptions& options = {});

/// The lowest and the highest of the packages' values to us (the target twice when there is no
/// package): what the brief says the packages are worth, rather than the target they are near.
std::pair<double, double> OurValueSpan(const Meso& meso);

}  // namespace parley::plan
