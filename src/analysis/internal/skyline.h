#pragma once

// The exact Pareto filter for three or more parties (the skyline of a point set): which of P
// points no other point dominates, with equal points grouped. Used by the additive fold
// (PruneDominated) and by the enumeration path of the frontier.
//
// Method. Each coordinate is first snapped to ranks: its values sorted, a new rank started when a
// value exceeds the first value of the current rank by more than kUtilityEpsilon (so values of
// one rank lie within epsilon of each other). Dominance under epsilon then becomes exact
// dominance of rank vectors, except between two values within epsilon of each other on either
// side of a rank boundary, which count as distinct (Parley's utilities are sums of a few terms:
// equal sums differ by rounding noise far below epsilon, distinct ones by far more). Points are
// sorted by rank vector descending (then index); equal rank vectors are adjacent and form one
// group. A group is kept when no earlier group covers it (>= on every other coordinate): the
// offline dominance problem, solved by divide and conquer on the sweep order (Bentley 1980;
// Kung, Luccio and Preparata 1975 for the maxima), with a Fenwick tree of prefix maxima on the
// last two coordinates at the base.
//
// Cost: O(P log P) for three parties (sort and sweep), O(P log^(d-2) P) for d >= 4; memory O(P).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::analysis::internal {

/// The skyline of `count` points of `dims` >= 3 coordinates (row-major in `u`).
struct Skyline {
  /// Every point index, by snapped utility descending (first coordinate first), then by index.
  std::vector<std::uint32_t> order;
  /// The groups no other point dominates: [begin[g], end[g]) positions in `order`, all points of
  /// a group equal within the snapping above, the first the group's representative.
  std::vector<std::uint32_t> begin, end;
};

/// Computes the skyline (see the file comment). Requires dims >= 3 and count < 2^32.
/// O(P log P) for dims == 3, O(P log^(dims-2) P) beyond.
Skyline ComputeSkyline(const double* u, std::size_t count, std::size_t dims);

}  // namespace parley::analysis::internal
