#pragma once

/// The documented limits of the coalition games (docs/coalition.md, "Limits"), checked before any
/// work so that a game too large is refused at once with ErrorCode::kLimit (exit code 4).

#include <cstddef>
#include <cstdint>

namespace parley::coalition {

/// Players in a weighted voting game.
inline constexpr std::size_t kMaxWeightedPlayers = 1000;
/// Sum of the weights of a weighted voting game.
inline constexpr std::uint64_t kMaxWeightSum = 1'000'000;
/// Players times quota: the cells of one counting table (each an integer of up to n bits), which
/// bounds memory (about 130 MB per table at the largest integer width) and time.
inline constexpr std::uint64_t kMaxTableCells = 4'000'000;
/// Players in a game given by its characteristic function (all 2^n coalitions are looked at).
inline constexpr std::size_t kMaxTuPlayers = 20;
/// Coalitions listed in a game given by its characteristic function.
inline constexpr std::size_t kMaxTuCoalitions = 1u << 20;

}  // namespace parley::coalition
