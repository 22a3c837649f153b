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
#include <type_traits>

#include "internal/limbs.h"

namespace parley::coalition::internal {
namespace {

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

// floors[r]: the least weight of r players (the r lightest), for every r whose least weight is
// below the quota. A coalition counted in row r of any table (r members, or r marked members)
// weighs at least floors[r], so cells left of it are zero and there are floors.size() rows.
std::vector<std::uint64_t> Floors(const WeightedGame& game) {
  std::vector<std::uint64_t> w = game.weights;
  std::sort(w.begin(), w.end());
  std::vector<std::uint64_t> floors = {0};
  for (std::uint64_t x : w) {
    if (floors.back() + x >= game.quota) break;
    floors.push_back(floors.back() + x);
  }
  return floors;
}

BigInt ToBig(std::uint64_t x) { return BigInt(x); }
template <std::size_t L>
BigInt ToBig(const Limbs<L>& x) {
  return static_cast<BigInt>(x);
}
template <class Int>
Int FromBig(const BigInt& x) {
  if constexpr (std::is_same_v<Int, std::uint64_t>) {
    return x.convert_to<std::uint64_t>();
  } else {
    return Int(x);
  }
}

// Counts by (row, weight) for weights 0..cols-1; row r is zero left of floor(r).
template <class Int>
class Table {
 public:
  Table(const std::vector<std::uint64_t>& floors, std::size_t cols)
      : rows_(floors.size()), cols_(cols), floors_(floors), cells_(rows_ * cols) {}
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  std::uint64_t floor(std::size_t r) const { return floors_[r]; }
  Int* Row(std::size_t r) { return cells_.data() + r * cols_; }
  const Int* Row(std::size_t r) const { return cells_.data() + r * cols_; }
  void Clear() { std::fill(cells_.begin(), cells_.end(), Int(0)); }

 private:
  std::size_t rows_;
  std::size_t cols_;
  std::vector<std::uint64_t> floors_;
  std::vector<Int> cells_;
};

// Multiplies by (1 + x y^w): a player counted in the row measure. In place, top row downwards.
template <class Int>
void AddMarked(Table<Int>& t, std::uint64_t w) {
  if (w >= t.cols()) return;
  for (std::size_t r = t.rows() - 1; r >= 1; --r) {
    Int* dst = t.Row(r);
    const Int* src = t.Row(r - 1);
    const std::uint64_t from = t.floor(r - 1) + w;
    for (std::size_t u = t.cols(); u-- > from;) dst[u] += src[u - w];
  }
}

// Multiplies by (1 + y^w) / (1 + x y^w): a player counted in the row measure becomes one that is
// not. One sweep over the table, rows upwards: row r is divided using the divided row r - 1
// (kept in `below`) and then multiplied. `below` and `divided` are scratch rows of t.cols() cells.
template <class Int>
void Unmark(Table<Int>& t, std::uint64_t w, std::vector<Int>& below, std::vector<Int>& divided) {
  if (w >= t.cols()) return;
  const std::size_t cols = t.cols();
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Int* row = t.Row(r);
    const std::uint64_t floor = t.floor(r);
    if (r > 0) {
      const std::uint64_t from = std::max<std::uint64_t>(floor, t.floor(r - 1) + w);
      for (std::size_t u = from; u < cols; ++u) row[u] -= below[u - w];
    }
    std::copy(row + floor, row + cols, divided.begin() + static_cast<std::ptrdiff_t>(floor));
    if (w == 0) {
      for (std::size_t u = floor; u < cols; ++u) row[u] += divided[u];
    } else {
      for (std::size_t u = floor + w; u < cols; ++u) row[u] += divided[u - w];
    }
    std::swap(below, divided);
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
    const std::uint64_t from = t.floor(r);
    const std::uint64_t shifted = std::max<std::uint64_t>(from, t.floor(r - 1) + w);
    for (std::size_t u = from; u < std::min<std::uint64_t>(shifted, t.cols()); ++u) dst[u] = src[u];
    for (std::size_t u = shifted; u < t.cols(); ++u) dst[u] = src[u] - below[u - w];
  }
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
        floors_(Floors(game)),
        classes_(ClassesByWeight(game)),
        counts_(n_) {}

  SimpleCounts Run() {
    Table<Int> all(floors_, q_);
    Table<Int> without(floors_, q_);
    CountMinimal(all, without);   // leaves `all` by (size, weight) over every player
    CountSwings(all, without);    // reads it
    CountJohnston(all, without);  // starts from it
    return std::move(counts_);
  }

 private:
  // Shapley-Shubik, swings, winning and losing coalitions: coalitions by (size, weight).
  void CountSwings(const Table<Int>& all, Table<Int>& without) {
    Int losing = 0;
    for (std::size_t r = 0; r < all.rows(); ++r) {
      for (std::size_t u = 0; u < q_; ++u) losing += all.Row(r)[u];
    }
    counts_.losing = ToBig(losing);
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
        if (pivots != 0) ordered += ToBig(pivots) * f[s] * f[n_ - 1 - s];
      }
      const Rational shapley(ordered, f[n_]);
      for (std::size_t i : c.members) {
        counts_.swings[i] = ToBig(swings);
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
      const std::size_t m = c.members.size();
      if (c.weight > 0) CountMinimalWithLightest(k, heavier, without, by_size);
      for (std::size_t i = 0; i < m; ++i) AddMarked(heavier, c.weight);
    }
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      BigInt total = 0;
      Rational inverse = 0;
      for (std::size_t s = 1; s < by_size[k].size(); ++s) {
        if (by_size[k][s] == 0) continue;
        total += ToBig(by_size[k][s]);
        inverse += Rational(ToBig(by_size[k][s]), BigInt(s));
      }
      for (std::size_t i : classes_[k].members) {
        counts_.minimal[i] = total;
        counts_.minimal_inverse_size[i] = inverse;
      }
    }
  }

  // Adds to by_size[h][s] the minimal winning coalitions of s players whose lightest class is k
  // and that hold a given member of class h, from the table of the heavier classes 0..k-1.
  void CountMinimalWithLightest(std::size_t k, const Table<Int>& heavier, Table<Int>& without,
                                std::vector<std::vector<Int>>& by_size) {
    const WeightClass& c = classes_[k];
    const std::uint64_t hi = q_ + c.weight - 1;
    const std::size_t m = c.members.size();
    const std::vector<BigInt> choose_others = Binomials(m - 1);
    for (std::size_t j = 0; j < m; ++j) {  // a member of class k and j more of it
      const std::uint64_t shift = c.weight * (j + 1);
      if (shift > hi) break;
      const Int ways = FromBig<Int>(choose_others[j]);
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
        const Int ways = FromBig<Int>(choose[j]);
        for (std::size_t s = 0; s < without.rows() && s + 1 + j <= n_; ++s) {
          by_size[h][s + 1 + j] += ways * WindowSum(without.Row(s), q_, q_, hi, shift);
        }
      }
    }
  }

  // Johnston: in a winning S of weight q + e, the critical members are those heavier than e.
  // For the excesses e where "heavier than e" means classes 0..k, coalitions are counted by
  // (members of classes 0..k, weight); a player of class h <= k is critical in S = T + {i} with
  // w(T) = q - d_h + e, and S has 1 + (T's members of classes 0..k) critical players. Starts
  // from the table by (size, weight), every class marked, and unmarks the classes from the
  // lightest; leaves `marked` with no class marked.
  void CountJohnston(Table<Int>& marked, Table<Int>& without) {
    std::vector<std::vector<Int>> by_critical(classes_.size(), std::vector<Int>(n_ + 2, Int(0)));
    std::vector<Int> below(q_, Int(0));
    std::vector<Int> divided(q_, Int(0));
    for (std::size_t k = classes_.size(); k-- > 0;) {
      const WeightClass& c = classes_[k];
      const std::uint64_t lo = k + 1 < classes_.size() ? classes_[k + 1].weight : 0;
      for (std::size_t h = 0; h <= k && c.weight > 0; ++h) {
        const std::uint64_t d = classes_[h].weight;
        RemoveMarked(marked, d, without);
        for (std::uint64_t e = lo; e < c.weight; ++e) {
          if (q_ + e < d) continue;
          const std::uint64_t t = q_ + e - d;
          for (std::size_t r = 0; r < without.rows(); ++r) {
            by_critical[h][r + 1] += without.Row(r)[t];
          }
        }
      }
      for (std::size_t i = 0; i < c.members.size() && k > 0; ++i) {
        Unmark(marked, c.weight, below, divided);
      }
    }
    for (std::size_t k = 0; k < classes_.size(); ++k) {
      Rational raw = 0;
      for (std::size_t r = 1; r < by_critical[k].size(); ++r) {
        if (by_critical[k][r] != 0) raw += Rational(ToBig(by_critical[k][r]), BigInt(r));
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
  std::vector<std::uint64_t> floors_;
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
  if (n <= 120) return Count<Limbs<2>>(game);
  if (n <= 248) return Count<Limbs<4>>(game);
  if (n <= 504) return Count<Limbs<8>>(game);
  return Count<Limbs<16>>(game);
}

}  // namespace parley::coalition::internal
