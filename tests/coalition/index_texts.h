#pragma once

// The values of one index of a PowerIndices as text, for the coalition tests.

#include <string>
#include <vector>

#include "parley/coalition/power_indices.h"

namespace parley::coalition::testing {

/// Fraction::Text() of each player's value of the index `key` of `r` (which must hold it).
inline std::vector<std::string> Texts(const PowerIndices& r, const std::string& key) {
  std::vector<std::string> out;
  for (const Fraction& f : r.Find(key)->values) out.push_back(f.Text());
  return out;
}

}  // namespace parley::coalition::testing
