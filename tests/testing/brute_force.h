#pragma once

// Reference definitions, written from the contracts, that the fast algorithms are tested against.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"

namespace parley::testing {

/// u dominates v: at least as good for every party (within kUtilityEpsilon), better for one.
inline bool BruteDominates(const std::vector<double>& u, const std::vector<double>& v) {
  bool strict = false;
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (u[i] < v[i] - analysis::kUtilityEpsilon) return false;
    if (u[i] > v[i] + analysis::kUtilityEpsilon) strict = true;
  }
  return strict;
}

/// The weighted Nash bargaining solution of a case, by visiting every outcome (not only the
/// frontier). Parties are those that state values, in case order.
struct BruteNash {
  std::vector<double> disagreement;  ///< each party's disagreement utility (PartyValuation)
  bool acceptable = false;           ///< some outcome gives every party u_i >= d_i - epsilon
  bool positive = false;             ///< some acceptable outcome gives every party a gain > epsilon
  double best_key = -std::numeric_limits<double>::infinity();  ///< when `positive`
  /// The utility vectors of the optimal outcomes: those with every gain > epsilon whose key
  /// sum_i w'_i log(u_i - d_i) (w' = the weights scaled to mean 1) is within `tolerance` of the
  /// best; when no outcome is positive, every acceptable outcome (all tie at a zero gain).
  std::vector<std::vector<double>> tied;
};

/// Solves the weighted Nash problem of `c` with `weights` (one per valued party, > 0) by
/// enumeration. O(outcomes x parties x issues).
inline BruteNash BruteWeightedNash(const Case& c, const std::vector<double>& weights,
                                   double tolerance = analysis::kUtilityEpsilon) {
  constexpr double kEps = analysis::kUtilityEpsilon;
  std::vector<PartyValuation> vals;
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) != nullptr) vals.emplace_back(c, p.id);
  }
  BruteNash out;
  for (const PartyValuation& v : vals) out.disagreement.push_back(v.DisagreementUtility());
  double total = 0;
  for (double w : weights) total += w;
  std::vector<std::vector<double>> positive, acceptable;
  std::vector<double> keys;
  OutcomeSpace space(c.issues);
  Outcome o = space.First();
  do {
    std::vector<double> u;
    bool ok = true, all_positive = true;
    double key = 0;
    for (std::size_t i = 0; i < vals.size(); ++i) {
      u.push_back(vals[i].Utility(o));
      const double gain = u[i] - out.disagreement[i];
      if (gain < -kEps) ok = false;
      if (gain <= kEps) {
        all_positive = false;
      } else {
        key += weights[i] * static_cast<double>(vals.size()) / total * std::log(gain);
      }
    }
    if (!ok) continue;
    out.acceptable = true;
    acceptable.push_back(u);
    if (!all_positive) continue;
    out.positive = true;
    positive.push_back(u);
    keys.push_back(key);
    out.best_key = std::max(out.best_key, key);
  } while (space.Next(o));
  if (!out.positive) {
    out.tied = acceptable;
    return out;
  }
  for (std::size_t k = 0; k < positive.size(); ++k) {
    if (keys[k] >= out.best_key - tolerance) out.tied.push_back(positive[k]);
  }
  return out;
}

}  // namespace parley::testing
