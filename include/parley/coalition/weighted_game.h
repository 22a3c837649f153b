#pragma once

/// A weighted voting game [q; w1, ..., wn]: a coalition wins when the sum of its members' weights
/// reaches the quota q. Weights are non-negative integers, the quota an integer in 1..sum.
///
///   const parley::coalition::WeightedGame eu{.players = {"FR", "DE", "IT", "BE", "NL", "LU"},
///                                            .weights = {4, 4, 4, 2, 2, 1}, .quota = 12};
///   parley::coalition::CheckWeightedGame(eu);  // throws on a bad or too large game

#include <cstdint>
#include <string>
#include <vector>

namespace parley::coalition {

/// A weighted voting game. players[i] has weight weights[i].
struct WeightedGame {
  std::vector<std::string> players;  ///< distinct, non-empty names, in the order results follow
  std::vector<std::uint64_t> weights;
  std::uint64_t quota = 1;
};

/// Throws Error(kInvalidInput) when the game is malformed (no players, names and weights of
/// different lengths, an empty or repeated name, a quota outside 1..sum of weights) and
/// Error(kLimit) past a limit of limits.h (players, sum of weights, players times quota).
/// O(n log n).
void CheckWeightedGame(const WeightedGame& game);

}  // namespace parley::coalition
