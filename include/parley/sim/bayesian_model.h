#pragma once

/// The Bayesian opponent model of Hindriks and Tykhonov (2008), "Opponent modelling in automated
/// multi-issue negotiation using Bayesian learning" (AAMAS 2008), in its scalable form: an
/// additive estimate of the other side's preferences, learnt by Bayes' rule from the offers it
/// makes under the assumption that it concedes along a line.
///
/// - Hypotheses, independent per issue (the paper's scalable variant, never the product space):
///   - the issue's rank r in 1..n among the n issues, weight w(r) = 2r / (n(n+1)) (the paper's
///     rank weights: they sum to 1 over a ranking), uniform prior;
///   - the issue's evaluation shape, uniform prior: for a number issue on [lo, hi], downhill,
///     uphill and `peaks` (3) triangles peaking at lo + j (hi - lo) / (peaks + 1), 0 at both ends;
///     for an options issue of m options in the case's order, a triangle peaking at each option
///     k (1 at k, falling linearly to 0 at the first and the last option; k = 0 is downhill,
///     k = m - 1 uphill), at most kMaxOptionPeaks (12) peaks, evenly spaced on a longer list;
///     an issue with one value has one flat shape, 1.
/// - The expected weight of issue i is W_i = sum_r P_i(r) w(r), normalised over the issues to
///   sum 1; its expected evaluation E_i(x) = sum_s P_i(s) e_s(x).
/// - The t-th distinct offer (t = 0, 1, ...) is expected to be worth u*_t = max(floor, 1 - step t)
///   to them: `step` 0.035 per offer as in GENIUS's BayesianOpponentModel (the paper's linear
///   concession), `floor` 0.1 (ours: keeps the relative gap defined). An offer seen before is not
///   read again (GENIUS does the same).
/// - Likelihood of an offer b under a hypothesis h: exp(-x^2 / (2 sigma^2)) with
///   x = (u*_t - u_h(b)) / u*_t, `sigma` 0.25 (GENIUS), where u_h(b) is the expected utility
///   with the issue's hypothesis in place of its expectation and every other issue at its
///   expectation (weights renormalised). Every issue's hypotheses are updated from the same prior
///   state, then normalised; a likelihood that vanishes everywhere leaves the issue unchanged.
///
/// Cost per offer read: O(n (n + S)) for n issues and S the largest number of shapes of an issue
/// (options count, or peaks + 2), independent of the size of the outcome space.
///
///   parley::sim::BayesianModel model(c.issues);
///   model.Observe(offer);
///   const parley::sim::AdditiveModel estimate = model.Estimate();  // utilities in [0, 1]

#include <cstdint>
#include <set>
#include <vector>

#include "parley/core/issue.h"
#include "parley/core/outcome_space.h"
#include "parley/sim/additive_model.h"

namespace parley::sim {

/// The most shape hypotheses of an options issue.
inline constexpr std::uint64_t kMaxOptionPeaks = 12;

/// The parameters of the Bayesian model, with their defaults.
struct BayesianOptions {
  double step = 0.035;    ///< expected concession per distinct offer (GENIUS); >= 0
  double sigma = 0.25;    ///< spread of the likelihood (GENIUS); > 0
  double floor = 0.1;     ///< the lowest utility the concession line expects; in (0, 1]
  std::size_t peaks = 3;  ///< triangle hypotheses inside a number issue's range
};

/// The Bayesian model above.
class BayesianModel {
 public:
  /// `issues` must outlive the model. O(issues x shapes).
  explicit BayesianModel(const std::vector<Issue>& issues, BayesianOptions options = {});
  /// Reads one offer of the other side (ignored when seen before). O(n (n + S)).
  void Observe(const Outcome& offer);
  /// The estimate: expected weight x expected evaluation per issue, utility in [0, 1].
  /// O(issues x shapes x options).
  AdditiveModel Estimate() const;
  /// The expected weights, normalised to sum 1, in issue order. O(n^2).
  std::vector<double> Weights() const;
  /// Distinct offers read so far.
  std::uint64_t Observed() const { return observed_; }

 private:
  struct Shape {
    std::vector<std::pair<double, double>> points;  // piecewise linear in x, x increasing
  };
  double Evaluation(std::size_t i, std::uint64_t k) const;  // expected evaluation at index k
  double ShapeAt(std::size_t i, std::size_t s, std::uint64_t k) const;

  const std::vector<Issue>* issues_;
  BayesianOptions options_;
  std::vector<std::vector<double>> rank_p_;   // per issue, per rank 1..n
  std::vector<std::vector<Shape>> shapes_;    // per issue
  std::vector<std::vector<double>> shape_p_;  // per issue, per shape
  std::set<Outcome> seen_;
  std::uint64_t observed_ = 0;
};

}  // namespace parley::sim
