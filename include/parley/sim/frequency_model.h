#pragma once

/// The frequency opponent model (van Krimpen, Looije and Hajizadeh 2013, "HardHeaded", as
/// Baarslag et al. 2013 "Predicting the performance of opponent models" describe it): an
/// additive estimate of the other side's preferences from the offers it makes.
///
/// - Issue weights start equal (1/n). When two consecutive offers keep an issue's value, that
///   issue gains `learn` (default 0.2) before the weights are normalised to sum 1: a side that
///   keeps an issue fixed cares about it.
/// - Options issues: an option's score is (its count + 1) / (the largest count + 1), counting
///   each offer once.
/// - Number issues (a simplification, documented in docs/simulation.md): a peak at the mean of
///   the values offered, score 1 there, falling linearly to 1 - distance / range towards each
///   end; piecewise linear, so bidding never scans the grid.
///
/// With several other parties one model reads every other party's offers together.
///
///   parley::sim::FrequencyModel model(c.issues);
///   model.Observe(offer);
///   const parley::sim::AdditiveModel estimate = model.Estimate();

#include <cstdint>
#include <vector>

#include "parley/core/issue.h"
#include "parley/core/outcome_space.h"
#include "parley/sim/additive_model.h"

namespace parley::sim {

/// The frequency model above.
class FrequencyModel {
 public:
  /// `issues` must outlive the model; learn >= 0.
  explicit FrequencyModel(const std::vector<Issue>& issues, double learn = 0.2);
  /// Reads one offer of the other side. O(issues).
  void Observe(const Outcome& offer);
  /// The estimate: weight x score per issue, utility in [0, 1]. O(options + issues).
  AdditiveModel Estimate() const;
  /// Estimate, written into `out` over what it held (its storage reused: a bidder asking every
  /// turn allocates nothing after the first). O(options + issues).
  void EstimateInto(AdditiveModel& out) const;
  /// Offers read so far.
  std::uint64_t Observed() const { return observed_; }

 private:
  const std::vector<Issue>* issues_;
  double learn_;
  std::vector<double> weights_;
  std::vector<std::vector<double>> counts_;  // options issues: per option
  std::vector<double> sums_;                 // number issues: sum of the values offered
  std::vector<double> top_;                  // options issues: the largest count
  Outcome last_;
  std::uint64_t observed_ = 0;
};

}  // namespace parley::sim
