#pragma once

/// The deal space of a case as one result: the exact Pareto frontier, the bargaining solutions on
/// it and the ZOPA. What `parley frontier` prints, and what every face renders through
/// parley::report.
///
///   parley::analysis::DealSpaceOptions options;
///   options.weights = {{"acme", 2.0}, {"cloudco", 1.0}};  // adds the weighted Nash solution
///   const parley::analysis::DealSpace space = parley::analysis::AnalyseDealSpace(c, options);
///   for (const auto& s : space.solutions) use(SolutionRuleName(s.rule), s.solution.points);

#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/analysis/zopa.h"
#include "parley/core/case.h"

namespace parley::analysis {

/// Options of AnalyseDealSpace.
struct DealSpaceOptions {
  /// Bargaining weights by party id for the weighted Nash solution; empty: no weighted Nash.
  /// When given, every party of the frontier needs exactly one weight.
  std::vector<std::pair<std::string, double>> weights;
  ZopaOptions zopa;  ///< zopa.seed is the seed of the Monte Carlo count on huge spaces
};

/// One bargaining solution on the frontier.
struct NamedSolution {
  SolutionRule rule = SolutionRule::kNash;
  Solution solution;
};

/// The deal space: frontier, solutions (Nash, Kalai-Smorodinsky, egalitarian, utilitarian, then
/// weighted Nash when weights were given, in that order) and ZOPA.
struct DealSpace {
  Frontier frontier;
  std::vector<NamedSolution> solutions;
  Zopa zopa;
  /// Money value of each frontier party for each frontier point ([party][point]); empty for a
  /// party whose values are not in money form.
  std::vector<std::vector<double>> point_values;
  std::vector<bool> money;  ///< per frontier party: values in money form
  /// False when the parties' floors leave some issue with no value (then the frontier is that of
  /// the whole space, shown for reference, and the ZOPA is empty); `floor_notes` say why.
  bool floors_feasible = true;
  /// ApplyFloors(c).notes: one sentence per floor that narrows the deal space.
  std::vector<std::string> floor_notes;
};

/// The Pareto frontier of the deal space of `c`: the outcomes inside every party's floors
/// (ApplyFloors), utilities on each party's scale over that space (docs/deal-space.md, "One deal
/// space"), outcomes indexed in `c`. The frontier of `c` itself when the floors leave no deal.
/// Cost: ApplyFloors + ComputeFrontier.
Frontier ComputeDealFrontier(const Case& c);

/// The deal space of `c` (valid; floors applied as in ComputeDealFrontier, with every outcome
/// and ZOPA span indexed in `c`, at least two parties stating values). Throws Error(kUsage) when
/// `weights` leaves out a frontier party, names a party that states no values or names one twice,
/// and what ComputeFrontier and ComputeZopa throw. Cost: ComputeFrontier + ComputeZopa + O(rules
/// x frontier points).
DealSpace AnalyseDealSpace(const Case& c, const DealSpaceOptions& options = {});

}  // namespace parley::analysis
