#include "parley/coalition/weighted_game.h"

#include <set>

#include "parley/coalition/limits.h"
#include "parley/core/error.h"

namespace parley::coalition {
namespace {

[[noreturn]] void InvalidWeightedGame(const std::string& message) {
  throw Error(ErrorCode::kInvalidInput, message);
}

[[noreturn]] void Limit(const std::string& message) { throw Error(ErrorCode::kLimit, message); }

}  // namespace

void CheckWeightedGame(const WeightedGame& game) {
  const std::size_t n = game.weights.size();
  if (n == 0) InvalidWeightedGame("a weighted voting game needs at least one player");
  if (game.players.size() != n) {
    InvalidWeightedGame("the game names " + std::to_string(game.players.size()) +
                        " players but gives " + std::to_string(n) + " weights");
  }
  if (n > kMaxWeightedPlayers) {
    Limit("a weighted voting game has at most " + std::to_string(kMaxWeightedPlayers) +
          " players, not " + std::to_string(n));
  }
  std::set<std::string> seen;
  for (const std::string& name : game.players) {
    if (name.empty()) InvalidWeightedGame("a player's name is empty");
    if (!seen.insert(name).second) InvalidWeightedGame("player '" + name + "' is named twice");
  }
  std::uint64_t sum = 0;
  for (std::uint64_t w : game.weights) {
    if (w > kMaxWeightSum || sum + w > kMaxWeightSum) {
      Limit("the weights of a weighted voting game sum to at most " +
            std::to_string(kMaxWeightSum));
    }
    sum += w;
  }
  if (game.quota < 1 || game.quota > sum) {
    InvalidWeightedGame("the quota must be from 1 to the sum of the weights (" +
                        std::to_string(sum) + "), not " + std::to_string(game.quota));
  }
  if (static_cast<std::uint64_t>(n) * game.quota > kMaxTableCells) {
    Limit("players times quota is at most " + std::to_string(kMaxTableCells) + ", not " +
          std::to_string(n) + " x " + std::to_string(game.quota));
  }
}

}  // namespace parley::coalition
