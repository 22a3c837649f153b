#include "parley/sim/concession_policy.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace parley::sim {

double TimeDependent::F(double t) const {
  if (e_ == 0) return t >= 1 ? 1.0 : k_;
  return k_ + (1 - k_) * std::pow(t, 1 / e_);
}

double TimeDependent::Target(const ConcessionState& state) const {
  return pmin_ + (pmax_ - pmin_) * (1 - F(state.time));
}

double TitForTat::Target(const ConcessionState& state) const {
  const std::span<const double> v = state.received;
  if (v.size() <= window_) return pmax_;
  const double now = v.back(), before = v[v.size() - 1 - window_];
  const double ratio = now > 0 && before > 0 ? before / now : 1.0;
  return std::clamp(state.last_target * ratio, std::min(pmin_, pmax_), pmax_);
}

}  // namespace parley::sim
