// Bargaining solutions on a Pareto frontier. Every rule ranks the acceptable frontier points (each
// party's utility >= its disagreement utility d_i - kUtilityEpsilon) by one score, keeps every
// point whose score is within kUtilityEpsilon of the best, and lists them in frontier order. The
// gain of party i at a point is g_i = u_i - d_i; a gain <= kUtilityEpsilon counts as zero.
//
// - Nash (J. F. Nash, "The Bargaining Problem", Econometrica 18(2), 1950): maximise
//   prod_i g_i. Points whose gains are all positive are ranked by sum_i log g_i (robust where the
//   product would underflow; ties are therefore judged to a relative 1e-9 on the product) and
//   beat every point with a zero gain, whose product is 0. When no point has all gains positive,
//   every acceptable point ties at 0. Score: the product prod_i g_i at the first listed point.
// - Kalai-Smorodinsky (E. Kalai and M. Smorodinsky, "Other Solutions to Nash's Bargaining
//   Problem", Econometrica 43(3), 1975): with ideal_i = max u_i over the acceptable points,
//   maximise min_i g_i / (ideal_i - d_i), the point where every party gets the same share of its
//   best possible gain. A party with ideal_i - d_i <= kUtilityEpsilon can gain nothing anywhere
//   and is left out of the min; when every party is, all acceptable points tie with score 1.
//   Score: that smallest share. Not the ANL 2023 organisers' "kalai" (the front point minimising
//   |u_A - u_B|, in specials.json), which ignores the disagreement point and the ideal point.
// - Egalitarian (E. Kalai, "Proportional Solutions to Bargaining Situations: Interpersonal
//   Utility Comparisons", Econometrica 45(7), 1977): maximise min_i g_i. Score: that gain.
// - Utilitarian (J. C. Harsanyi, "Cardinal Welfare, Individualistic Ethics, and Interpersonal
//   Comparisons of Utility", Journal of Political Economy 63(4), 1955): maximise sum_i u_i over
//   the acceptable points. Score: that sum.
// - Weighted (asymmetric) Nash (E. Kalai, "Nonsymmetric Nash Solutions and Replications of
//   2-Person Bargaining", International Journal of Game Theory 6(3), 1977; K. Binmore, A.
//   Rubinstein and A. Wolinsky, "The Nash Bargaining Solution in Economic Modelling", RAND Journal
//   of Economics 17(2), 1986, as the limit of alternating offers with unequal patience): maximise
//   prod_i g_i^w_i, i.e. sum_i w_i log g_i, over the points whose gains are all positive; points
//   with a zero gain (weighted product 0) only when no point has all gains positive, and then they
//   all tie. Ties are judged on the weights scaled to mean 1, so w and c*w give the same points.
//   Score: sum_i w_i log g_i with the weights as given at the first listed point; -infinity when
//   only zero-gain points exist.
#include "parley/analysis/bargaining.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "parley/core/error.h"

namespace parley::analysis {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// Throws Error(kUsage) unless every point and the disagreement point have one utility per party.
void CheckShape(const Frontier& frontier) {
  const std::size_t n = frontier.parties.size();
  if (frontier.disagreement.size() != n) {
    throw Error(ErrorCode::kUsage, "frontier has " + std::to_string(n) + " parties but " +
                                       std::to_string(frontier.disagreement.size()) +
                                       " disagreement utilities");
  }
  for (std::size_t p = 0; p < frontier.points.size(); ++p) {
    if (frontier.points[p].utility.size() != n) {
      throw Error(ErrorCode::kUsage, "frontier point " + std::to_string(p) + " has " +
                                         std::to_string(frontier.points[p].utility.size()) +
                                         " utilities for " + std::to_string(n) + " parties");
    }
  }
}

// Throws Error(kUsage) unless `weights` holds one finite, positive weight per party.
void CheckWeights(const Frontier& frontier, const std::vector<double>& weights) {
  const std::size_t n = frontier.parties.size();
  if (weights.size() != n) {
    throw Error(ErrorCode::kUsage, "weighted Nash needs one weight per party: got " +
                                       std::to_string(weights.size()) + " weights for " +
                                       std::to_string(n) + " parties");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(weights[i]) || weights[i] <= 0) {
      throw Error(ErrorCode::kUsage, "weighted Nash weight of party '" + frontier.parties[i] +
                                         "' must be a finite number > 0, got " +
                                         std::to_string(weights[i]));
    }
  }
}

// The gains u_i - d_i of one point.
std::vector<double> Gains(const Frontier& frontier, std::size_t point) {
  const std::vector<double>& u = frontier.points[point].utility;
  std::vector<double> gains(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) gains[i] = u[i] - frontier.disagreement[i];
  return gains;
}

bool AllFinite(const std::vector<double>& xs) {
  for (double x : xs) {
    if (!std::isfinite(x)) return false;
  }
  return true;
}

bool AllGainsPositive(const std::vector<double>& gains) {
  for (double g : gains) {
    if (g <= kUtilityEpsilon) return false;
  }
  return true;
}

// sum_i w_i log g_i (all gains positive).
double WeightedLogSum(const std::vector<double>& gains, const std::vector<double>& weights) {
  double sum = 0;
  for (std::size_t i = 0; i < gains.size(); ++i) sum += weights[i] * std::log(gains[i]);
  return sum;
}

// One acceptable point's rank: a higher tier always wins; within a tier, a higher key wins and
// keys within kUtilityEpsilon tie.
struct Rank {
  int tier = 0;
  double key = 0;
};

// Every candidate whose rank ties the best, in frontier order.
std::vector<std::size_t> Best(const std::vector<std::size_t>& candidates,
                              const std::vector<Rank>& ranks) {
  int best_tier = ranks[0].tier;
  for (const Rank& r : ranks) best_tier = std::max(best_tier, r.tier);
  double best_key = kNegInf;
  for (const Rank& r : ranks) {
    if (r.tier == best_tier) best_key = std::max(best_key, r.key);
  }
  std::vector<std::size_t> best;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (ranks[c].tier == best_tier && ranks[c].key >= best_key - kUtilityEpsilon) {
      best.push_back(candidates[c]);
    }
  }
  return best;
}

// Nash and weighted Nash: tier 1 for all gains positive, keyed by the (mean-1) weighted log-sum.
std::vector<Rank> NashRanks(const Frontier& frontier, const std::vector<std::size_t>& candidates,
                            const std::vector<double>& unit_weights) {
  std::vector<Rank> ranks;
  for (std::size_t p : candidates) {
    const std::vector<double> gains = Gains(frontier, p);
    if (AllGainsPositive(gains)) {
      ranks.push_back({1, WeightedLogSum(gains, unit_weights)});
    } else {
      ranks.push_back({0, 0});
    }
  }
  return ranks;
}

// The Kalai-Smorodinsky ranks and the score of the all-left-out case.
std::vector<Rank> KalaiSmorodinskyRanks(const Frontier& frontier,
                                        const std::vector<std::size_t>& candidates) {
  const std::size_t n = frontier.parties.size();
  std::vector<double> range(n, kNegInf);
  for (std::size_t p : candidates) {
    const std::vector<double> gains = Gains(frontier, p);
    for (std::size_t i = 0; i < n; ++i) range[i] = std::max(range[i], gains[i]);
  }
  std::vector<Rank> ranks;
  for (std::size_t p : candidates) {
    const std::vector<double> gains = Gains(frontier, p);
    double share = 1;  // every party left out: each already has its ideal
    for (std::size_t i = 0; i < n; ++i) {
      if (range[i] > kUtilityEpsilon) share = std::min(share, gains[i] / range[i]);
    }
    ranks.push_back({0, share});
  }
  return ranks;
}

}  // namespace

const char* SolutionRuleName(SolutionRule rule) {
  switch (rule) {
    case SolutionRule::kNash:
      return "nash";
    case SolutionRule::kKalaiSmorodinsky:
      return "kalai_smorodinsky";
    case SolutionRule::kEgalitarian:
      return "egalitarian";
    case SolutionRule::kUtilitarian:
      return "utilitarian";
    case SolutionRule::kWeightedNash:
      return "weighted_nash";
  }
  return "unknown";
}

Solution Solve(const Frontier& frontier, SolutionRule rule, const std::vector<double>& weights) {
  CheckShape(frontier);
  if (rule == SolutionRule::kWeightedNash) CheckWeights(frontier, weights);

  Solution solution{rule, {}, 0};
  std::vector<std::size_t> candidates;
  // Points with a utility that is not finite (values that overflowed; CheckCase refuses the
  // cases that make them) are never candidates, so no rule ranks NaN.
  for (std::size_t p = 0; p < frontier.points.size(); ++p) {
    if (frontier.points[p].acceptable && AllFinite(frontier.points[p].utility)) {
      candidates.push_back(p);
    }
  }
  if (candidates.empty() || !AllFinite(frontier.disagreement)) return solution;

  const std::size_t n = frontier.parties.size();
  std::vector<Rank> ranks;
  switch (rule) {
    case SolutionRule::kNash:
      ranks = NashRanks(frontier, candidates, std::vector<double>(n, 1.0));
      break;
    case SolutionRule::kWeightedNash: {
      double total = 0;
      for (double w : weights) total += w;
      std::vector<double> unit_weights(n);
      for (std::size_t i = 0; i < n; ++i) unit_weights[i] = weights[i] * (n / total);
      ranks = NashRanks(frontier, candidates, unit_weights);
      break;
    }
    case SolutionRule::kKalaiSmorodinsky:
      ranks = KalaiSmorodinskyRanks(frontier, candidates);
      break;
    case SolutionRule::kEgalitarian:
      for (std::size_t p : candidates) {
        double least = std::numeric_limits<double>::infinity();
        for (double g : Gains(frontier, p)) least = std::min(least, g);
        ranks.push_back({0, least});
      }
      break;
    case SolutionRule::kUtilitarian:
      for (std::size_t p : candidates) {
        double sum = 0;
        for (double u : frontier.points[p].utility) sum += u;
        ranks.push_back({0, sum});
      }
      break;
    default:
      throw Error(ErrorCode::kUsage, "unknown bargaining solution rule");
  }
  solution.points = Best(candidates, ranks);
  if (solution.points.empty()) return solution;  // every key NaN: nothing to rank

  // The score at the first listed point.
  const std::size_t first = solution.points.front();
  const std::vector<double> gains = Gains(frontier, first);
  switch (rule) {
    case SolutionRule::kNash:
      if (AllGainsPositive(gains)) {
        solution.score = 1;
        for (double g : gains) solution.score *= g;
      }
      break;
    case SolutionRule::kWeightedNash:
      solution.score = AllGainsPositive(gains) ? WeightedLogSum(gains, weights) : kNegInf;
      break;
    default:
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c] == first) solution.score = ranks[c].key;
      }
      break;
  }
  return solution;
}

}  // namespace parley::analysis
