#pragma once

// Reference definitions, written from the contracts, that the fast algorithms are tested against.

#include <vector>

#include "parley/analysis/frontier.h"

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

}  // namespace parley::testing
