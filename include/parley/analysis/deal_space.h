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
};

/// The deal space of `c` (valid, at least two parties stating values). Throws Error(kUsage) when
/// `weights` leaves out a frontier party, names a party that states no values or names one twice,
/// and what ComputeFrontier and ComputeZopa throw. Cost: ComputeFrontier + ComputeZopa + O(rules
/// x frontier points).
DealSpace AnalyseDealSpace(const Case& c, const DealSpaceOptions& options = {});

}  // namespace parley::analysis
