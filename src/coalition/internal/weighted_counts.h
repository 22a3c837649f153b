#pragma once

// The counts of every simple-game index of a weighted voting game by generating functions
// (docs/coalition.md, "How they are computed"). Private to src/coalition.

#include "internal/simple_counts.h"
#include "parley/coalition/weighted_game.h"

namespace parley::coalition::internal {

/// SimpleCounts of a checked weighted game, never enumerating coalitions: counting tables of
/// coalitions below the quota by (size or critical members, weight), on fixed-width integers of
/// at least n + 8 bits. O(n^2 q + D^2 n q + D n W) for D distinct weights and W the weight sum.
SimpleCounts CountWeighted(const WeightedGame& game);

}  // namespace parley::coalition::internal
