// Generating functions over weights (Brams & Affuso 1976; Bilbao, Fernandez, Jimenez Losada &
// Lopez 2000): a table counts the coalitions of weight below the quota by a second measure (size,
// or the number of "marked" members); adding a player multiplies it by (1 + x y^w), removing one
// divides by it (the inverse recurrence, O(rows * q)). Players of equal weight are symmetric, so
// each removal is done once per class of equal weight. Integers are fixed-width and unsigned:
// the true counts fit, and the wrap-around of intermediate differences cancels exactly.
#include "internal/weighted_counts.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace parley::coalition::internal {
namespace {

namespace mp = boost::multiprecision;

struct WeightClass {
  std::uint64_t weight = 0;
  std::vector<std::size_t> members;
};

// Players grouped by weight, heaviest first.
std::vector<WeightClass> ClassesByWeight(const WeightedGame& game) {
  std::map<std::uint64_t, std::vector<std::size_t>, std::greater<>> by_weight;
  for (std::size_t i = 0; i < game.weights.size(); ++i) by_weight[game.weights[i]].push_back(i);
  std::vector<WeightClass> out;
  for (auto& [weight, members] : by_weight) out.push_back({weight, std::move(members)});
  return out;
}

// The most members a coalition of weight below the quota can have: no table row above it is
// ever non-zero.
std::size_t MaxRowsBelowQuota(const WeightedGame& game) {
  std::vector<std::uint64_t> w = game.weights;
  std::sort(w.begin(), w.end());
  std::uint64_t sum = 0;
  std::size_t rows = 0;
  for (std::uint64_t x : w) {
    if (sum + x >= game.quota) break;
    sum += x;
    ++rows;
  }
  return rows;
}

// Counts by (row, weight) for weights 0..cols-1.
template <class Int>
class Table {
 public:
  Table(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), cells_(rows * cols) {}
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  Int* Row(std::size_t r) { return cells_.data() + r * cols_; }
  const Int* Row(std::size_t r) const { return cells_.data() + r * cols_; }
  void Clear() { std::fill(cells_.begin(), cells_.end(), Int(0)); }

 private:
  std::size_t rows_;
  std::size_t cols_;
  std::vector<Int> cells_;
};

// Multiplies by (1 + x y^w): a player counted in the row measure. In place, top row downwards.
template <class Int>
void AddMarked(Table<Int>& t, std::uint64_t w) {
  if (w >= t.cols()) return;
  for (std::size_t r = t.rows() - 1; r >= 1; --r) {
    Int* dst = t.Row(r);
    const Int* src = t.Row(r - 1);
    for (std::size_t u = t.cols(); u-- > w;) dst[u] += src[u - w];
  }
}

// Multiplies by (1 + y^w): a player not counted in the row measure.
template <class Int>
void AddUnmarked(Table<Int>& t, std::uint64_t w) {
  if (w == 0) {
    for (std::size_t r = 0; r < t.rows(); ++r) {
      for (std::size_t u = 0; u < t.cols(); ++u) t.Row(r)[u] += t.Row(r)[u];
    }
    return;
  }
  if (w >= t.cols()) return;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Int* row = t.Row(r);
    for (std::size_t u = t.cols(); u-- > w;) row[u] += row[u - w];
  }
}

// Divides by (1 + y^w) in place.
template <class Int>
void RemoveUnmarked(Table<Int>& t, std::uint64_t w) {
  if (w == 0) {
    for (std::size_t r = 0; r < t.rows(); ++r) {
      for (std::size_t u = 0; u < t.cols(); ++u) t.Row(r)[u] >>= 1;
    }
    return;
  }
  if (w >= t.cols()) return;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Int* row = t.Row(r);
    for (std::size_t u = w; u < t.cols(); ++u) row[u] -= row[u - w];
  }
}

// out = t / (1 + x y^w): the coalitions without one marked player of weight w.
template <class Int>
void RemoveMarked(const Table<Int>& t, std::uint64_t w, Table<Int>& out) {
  std::copy(t.Row(0), t.Row(0) + t.cols(), out.Row(0));
  for (std::size_t r = 1; r < t.rows(); ++r) {
    const Int* src = t.Row(r);
    const Int* below = out.Row(r - 1);
    Int* dst = out.Row(r);
    for (std::size_t u = 0; u < t.cols(); ++u) {
      dst[u] = src[u];
      if (u >= w) dst[u] -= below[u - w];
    }
  }
}

template <class Int>
BigInt Big(const Int& x) {
  return BigInt(x);
}

// Sum of row[t - shift] over t in [lo, hi] where 0 <= t - shift < cols.
template <class Int>
Int WindowSum(const Int* row, std::size_t cols, std::uint64_t lo, std::uint64_t hi,
              std::uint64_t shift) {
  Int sum = 0;
  if (hi < shift) return sum;
  const std::uint64_t from = lo > shift ? lo - shift : 0;
  const std::uint64_t to = std::min<std::uint64_t>(hi - shift, cols - 1);
  for (std::uint64_t u = from; u <= to; ++u) sum += row[u];
  return sum;
}

template <class Int>
class Counter {
 public:
  explicit Counter(const WeightedGame& game)
      : game_(game),
        n_(game.weights.size()),
        q_(game.quota),
        rows_(MaxRowsBelowQuota(game) + 1),
        classes_(ClassesByWeight(game)),
        counts_(n_) {}

  SimpleCounts Run() {
    Table<Int> all(rows_, q_);
    Table<Int> without(rows_, q_);
    CountSwings(all, without);
    CountMinimal(all, without);
    CountJohnston(all, without);
    return std::move(counts_);
  }

 private:
  // Shapley-Shubik, swings, winning and losing coalitions: coalitions by (size, weight).
  void CountSwings(Table<Int>& all, Table<Int>& without) {
    all.Clear();
    all.Row(0)[0] = 1;
    for (std::uint64_t w : game_.weights) AddMarked(all, w);
    Int losing = 0;
    for (std::size_t r = 0; r < all.rows(); ++r) {
      for (std::size_t u = 0; u < q_; ++u) losing += all.Row(r)[u];
    }
    counts_.losing = Big(losing);
    counts_.winning = (BigInt(1) << n_) - counts_.losing;
    const std::vector<BigInt> f = Factorials(n_);
    for (const WeightClass& c : classes_) {
      if (c.weight == 0) continue;
      RemoveMarked(all, c.weight, without);
      const std::uint64_t lo = q_ > c.weight ? q_ - c.weight : 0;
      Int swings = 0;
      BigInt ordered = 0;
      for (std::size_t s = 0; s < without.rows() && s < n_; ++s) {
        const Int pivots = WindowSum(without.Row(s), q_, lo, q_ - 1, 0);
        swings += pivots;
        if (pivots != 0) ordered += Big(pivots) * f[s] * f[n_ - 1 - s];
      }
      const Rational shapley(ordered, f[n_]);
      for (std::size_t i : c.members) {
        counts_.swings[i] = Big(swings);
        counts_.shapley_shubik[i] = shapley;
      }
    }
  }

  // Minimal winning coalitions by their lightest class k: S = A + (members of class k), A from
  // the heavier classes, w(S) in [q, q + d_k - 1].
  void CountMinimal(Table<Int>& heavier, Table<Int>& without) {
    heavier.Clear();
    heavier.Row(0)[0] = 1;
    std::vector<std::vector<Int>> by_size(classes_.size(), std::vector<Int>(n_ + 1, Int(0)));
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      const WeightClass& c = classes_[k];
      if (c.weight == 0) break;
      const std::uint64_t hi = q_ + c.weight - 1;
      const std::size_t m = c.members.size();
      const std::vector<BigInt> choose_others = Binomials(m - 1);
      for (std::size_t j = 0; j < m; ++j) {  // a member of class k and j more of it
        const std::uint64_t shift = c.weight * (j + 1);
        if (shift > hi) break;
        const Int ways = static_cast<Int>(choose_others[j]);
        for (std::size_t s = 0; s < heavier.rows() && s + 1 + j <= n_; ++s) {
          by_size[k][s + 1 + j] += ways * WindowSum(heavier.Row(s), q_, q_, hi, shift);
        }
      }
      const std::vector<BigInt> choose = Binomials(m);
      for (std::size_t h = 0; h < k; ++h) {  // a member of heavier class h, j >= 1 of class k
        RemoveMarked(heavier, classes_[h].weight, without);
        for (std::size_t j = 1; j <= m; ++j) {
          const std::uint64_t shift = classes_[h].weight + c.weight * j;
          if (shift > hi) break;
          const Int ways = static_cast<Int>(choose[j]);
          for (std::size_t s = 0; s < without.rows() && s + 1 + j <= n_; ++s) {
            by_size[h][s + 1 + j] += ways * WindowSum(without.Row(s), q_, q_, hi, shift);
          }
        }
      }
      for (std::size_t i = 0; i < m; ++i) AddMarked(heavier, c.weight);
    }
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      BigInt total = 0;
      Rational inverse = 0;
      for (std::size_t s = 1; s < by_size[k].size(); ++s) {
        if (by_size[k][s] == 0) continue;
        total += Big(by_size[k][s]);
        inverse += Rational(Big(by_size[k][s]), BigInt(s));
      }
      for (std::size_t i : classes_[k].members) {
        counts_.minimal[i] = total;
        counts_.minimal_inverse_size[i] = inverse;
      }
    }
  }

  // Johnston: in a winning S of weight q + e, the critical members are those heavier than e.
  // For the excesses e where "heavier than e" means classes 0..k, coalitions are counted by
  // (members of classes 0..k, weight); a player of class h <= k is critical in S = T + {i} with
  // w(T) = q - d_h + e, and S has 1 + (T's members of classes 0..k) critical players.
  void CountJohnston(Table<Int>& marked, Table<Int>& without) {
    marked.Clear();
    marked.Row(0)[0] = 1;
    for (std::uint64_t w : game_.weights) AddUnmarked(marked, w);
    std::vector<std::vector<Int>> by_critical(classes_.size(), std::vector<Int>(n_ + 2, Int(0)));
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      const WeightClass& c = classes_[k];
      for (std::size_t i = 0; i < c.members.size(); ++i) {
        RemoveUnmarked(marked, c.weight);
        AddMarked(marked, c.weight);
      }
      if (c.weight == 0) continue;
      const std::uint64_t lo = k + 1 < classes_.size() ? classes_[k + 1].weight : 0;
      for (std::size_t h = 0; h <= k; ++h) {
        const std::uint64_t d = classes_[h].weight;
        RemoveMarked(marked, d, without);
        for (std::uint64_t e = lo; e < c.weight; ++e) {
          if (q_ + e < d) continue;
          const std::uint64_t t = q_ + e - d;
          for (std::size_t r = 0; r < without.rows(); ++r)
            by_critical[h][r + 1] += without.Row(r)[t];
        }
      }
    }
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      Rational raw = 0;
      for (std::size_t r = 1; r < by_critical[k].size(); ++r) {
        if (by_critical[k][r] != 0) raw += Rational(Big(by_critical[k][r]), BigInt(r));
      }
      for (std::size_t i : classes_[k].members) counts_.johnston[i] = raw;
    }
  }

  static std::vector<BigInt> Binomials(std::size_t m) {
    std::vector<BigInt> row(m + 1, BigInt(1));
    for (std::size_t j = 1; j <= m; ++j) row[j] = row[j - 1] * (m - j + 1) / j;
    return row;
  }

  const WeightedGame& game_;
  std::size_t n_;
  std::uint64_t q_;
  std::size_t rows_;
  std::vector<WeightClass> classes_;
  SimpleCounts counts_;
};

template <class Int>
SimpleCounts Count(const WeightedGame& game) {
  return Counter<Int>(game).Run();
}

}  // namespace

SimpleCounts CountWeighted(const WeightedGame& game) {
  const std::size_t n = game.weights.size();
  if (n <= 56) return Count<std::uint64_t>(game);
  if (n <= 120) return Count<mp::uint128_t>(game);
  if (n <= 248) return Count<mp::uint256_t>(game);
  if (n <= 504) return Count<mp::uint512_t>(game);
  return Count<mp::uint1024_t>(game);
}

}  // namespace parley::coalition::internal
