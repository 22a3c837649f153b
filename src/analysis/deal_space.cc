#include "parley/analysis/deal_space.h"

#include <map>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"

namespace parley::analysis {

namespace {

// The weights in the frontier's party order. O(parties log parties).
std::vector<double> OrderWeights(const std::vector<std::pair<std::string, double>>& items,
                                 const Frontier& frontier) {
  std::map<std::string, double> given;
  for (const auto& [party, weight] : items) {
    if (!given.emplace(party, weight).second) {
      throw Error(ErrorCode::kUsage, "--weights names party '" + party + "' twice");
    }
  }
  std::vector<double> weights;
  for (const std::string& party : frontier.parties) {
    const auto it = given.find(party);
    if (it == given.end()) {
      throw Error(ErrorCode::kUsage, "--weights gives no weight for party '" + party + "'");
    }
    weights.push_back(it->second);
    given.erase(it);
  }
  if (!given.empty()) {
    throw Error(ErrorCode::kUsage, "--weights names '" + given.begin()->first +
                                       "', which is not a party stating values");
  }
  return weights;
}

}  // namespace

DealSpace AnalyseDealSpace(const Case& c, const DealSpaceOptions& options) {
  DealSpace space;
  space.frontier = ComputeFrontier(c);
  std::vector<double> weights;
  if (!options.weights.empty()) weights = OrderWeights(options.weights, space.frontier);
  space.zopa = ComputeZopa(c, options.zopa);
  for (SolutionRule rule : {SolutionRule::kNash, SolutionRule::kKalaiSmorodinsky,
                            SolutionRule::kEgalitarian, SolutionRule::kUtilitarian}) {
    space.solutions.push_back({rule, Solve(space.frontier, rule)});
  }
  if (!weights.empty()) {
    space.solutions.push_back(
        {SolutionRule::kWeightedNash, Solve(space.frontier, SolutionRule::kWeightedNash, weights)});
  }
  for (const std::string& party : space.frontier.parties) {
    const PartyValuation valuation(c, party);
    const bool money = valuation.form() == ValueForm::kMoney;
    space.money.push_back(money);
    std::vector<double> values;
    if (money) {
      values.reserve(space.frontier.points.size());
      for (const FrontierPoint& p : space.frontier.points)
        values.push_back(valuation.Value(p.outcome));
    }
    space.point_values.push_back(std::move(values));
  }
  return space;
}

}  // namespace parley::analysis
