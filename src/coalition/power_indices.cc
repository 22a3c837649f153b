#include "parley/coalition/power_indices.h"

#include <bit>
#include <cstdint>
#include <optional>

#include "internal/simple_counts.h"
#include "internal/weighted_counts.h"

namespace parley::coalition {
namespace {

using internal::BigInt;
using internal::Rational;

// Worth of every coalition by bit mask (bit i: player i), listed ones exact, the rest 0.
std::vector<Rational> Worths(const TuGame& game) {
  std::vector<Rational> v(std::size_t{1} << game.players.size(), Rational(0));
  for (const CoalitionWorth& w : game.worths) {
    std::uint32_t mask = 0;
    for (std::size_t i : w.members) mask |= 1u << i;
    v[mask] = internal::ParseExact(w.value);
  }
  return v;
}

// phi_i = sum over listed T of v(T) * (|T|-1)!(n-|T|)!/n! when i is in T, and
// - v(T) * |T|!(n-|T|-1)!/n! when it is not. O(listed * n).
std::vector<Fraction> ShapleyValue(const TuGame& game) {
  const std::size_t n = game.players.size();
  const std::vector<BigInt> f = internal::Factorials(n);
  std::vector<Rational> phi(n, Rational(0));
  for (const CoalitionWorth& w : game.worths) {
    const Rational v = internal::ParseExact(w.value);
    const std::size_t t = w.members.size();
    std::vector<bool> in(n, false);
    for (std::size_t i : w.members) in[i] = true;
    for (std::size_t i = 0; i < n; ++i) {
      if (in[i]) {
        phi[i] += v * Rational(f[t - 1] * f[n - t], f[n]);
      } else {
        phi[i] -= v * Rational(f[t] * f[n - t - 1], f[n]);
      }
    }
  }
  std::vector<Fraction> out;
  for (const Rational& x : phi) out.push_back(internal::ToFraction(x));
  return out;
}

// Winning coalitions by mask when the game is simple (0/1 worths, v(empty) = 0, v(N) = 1,
// monotone), else nothing.
std::optional<std::vector<bool>> SimpleGame(const std::vector<Rational>& v, std::size_t n) {
  std::vector<bool> win(v.size(), false);
  for (std::size_t m = 0; m < v.size(); ++m) {
    if (v[m] != 0 && v[m] != 1) return std::nullopt;
    win[m] = v[m] == 1;
  }
  if (win[0] || !win[v.size() - 1]) return std::nullopt;
  for (std::size_t m = 0; m < v.size(); ++m) {
    if (!win[m]) continue;
    for (std::size_t i = 0; i < n; ++i) {
      if (!win[m | (std::size_t{1} << i)]) return std::nullopt;
    }
  }
  return win;
}

// Every simple-game count by enumerating the 2^n coalitions. O(2^n n).
internal::SimpleCounts CountByEnumeration(const std::vector<bool>& win, std::size_t n) {
  internal::SimpleCounts c(n);
  std::vector<std::vector<std::uint64_t>> pivots(n, std::vector<std::uint64_t>(n + 1, 0));
  std::vector<std::vector<std::uint64_t>> critical(n, std::vector<std::uint64_t>(n + 1, 0));
  std::vector<std::vector<std::uint64_t>> minimal(n, std::vector<std::uint64_t>(n + 1, 0));
  std::uint64_t winning = 0;
  std::vector<std::size_t> crit;
  for (std::size_t m = 0; m < win.size(); ++m) {
    if (!win[m]) continue;
    ++winning;
    const auto size = static_cast<std::size_t>(std::popcount(m));
    crit.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t bit = std::size_t{1} << i;
      if ((m & bit) && !win[m ^ bit]) crit.push_back(i);
    }
    for (std::size_t i : crit) {
      ++pivots[i][size];
      ++critical[i][crit.size()];
      if (crit.size() == size) ++minimal[i][size];
    }
  }
  const std::vector<BigInt> f = internal::Factorials(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t s = 1; s <= n; ++s) {
      c.swings[i] += pivots[i][s];
      c.shapley_shubik[i] += Rational(f[s - 1] * f[n - s] * pivots[i][s], f[n]);
      c.johnston[i] += Rational(BigInt(critical[i][s]), BigInt(s));
      c.minimal[i] += minimal[i][s];
      c.minimal_inverse_size[i] += Rational(BigInt(minimal[i][s]), BigInt(s));
    }
  }
  c.winning = winning;
  c.losing = BigInt(win.size() - winning);
  return c;
}

}  // namespace

const PowerIndex* PowerIndices::Find(const std::string& key) const {
  for (const PowerIndex& index : indices) {
    if (index.key == key) return &index;
  }
  return nullptr;
}

PowerIndices ComputeIndices(const WeightedGame& game) {
  CheckWeightedGame(game);
  PowerIndices r;
  r.players = game.players;
  r.weighted = true;
  r.simple = true;
  r.indices = internal::SimpleIndices(internal::CountWeighted(game));
  return r;
}

PowerIndices ComputeIndices(const TuGame& game) {
  CheckTuGame(game);
  const std::size_t n = game.players.size();
  PowerIndices r;
  r.players = game.players;
  r.indices.push_back({"shapley_value", "Shapley value", ShapleyValue(game)});
  if (const auto win = SimpleGame(Worths(game), n)) {
    r.simple = true;
    for (PowerIndex& index : internal::SimpleIndices(CountByEnumeration(*win, n))) {
      r.indices.push_back(std::move(index));
    }
  }
  return r;
}

}  // namespace parley::coalition
