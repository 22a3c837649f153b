#pragma once

/// Power indices of a coalition game, all exact (docs/coalition.md gives each formula and its
/// source): for a simple game (a weighted voting game, or a 0/1 monotone game in characteristic-
/// function form) Shapley-Shubik, Banzhaf normalised and absolute, Deegan-Packel, Holler's public
/// good index, Johnston, and Coleman's power to prevent and to initiate action; for a game in
/// characteristic-function form also the Shapley value.
///
///   const auto r = parley::coalition::ComputeIndices(parley::coalition::WeightedGame{
///       .players = {"P1", "P2", "P3"}, .weights = {2, 1, 1}, .quota = 3});
///   for (const auto& index : r.indices) std::cout << index.key << ' ' << index.values[0].Text();

#include <string>
#include <vector>

#include "parley/coalition/fraction.h"
#include "parley/coalition/tu_game.h"
#include "parley/coalition/weighted_game.h"

namespace parley::coalition {

/// One index: a value per player, in the game's player order.
struct PowerIndex {
  std::string key;   ///< "shapley_shubik", "banzhaf", ... (the JSON key)
  std::string name;  ///< "Shapley-Shubik", "Banzhaf", ... (for people)
  std::vector<Fraction> values;
};

/// Every index computed for one game.
struct PowerIndices {
  std::vector<std::string> players;
  bool weighted = false;  ///< a weighted voting game (else a game in characteristic-function form)
  /// True when the simple-game indices are given: always for a weighted game; for a game in
  /// characteristic-function form when every worth is 0 or 1, the grand coalition is worth 1,
  /// the empty one 0, and a superset of a winning coalition wins.
  bool simple = false;
  /// In this order, those that apply: shapley_value (games in characteristic-function form),
  /// shapley_shubik, banzhaf, banzhaf_absolute, deegan_packel, public_good, johnston,
  /// coleman_prevent, coleman_initiate (simple games).
  std::vector<PowerIndex> indices;

  /// The index with `key`, or nullptr.
  const PowerIndex* Find(const std::string& key) const;
};

/// Every simple-game index of a weighted voting game, exactly, by generating functions: counts of
/// coalitions by size and weight below the quota, never enumerating coalitions. O(n^2 q) for the
/// counting tables plus O(D^2 n q) for the players' classes of equal weight (D distinct weights),
/// on integers of about n bits. Throws as CheckWeightedGame does.
PowerIndices ComputeIndices(const WeightedGame& game);

/// The Shapley value of a game in characteristic-function form (over the listed coalitions,
/// O(listed * n)), and, when the game is simple, the simple-game indices over all 2^n coalitions
/// (O(2^n n), n <= kMaxTuPlayers). Throws as CheckTuGame does.
PowerIndices ComputeIndices(const TuGame& game);

}  // namespace parley::coalition
