#include "internal/skyline.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"

namespace parley::analysis::internal {
namespace {

// Divide and conquer below this many items is a pairwise scan.
constexpr std::size_t kBruteItems = 16;

// Per coordinate, the rank of each point's value: values sorted, a new rank begun when a value
// exceeds the first value of the current rank by more than kUtilityEpsilon. 0 is the lowest.
// O(dims x P log P).
std::vector<std::uint32_t> SnapRanks(const double* u, std::size_t count, std::size_t dims) {
  std::vector<std::uint32_t> rank(count * dims);
  std::vector<std::pair<double, std::uint32_t>> column(count);
  for (std::size_t j = 0; j < dims; ++j) {
    for (std::size_t i = 0; i < count; ++i) {
      column[i] = {u[i * dims + j], static_cast<std::uint32_t>(i)};
    }
    std::sort(column.begin(), column.end());
    std::uint32_t r = 0;
    double start = count > 0 ? column[0].first : 0.0;
    for (const auto& [value, i] : column) {
      if (value > start + kUtilityEpsilon) {
        ++r;
        start = value;
      }
      rank[i * dims + j] = r;
    }
  }
  return rank;
}

// One element of a covering problem: a group that may cover later items (source) and that may
// be covered by earlier ones (query).
struct Item {
  std::uint32_t group;
  bool source;
  bool query;
};

// Prefix maxima over positions 0..m-1 (a Fenwick tree); -1 where nothing was stored.
class PrefixMax {
 public:
  explicit PrefixMax(std::size_t m) : tree_(m + 1, -1) {}
  void Update(std::size_t pos, std::int64_t value) {
    for (std::size_t i = pos + 1; i < tree_.size(); i += i & (~i + 1)) {
      tree_[i] = std::max(tree_[i], value);
    }
  }
  std::int64_t Query(std::size_t pos) const {  // max over positions 0..pos
    std::int64_t best = -1;
    for (std::size_t i = pos + 1; i > 0; i -= i & (~i + 1)) best = std::max(best, tree_[i]);
    return best;
  }

 private:
  std::vector<std::int64_t> tree_;
};

// Marks covered[q.group] for every query item q that an earlier source item s covers: s's rank
// >= q's on every coordinate from `first` to dims - 1. Items come in sweep order (the order
// already accounts for the coordinates before `first`).
class CoverSolver {
 public:
  CoverSolver(const std::vector<std::uint32_t>& rank, std::size_t dims,
              const std::vector<std::uint32_t>& rep, std::vector<char>& covered)
      : rank_(rank), dims_(dims), rep_(rep), covered_(covered) {}

  // O(m log^(d-1) m) for m items and d = dims - first coordinates (d >= 2).
  void Solve(std::span<const Item> items, std::size_t first) {
    const bool sources =
        std::any_of(items.begin(), items.end(), [](const Item& i) { return i.source; });
    const bool queries =
        std::any_of(items.begin(), items.end(), [](const Item& i) { return i.query; });
    if (items.size() < 2 || !sources || !queries) return;
    if (first + 2 == dims_) return Sweep(items, first);
    if (items.size() <= kBruteItems) return Brute(items, first);
    const std::size_t mid = items.size() / 2;
    Solve(items.first(mid), first);
    Solve(items.subspan(mid), first);
    // Earlier half's sources against the later half's queries: the order no longer matters on
    // the sweep, so re-sweep on coordinate `first` (sources first among equals: >= covers).
    std::vector<Item> cross;
    for (const Item& i : items.first(mid)) {
      if (i.source) cross.push_back({i.group, true, false});
    }
    for (const Item& i : items.subspan(mid)) {
      if (i.query) cross.push_back({i.group, false, true});
    }
    std::stable_sort(cross.begin(), cross.end(), [&](const Item& a, const Item& b) {
      const std::uint32_t ra = R(a, first), rb = R(b, first);
      return ra != rb ? ra > rb : (a.source && !b.source);
    });
    Solve(cross, first + 1);
  }

 private:
  std::uint32_t R(const Item& i, std::size_t j) const { return rank_[rep_[i.group] * dims_ + j]; }

  // Pairwise: O(m^2 x d).
  void Brute(std::span<const Item> items, std::size_t first) {
    for (std::size_t q = 0; q < items.size(); ++q) {
      if (!items[q].query || covered_[items[q].group]) continue;
      for (std::size_t s = 0; s < q; ++s) {
        if (!items[s].source) continue;
        bool covers = true;
        for (std::size_t j = first; j < dims_ && covers; ++j) {
          covers = R(items[s], j) >= R(items[q], j);
        }
        if (covers) {
          covered_[items[q].group] = 1;
          break;
        }
      }
    }
  }

  // Two coordinates left: sweep with prefix maxima of the last over the first (descending).
  // O(m log m).
  void Sweep(std::span<const Item> items, std::size_t first) {
    std::vector<std::uint32_t> values;
    values.reserve(items.size());
    for (const Item& i : items) values.push_back(R(i, first));
    std::sort(values.begin(), values.end(), std::greater<>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    PrefixMax best(values.size());
    for (const Item& i : items) {
      const auto pos = static_cast<std::size_t>(
          std::lower_bound(values.begin(), values.end(), R(i, first), std::greater<>()) -
          values.begin());
      const std::uint32_t last = R(i, first + 1);
      if (i.query && best.Query(pos) >= static_cast<std::int64_t>(last)) covered_[i.group] = 1;
      if (i.source) best.Update(pos, last);
    }
  }

  const std::vector<std::uint32_t>& rank_;
  std::size_t dims_;
  const std::vector<std::uint32_t>& rep_;
  std::vector<char>& covered_;
};

}  // namespace

Skyline ComputeSkyline(const double* u, std::size_t count, std::size_t dims) {
  const std::vector<std::uint32_t> rank = SnapRanks(u, count, dims);
  Skyline s;
  s.order.resize(count);
  std::iota(s.order.begin(), s.order.end(), 0u);
  auto row = [&](std::uint32_t i) { return rank.data() + static_cast<std::size_t>(i) * dims; };
  std::sort(s.order.begin(), s.order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const std::uint32_t* x = row(a);
    const std::uint32_t* y = row(b);
    for (std::size_t j = 0; j < dims; ++j) {
      if (x[j] != y[j]) return x[j] > y[j];
    }
    return a < b;
  });
  std::vector<std::uint32_t> begin, rep;
  for (std::size_t k = 0; k < count; ++k) {
    if (k == 0 || !std::equal(row(s.order[k]), row(s.order[k]) + dims, row(s.order[k - 1]))) {
      begin.push_back(static_cast<std::uint32_t>(k));
      rep.push_back(s.order[k]);
    }
  }
  std::vector<char> covered(begin.size(), 0);
  std::vector<Item> items(begin.size());
  for (std::size_t g = 0; g < begin.size(); ++g)
    items[g] = {static_cast<std::uint32_t>(g), true, true};
  CoverSolver(rank, dims, rep, covered).Solve(items, 1);
  for (std::size_t g = 0; g < begin.size(); ++g) {
    if (covered[g]) continue;
    s.begin.push_back(begin[g]);
    s.end.push_back(g + 1 < begin.size() ? begin[g + 1] : static_cast<std::uint32_t>(count));
  }
  return s;
}

}  // namespace parley::analysis::internal
