#pragma once

/// An offer scored against the Pareto frontier: what it is worth to each valued party and whether
/// each accepts it, whether it is efficient, and when it is not, the frontier points that
/// dominate it and the best of them, whose gains are the value left on the table. What
/// `parley evaluate` prints (report/offer_report.h).
///
///   const parley::Outcome offer = parley::ParseOutcome(
///       c, {{"price", "120000"}, {"term", "2y"}, {"payment", "net30"}, {"support", "premium"}});
///   const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(c);
///   const parley::analysis::OfferScore s = parley::analysis::ScoreOffer(c, f, offer);
///   if (!s.efficient) std::cout << "every party can gain " << s.best_min_gain << '\n';

#include <cstddef>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis {

/// How one valued party sees an offer.
struct PartyOfferScore {
  std::string party;
  bool money = false;       ///< the party states money values (then `value` is money)
  double value = 0;         ///< PartyValuation::Value: money (money form) or utility
  double utility = 0;       ///< on the party's own scale
  double disagreement = 0;  ///< the party's disagreement utility
  /// The party's own floors the offer breaks, e.g. "price min 105,000" (FloorsBroken).
  std::vector<std::string> floors_broken;
  /// utility >= disagreement - kUtilityEpsilon and no floor of the party broken.
  bool accepts = false;
};

/// A frontier point that dominates an offer, with what each party gains there (vectors in
/// Frontier::parties order).
struct OfferImprovement {
  std::size_t point = 0;             ///< index into Frontier::points
  std::vector<double> value;         ///< each party's value at the point (money, or utility)
  std::vector<double> utility_gain;  ///< u_i(point) - u_i(offer); each >= -kUtilityEpsilon
  /// Value_i(point) - Value_i(offer): money for money-form parties (the utility gain times the
  /// party's max - min value), utility otherwise.
  std::vector<double> value_gain;
  double min_gain = 0;  ///< min_i utility_gain
};

/// What an offer is worth and how much it leaves on the table.
struct OfferScore {
  Outcome offer;
  std::vector<PartyOfferScore> parties;  ///< in Frontier::parties order
  /// No frontier point dominates the offer's utility vector (analysis::Dominates).
  bool efficient = true;
  /// Indices into Frontier::points of every point that dominates the offer, ascending.
  std::vector<std::size_t> dominated_by;
  /// The dominating points with the largest smallest gain max_p min_i (u_i(p) - u_i(offer)),
  /// ties within kUtilityEpsilon all listed, in frontier order; empty when efficient. The first
  /// one's gains are the money left on the table: what every party could still gain at no cost
  /// to any other.
  std::vector<OfferImprovement> best;
  /// The largest smallest utility gain, best.front().min_gain (0 when efficient).
  double best_min_gain = 0;
};

/// Scores `offer` (a complete outcome of `c`) against `frontier` = ComputeDealFrontier(c) (or
/// ComputeFrontier(c) for a case with no floors): each valued party's value, utility on its scale
/// over the deal space inside the floors (docs/deal-space.md, "One deal space"), the floors of its
/// own the offer breaks and acceptance, whether the offer is Pareto-efficient, the
/// frontier points that dominate it and the best of them (largest smallest gain, ties listed),
/// and the gains that point offers every party. Since every outcome dominated by some outcome is
/// dominated by a frontier point, and a frontier point dominating an outcome gains at least as
/// much for everyone, the best improvement over the frontier is the best over all outcomes.
/// Throws Error(kUsage) when `offer` is not an outcome of `c` (wrong length or an index out of
/// range) or when the frontier's parties do not state values in `c`.
/// O(frontier points x parties + (1 + best points) x parties x issues), plus building each
/// party's valuation.
OfferScore ScoreOffer(const Case& c, const Frontier& frontier, const Outcome& offer);

}  // namespace parley::analysis
