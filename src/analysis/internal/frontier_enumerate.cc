// The enumeration path of the Pareto frontier: every outcome visited once, in index order, with
// the frontier maintained as it streams (memory O(frontier), independent of the outcome count).

#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "internal/frontier_common.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis::internal {
namespace {

// Largest number of per-value table entries (sum over issues of values x parties) precomputed
// for additive parties; beyond it utilities are evaluated through PartyValuation::Utility.
constexpr std::uint64_t kMaxTableEntries = 10'000'000;

struct Entry {
  std::uint64_t count = 0;
  std::uint64_t index = 0;  // lowest outcome index with this utility vector
};

// Two parties: a staircase map u0 -> (u1, entry) with u0 increasing and u1 decreasing.
// O(log F) amortised per outcome.
class Staircase {
 public:
  void Add(double u0, double u1, std::uint64_t index) {
    auto it = map_.lower_bound(u0 - kUtilityEpsilon);
    if (it != map_.end() && it->second.first >= u1 - kUtilityEpsilon) {
      if (std::fabs(it->first - u0) <= kUtilityEpsilon &&
          std::fabs(it->second.first - u1) <= kUtilityEpsilon) {
        ++it->second.second.count;  // a tie; the first seen has the lowest index
      }
      return;  // tied or dominated
    }
    auto hi = map_.upper_bound(u0 + kUtilityEpsilon);
    while (hi != map_.begin()) {
      auto prev = std::prev(hi);
      if (prev->second.first > u1 + kUtilityEpsilon) break;
      hi = map_.erase(prev);
    }
    map_.emplace(u0, std::make_pair(u1, Entry{1, index}));
  }
  std::size_t size() const { return map_.size(); }
  template <class F>
  void ForEach(F f) const {
    for (const auto& [u0, rest] : map_) {
      const double u[2] = {u0, rest.first};
      f(u, rest.second);
    }
  }

 private:
  std::map<double, std::pair<double, Entry>> map_;
};

// Three or more parties: outcomes gathered in chunks, each pruned with the points kept so far by
// the skyline (PruneDominated), the outcome index as the key, so the lowest index among ties
// survives. O(N log F) for three parties over N outcomes, memory O(chunk + F).
class ChunkedSkyline {
 public:
  ChunkedSkyline(std::size_t dims, const FrontierOptions& options) : options_(options) {
    points_.dims = dims;
  }
  void Add(const double* u, std::uint64_t index) {
    points_.Push(u, 1, index, 0);
    if (points_.size() >= kept_ + kChunk) Prune();
  }
  void Prune() {
    points_ = PruneDominated(points_);
    kept_ = points_.size();
    CheckPointLimit(kept_, points_.dims, options_);
  }
  template <class F>
  void ForEach(F f) const {
    for (std::size_t k = 0; k < points_.size(); ++k) {
      f(points_.At(k), Entry{points_.count[k], points_.parent[k]});
    }
  }

 private:
  static constexpr std::size_t kChunk = 1u << 20;
  const FrontierOptions& options_;
  PointSet<std::uint64_t> points_;
  std::size_t kept_ = 0;
};

}  // namespace

Frontier EnumerateWithSetup(const Case& c, const FrontierSetup& setup,
                            const FrontierOptions& options) {
  const OutcomeSpace space(c.issues);
  const std::optional<std::uint64_t> size = space.Size64();
  if (!size || *size > options.max_enumeration) {
    throw Error(ErrorCode::kLimit, "the outcome space has " + space.Size().ToString() +
                                       " outcomes, more than the enumeration limit of " +
                                       std::to_string(options.max_enumeration));
  }
  const std::size_t n = setup.parties.size();
  const std::size_t issues = space.IssueCount();

  // Per party, per issue, per value: the additive contribution, when tables are affordable.
  // Summing them in issue order from 0 reproduces PartyValuation::Utility bit for bit.
  std::uint64_t entries = 0;
  for (std::size_t i = 0; i < issues; ++i) entries += space.ValueCount(i) * n;
  const bool tables_ok = entries <= kMaxTableEntries;
  std::vector<std::vector<std::vector<double>>> table(n);
  for (std::size_t p = 0; p < n && tables_ok; ++p) {
    const PartyValuation& v = setup.valuations[p];
    if (!v.IsAdditive()) continue;
    table[p].resize(issues);
    for (std::size_t i = 0; i < issues; ++i) {
      table[p][i].resize(space.ValueCount(i));
      for (std::uint64_t k = 0; k < space.ValueCount(i); ++k) {
        table[p][i][k] = v.IssueContribution(i, k);
      }
    }
  }
  auto utility = [&](std::size_t p, const Outcome& o) {
    const PartyValuation& v = setup.valuations[p];
    if (table[p].empty()) return v.Utility(o);
    double sum = 0;
    for (std::size_t i = 0; i < issues; ++i) sum += table[p][i][o[i]];
    return v.form() == ValueForm::kMoney ? v.ValueToUtility(sum) : std::min(1.0, sum);
  };

  Frontier f;
  f.parties = setup.parties;
  f.disagreement = setup.disagreement;
  f.method = FrontierMethod::kEnumeration;
  f.outcome_count = space.Size();
  auto collect = [&](const double* u, const Entry& e) {
    FrontierPoint point;
    point.utility.assign(u, u + n);
    point.outcome = space.At(e.index);
    point.ties = BigUint(e.count);
    f.points.push_back(std::move(point));
  };

  Outcome o = space.First();
  std::vector<double> u(n);
  std::uint64_t index = 0;
  if (n == 2) {
    Staircase stairs;
    do {
      stairs.Add(utility(0, o), utility(1, o), index++);
      if ((index & 0xffff) == 0) CheckPointLimit(stairs.size(), 2, options);
    } while (space.Next(o));
    stairs.ForEach(collect);
  } else {
    ChunkedSkyline set(n, options);
    do {
      for (std::size_t p = 0; p < n; ++p) u[p] = utility(p, o);
      set.Add(u.data(), index++);
    } while (space.Next(o));
    set.Prune();
    set.ForEach(collect);
  }
  FinishFrontier(f, options);
  return f;
}

}  // namespace parley::analysis::internal
