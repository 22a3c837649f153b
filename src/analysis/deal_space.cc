#include "parley/analysis/deal_space.h"

#include <algorithm>
#include <map>

#include "parley/analysis/floors.h"
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

// Re-indexes a frontier of `floored` in `c`.
void ToOriginal(const Case& c, const Case& floored, Frontier& f) {
  for (FrontierPoint& p : f.points) p.outcome = ToOriginalOutcome(c, floored, p.outcome);
}

// Re-indexes the ZOPA spans of `floored` in `c`.
void ToOriginal(const Case& c, const Case& floored, Zopa& z) {
  for (std::size_t i = 0; i < z.spans.size(); ++i) {
    const Issue& from = floored.issues[i];
    const Issue& to = c.issues[i];
    for (std::uint64_t& k : z.spans[i].values) {
      k = to.kind == IssueKind::kOptions
              ? static_cast<std::uint64_t>(std::max(0, to.OptionIndex(from.options[k])))
              : to.NearestIndex(from.NumberAt(k)).first;
    }
  }
}

}  // namespace

Frontier ComputeDealFrontier(const Case& c) {
  const FlooredCase floored = ApplyFloors(c);
  if (!floored.feasible || c.floors.empty()) return ComputeFrontier(c);
  Frontier f = ComputeFrontier(floored.c);
  ToOriginal(c, floored.c, f);
  return f;
}

DealSpace AnalyseDealSpace(const Case& c, const DealSpaceOptions& options) {
  DealSpace space;
  const FlooredCase floored = ApplyFloors(c);
  space.floors_feasible = floored.feasible;
  space.floor_notes = floored.notes;
  const Case& deals = floored.feasible ? floored.c : c;
  space.frontier = ComputeFrontier(deals);
  std::vector<double> weights;
  if (!options.weights.empty()) weights = OrderWeights(options.weights, space.frontier);
  space.zopa = ComputeZopa(deals, space.frontier, options.zopa);
  if (!floored.feasible) {
    space.zopa.exists = false;
    space.zopa.acceptable_count = BigUint();
    space.zopa.count_exact = true;
    space.zopa.share = 0;
    for (IssueSpan& span : space.zopa.spans) {
      span.values.clear();
      span.number_range.reset();
    }
    space.zopa.explanation = "The floors leave no deal: " + floored.notes.back() + ".";
    for (FrontierPoint& p : space.frontier.points) p.acceptable = false;
  }
  ToOriginal(c, deals, space.frontier);
  ToOriginal(c, deals, space.zopa);
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
