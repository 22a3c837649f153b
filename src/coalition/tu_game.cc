#include "parley/coalition/tu_game.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "parley/coalition/limits.h"
#include "parley/core/error.h"

namespace parley::coalition {
namespace {

[[noreturn]] void Invalid(const std::string& message) {
  throw Error(ErrorCode::kInvalidInput, message);
}

bool AllDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; });
}

}  // namespace

bool IsExactNumber(const std::string& text) {
  const std::string body = !text.empty() && text[0] == '-' ? text.substr(1) : text;
  if (const std::size_t slash = body.find('/'); slash != std::string::npos) {
    const std::string den = body.substr(slash + 1);
    return AllDigits(body.substr(0, slash)) && AllDigits(den) &&
           den.find_first_not_of('0') != std::string::npos;
  }
  if (const std::size_t dot = body.find('.'); dot != std::string::npos) {
    return AllDigits(body.substr(0, dot)) && AllDigits(body.substr(dot + 1));
  }
  return AllDigits(body);
}

void CheckTuGame(const TuGame& game) {
  const std::size_t n = game.players.size();
  if (n == 0) Invalid("a game needs at least one player");
  if (n > kMaxTuPlayers) {
    throw Error(ErrorCode::kLimit, "a game given by its coalitions' worths has at most " +
                                       std::to_string(kMaxTuPlayers) + " players, not " +
                                       std::to_string(n));
  }
  if (game.worths.size() > kMaxTuCoalitions) {
    throw Error(ErrorCode::kLimit, "a game lists at most " + std::to_string(kMaxTuCoalitions) +
                                       " coalitions, not " + std::to_string(game.worths.size()));
  }
  std::set<std::string> names;
  for (const std::string& name : game.players) {
    if (name.empty()) Invalid("a player's name is empty");
    if (!names.insert(name).second) Invalid("player '" + name + "' is named twice");
  }
  std::set<std::uint32_t> coalitions;
  for (std::size_t k = 0; k < game.worths.size(); ++k) {
    const CoalitionWorth& w = game.worths[k];
    const std::string where = "coalition " + std::to_string(k + 1);
    std::uint32_t mask = 0;
    for (std::size_t i : w.members) {
      if (i >= n) Invalid(where + " names a player out of range");
      if ((mask >> i) & 1u) Invalid(where + " names '" + game.players[i] + "' twice");
      mask |= 1u << i;
    }
    if (!coalitions.insert(mask).second) Invalid(where + " is listed twice");
    if (!IsExactNumber(w.value)) {
      Invalid(where + ": '" + w.value + "' is not an exact number (write 3, -2.75 or 1/3)");
    }
  }
}

}  // namespace parley::coalition
