#pragma once

/// The bargaining solutions on a Pareto frontier: Nash, Kalai-Smorodinsky, egalitarian,
/// utilitarian and weighted Nash, each as the frontier points that attain the rule's optimum
/// among those every party accepts (ties within kUtilityEpsilon all listed). `parley frontier`
/// shows them (AnalyseDealSpace, deal_space.h). O(points x parties) per rule.
///
///   const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(c);
///   const parley::analysis::Solution nash =
///       parley::analysis::Solve(f, parley::analysis::SolutionRule::kNash);
///   const parley::analysis::Solution weighted = parley::analysis::Solve(
///       f, parley::analysis::SolutionRule::kWeightedNash, {2.0, 1.0});  // one weight per party

#include <string>
#include <vector>

#include "parley/analysis/frontier.h"

namespace parley::analysis {

/// The bargaining solutions Parley computes on a frontier.
enum class SolutionRule {
  kNash,              ///< maximise prod (u_i - d_i) over acceptable points (Nash 1950)
  kKalaiSmorodinsky,  ///< gains proportional to each party's best acceptable gain (Kalai and
                      ///< Smorodinsky 1975): maximise min_i (u_i - d_i) / (best_i - d_i)
  kEgalitarian,       ///< maximise min_i (u_i - d_i) (Kalai 1977)
  kUtilitarian,       ///< maximise sum_i u_i over acceptable points
  kWeightedNash,      ///< maximise prod (u_i - d_i)^w_i (Kalai 1977; Binmore, Rubinstein and
                      ///< Wolinsky 1986 as the limit of alternating offers)
};

/// "nash", "kalai_smorodinsky", "egalitarian", "utilitarian", "weighted_nash".
const char* SolutionRuleName(SolutionRule rule);

/// A solution: the indices into Frontier::points of every point that attains the optimum (ties
/// within kUtilityEpsilon are all listed), empty when no frontier point is acceptable (points
/// whose utilities are not finite are never listed).
struct Solution {
  SolutionRule rule;
  std::vector<std::size_t> points;
  /// The optimised quantity at the first listed point (0 when empty): Nash, the product of gains
  /// prod (u_i - d_i) (0 when every acceptable point has a zero gain); Kalai-Smorodinsky, the
  /// smallest share min (u_i - d_i) / (best_i - d_i) (1 when no party can gain); egalitarian, the
  /// smallest gain; utilitarian, the sum of utilities; weighted Nash, sum w_i log(u_i - d_i) with
  /// the weights as given (-infinity when every acceptable point has a zero gain).
  double score = 0;
};

/// Computes one rule on `frontier`. `weights` (one per party, > 0) are used by kWeightedNash
/// only; Error(kUsage) when they are missing or not positive there, and for any rule when a
/// point or the disagreement point has not one utility per party. O(points x parties).
Solution Solve(const Frontier& frontier, SolutionRule rule,
               const std::vector<double>& weights = {});

}  // namespace parley::analysis
