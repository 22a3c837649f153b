#pragma once

// What every simple-game index is made of, counted once per game (by generating functions for a
// weighted game, by enumeration for a small game in characteristic-function form), and the
// indices built from it. Private to src/coalition.

#include <cstddef>
#include <vector>

#include "internal/exact.h"
#include "parley/coalition/power_indices.h"

namespace parley::coalition::internal {

/// Per player i (vectors in player order) over the coalitions S of an n-player simple game.
struct SimpleCounts {
  std::size_t n = 0;
  std::vector<Rational> shapley_shubik;  ///< sum over S winning with i critical of (s-1)!(n-s)!/n!
  std::vector<BigInt> swings;            ///< S winning, S \ {i} losing
  std::vector<BigInt> minimal;           ///< minimal winning S containing i
  std::vector<Rational> minimal_inverse_size;  ///< sum over those S of 1/|S|
  std::vector<Rational> johnston;  ///< sum over S where i is critical of 1/(critical players in S)
  BigInt winning;                  ///< winning coalitions
  BigInt losing;                   ///< losing coalitions

  /// Sized for n players, all zero.
  explicit SimpleCounts(std::size_t players);
};

/// The simple-game indices in their documented order (power_indices.h), each as defined in
/// docs/coalition.md. O(n) rational operations.
std::vector<PowerIndex> SimpleIndices(const SimpleCounts& counts);

}  // namespace parley::coalition::internal
