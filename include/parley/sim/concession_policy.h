#pragma once

/// How a bidding strategy sets the utility it asks for at each turn: the target. Three families,
/// each exactly as its source defines it, on the strategy's own utility scale:
///
/// - Time-dependent tactics (Faratin, Sierra and Jennings 1998; GENIUS's TimeDependentAgent):
///   f(t) = k + (1 - k) t^(1/e), target p(t) = Pmin + (Pmax - Pmin) (1 - f(t)). e < 1 is
///   Boulware (0.2), 1 Linear, e > 1 Conceder (2), e = 0 Hardliner (f = k until t = 1).
///   Pmin defaults to the reservation utility, Pmax to the best utility.
/// - Relative tit-for-tat (Faratin et al. 1998, section 4.3, as Baarslag, Hindriks and Jonker
///   2013 apply it to utilities): the opponent's concession over its last `delta` offers, as the
///   ratio of our utilities of them, is reciprocated on our target:
///   p_{n+1} = p_n x v_{n-delta} / v_n, clamped to [Pmin, Pmax], where v_n is our utility of the
///   opponent's n-th offer (v_n > v_{n-delta} when it concedes).
/// - Averaged tit-for-tat (Faratin et al. 1998): the same over a window of `window` offers:
///   p_{n+1} = p_n x v_{n-window} / v_n.
///   Until enough offers have arrived both keep Pmax. A ratio with v <= 0 counts as 1.
///
///   parley::sim::TimeDependent boulware(0.2, 0, 0.3, 1);  // e, k, Pmin, Pmax
///   const double p = boulware.Target({.time = 0.5});       // 1 - 0.7 x 0.5^5

#include <cstddef>
#include <memory>
#include <span>

namespace parley::sim {

/// What a concession policy sees.
struct ConcessionState {
  double time = 0;  ///< t in [0, 1]
  /// Our utility of every offer received, oldest first: a view of the strategy's own record,
  /// valid for the call (no copy per turn).
  std::span<const double> received;
  double last_target = 1;  ///< the target of our previous turn (Pmax at first)
};

/// A rule for the target utility.
class ConcessionPolicy {
 public:
  virtual ~ConcessionPolicy() = default;
  /// The target for this turn.
  virtual double Target(const ConcessionState& state) const = 0;
};

/// The time-dependent tactic p(t) above.
class TimeDependent : public ConcessionPolicy {
 public:
  /// e >= 0, k in [0, 1]; pmin <= pmax is not required (a target above Pmax is Pmax's bid).
  TimeDependent(double e, double k, double pmin, double pmax)
      : e_(e), k_(k), pmin_(pmin), pmax_(pmax) {}
  /// f(t) = k + (1 - k) t^(1/e); for e = 0, k for t < 1 and 1 at t = 1.
  double F(double t) const;
  double Target(const ConcessionState& state) const override;

 private:
  double e_, k_, pmin_, pmax_;
};

/// Relative (window = delta) or averaged tit-for-tat, as above.
class TitForTat : public ConcessionPolicy {
 public:
  /// window >= 1 offers back; pmin <= pmax.
  TitForTat(std::size_t window, double pmin, double pmax)
      : window_(window), pmin_(pmin), pmax_(pmax) {}
  double Target(const ConcessionState& state) const override;

 private:
  std::size_t window_;
  double pmin_, pmax_;
};

}  // namespace parley::sim
