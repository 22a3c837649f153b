#pragma once

/// A game with transferable utility given by its characteristic function: the worth of each
/// listed coalition; coalitions not listed are worth 0. Small games only (limits.h).
///
///   const parley::coalition::TuGame g{.players = {"A", "B", "C"},
///                                     .worths = {{{0, 1}, "60"}, {{0, 1, 2}, "90"}}};

#include <cstddef>
#include <string>
#include <vector>

namespace parley::coalition {

/// The worth of one coalition.
struct CoalitionWorth {
  std::vector<std::size_t> members;  ///< indices into TuGame::players, distinct
  /// Exact number as text: an integer ("60", "-3"), a decimal ("2.75") or a fraction ("1/3").
  std::string value;
};

/// A game in characteristic-function form.
struct TuGame {
  std::vector<std::string> players;    ///< distinct, non-empty names
  std::vector<CoalitionWorth> worths;  ///< each coalition at most once; the rest are worth 0
};

/// True when `text` is an exact number as CoalitionWorth::value takes it: optional '-', digits,
/// then either '.' and digits or '/' and digits not all zero. O(text size).
bool IsExactNumber(const std::string& text);

/// Throws Error(kInvalidInput) when the game is malformed (no players, a repeated or empty name, a
/// member index out of range or repeated, a coalition listed twice, a value that is not an exact
/// number) and Error(kLimit) past kMaxTuPlayers or kMaxTuCoalitions. O(listed size).
void CheckTuGame(const TuGame& game);

}  // namespace parley::coalition
