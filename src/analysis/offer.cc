// Offer scoring: one pass over the frontier, keeping the points that dominate the offer and, among
// them, those with the largest smallest gain (ties within kUtilityEpsilon).
#include "parley/analysis/offer.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"

namespace parley::analysis {

OfferScore ScoreOffer(const Case& c, const Frontier& frontier, const Outcome& offer) {
  if (offer.size() != c.issues.size()) {
    throw Error(ErrorCode::kUsage, "offer has " + std::to_string(offer.size()) + " values for " +
                                       std::to_string(c.issues.size()) + " issues");
  }
  for (std::size_t i = 0; i < offer.size(); ++i) {
    if (offer[i] >= c.issues[i].ValueCount()) {
      throw Error(ErrorCode::kUsage, "offer value index " + std::to_string(offer[i]) +
                                         " is out of range for issue '" + c.issues[i].id + "'");
    }
  }
  const std::size_t n = frontier.parties.size();
  if (frontier.disagreement.size() != n) {
    throw Error(ErrorCode::kUsage, "frontier has " + std::to_string(n) + " parties but " +
                                       std::to_string(frontier.disagreement.size()) +
                                       " disagreement utilities");
  }
  // Utilities on each party's scale over the deal space inside the floors (as the frontier's).
  const FlooredCase floored = ApplyFloors(c);
  const Case& deals = floored.feasible ? floored.c : c;
  std::vector<PartyValuation> valuations;
  std::vector<FlooredUtility> utilities;
  valuations.reserve(n);
  utilities.reserve(n);
  for (const std::string& party : frontier.parties) {
    if (c.FindValues(party) == nullptr) {
      throw Error(ErrorCode::kUsage, "frontier party '" + party + "' states no values");
    }
    valuations.emplace_back(c, party);
    utilities.emplace_back(c, deals, party);
  }
  auto utility = [&](std::size_t i, const Outcome& o) { return utilities[i](o); };

  OfferScore score;
  score.offer = offer;
  std::vector<double> u(n);
  for (std::size_t i = 0; i < n; ++i) {
    PartyOfferScore& s = score.parties.emplace_back();
    s.party = frontier.parties[i];
    s.money = valuations[i].form() == ValueForm::kMoney;
    s.value = valuations[i].Value(offer);
    s.utility = u[i] = utility(i, offer);
    s.disagreement = frontier.disagreement[i];
    s.floors_broken = FloorsBroken(c, s.party, offer);
    s.accepts = s.utility >= s.disagreement - kUtilityEpsilon && s.floors_broken.empty();
  }

  // One pass: keep the dominating points whose smallest gain is within epsilon of the best so
  // far; a later, better point (beyond epsilon) clears the list.
  double best = -std::numeric_limits<double>::infinity();
  std::vector<std::pair<std::size_t, double>> candidates;  // point, its smallest gain
  for (std::size_t p = 0; p < frontier.points.size(); ++p) {
    const std::vector<double>& v = frontier.points[p].utility;
    if (v.size() != n) {
      throw Error(ErrorCode::kUsage, "frontier point " + std::to_string(p) + " has " +
                                         std::to_string(v.size()) + " utilities for " +
                                         std::to_string(n) + " parties");
    }
    if (!Dominates(v, u)) continue;
    score.dominated_by.push_back(p);
    double min_gain = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) min_gain = std::min(min_gain, v[i] - u[i]);
    if (min_gain > best + kUtilityEpsilon) candidates.clear();
    if (min_gain >= best - kUtilityEpsilon) {
      candidates.emplace_back(p, min_gain);
      best = std::max(best, min_gain);
    }
  }
  score.efficient = score.dominated_by.empty();
  if (score.efficient) return score;
  for (const auto& [p, min_gain] : candidates) {
    // A later tie may have raised `best` by up to epsilon: drop points that fell behind.
    if (min_gain < best - kUtilityEpsilon) continue;
    const FrontierPoint& point = frontier.points[p];
    OfferImprovement& imp = score.best.emplace_back();
    imp.point = p;
    imp.min_gain = min_gain;
    for (std::size_t i = 0; i < n; ++i) {
      imp.value.push_back(valuations[i].Value(point.outcome));
      imp.utility_gain.push_back(point.utility[i] - u[i]);
      imp.value_gain.push_back(imp.value.back() - score.parties[i].value);
    }
  }
  score.best_min_gain = score.best.front().min_gain;
  return score;
}

}  // namespace parley::analysis
