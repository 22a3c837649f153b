// Counting acceptable outcomes: enumeration, meet-in-the-middle for two additive parties, and a
// seeded Monte Carlo estimate (see zopa_count.h and docs/deal-space.md, "ZOPA").

#include "internal/zopa_count.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

namespace parley::analysis::internal {

Acceptance::Acceptance(const Case& c) : setup_(MakeFrontierSetup(c)), space_(c.issues) {
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t p = 0; p < setup_.valuations.size(); ++p) {
    const PartyValuation& v = setup_.valuations[p];
    const double t = setup_.disagreement[p] - kUtilityEpsilon;
    double factor = 1, theta = t;
    if (!v.IsAdditive()) {
      all_additive_ = false;
      theta = 0;  // unused
    } else if (v.form() == ValueForm::kMoney) {
      const double span = v.MaxValue() - v.MinValue();
      const double scale = std::max({1.0, std::fabs(v.MaxValue()), std::fabs(v.MinValue())});
      if (span <= 1e-12 * scale) {  // utility 1 everywhere
        factor = 0;
        theta = 1 >= t ? -inf : inf;
      } else {
        factor = 1 / span;
        theta = t + v.MinValue() / span;
      }
    } else if (t > 1) {  // utility form: min(1, S) >= t iff S >= t, for t <= 1
      theta = inf;
    }
    factor_.push_back(factor);
    theta_.push_back(theta);
  }
}

bool Acceptance::SomeoneNeverAccepts() const {
  for (std::size_t p = 0; p < theta_.size(); ++p) {
    if (setup_.valuations[p].IsAdditive() && std::isinf(theta_[p]) && theta_[p] > 0) return true;
  }
  return false;
}

double Acceptance::W(std::size_t p, std::size_t i, std::uint64_t k) const {
  if (factor_[p] == 0) return 0;
  return factor_[p] * setup_.valuations[p].IssueContribution(i, k);
}

bool Acceptance::BuildTables(std::uint64_t max_values) {
  if (!all_additive_) return false;
  for (std::size_t i = 0; i < space_.IssueCount(); ++i) {
    if (space_.ValueCount(i) > max_values) return false;
  }
  const std::size_t n = parties();
  tables_.assign(space_.IssueCount(), {});
  for (std::size_t i = 0; i < space_.IssueCount(); ++i) {
    tables_[i].resize(space_.ValueCount(i) * n);
    for (std::uint64_t k = 0; k < space_.ValueCount(i); ++k) {
      for (std::size_t p = 0; p < n; ++p) tables_[i][k * n + p] = W(p, i, k);
    }
  }
  return true;
}

bool Acceptance::Accepts(const Outcome& o) const {
  const std::size_t n = parties();
  for (std::size_t p = 0; p < n; ++p) {
    const PartyValuation& v = setup_.valuations[p];
    if (!v.IsAdditive() || tables_.empty()) {
      if (v.Utility(o) < setup_.disagreement[p] - kUtilityEpsilon) return false;
      continue;
    }
    if (std::isinf(theta_[p])) {
      if (theta_[p] > 0) return false;
      continue;
    }
    double s = 0;
    for (std::size_t i = 0; i < o.size(); ++i) s += tables_[i][o[i] * n + p];
    if (s < theta_[p]) return false;
  }
  return true;
}

void CountByEnumeration(const Acceptance& a, BigUint& count, std::vector<std::vector<char>>& seen) {
  const OutcomeSpace& space = a.space();
  seen.assign(space.IssueCount(), {});
  for (std::size_t i = 0; i < space.IssueCount(); ++i) seen[i].assign(space.ValueCount(i), 0);
  std::uint64_t hits = 0;
  Outcome o = space.First();
  do {
    if (!a.Accepts(o)) continue;
    ++hits;
    for (std::size_t i = 0; i < o.size(); ++i) seen[i][o[i]] = 1;
  } while (space.Next(o));
  count = BigUint(hits);
}

namespace {

struct Pt {
  double x, y;
};

// Every partial sum (party 0, party 1) over the issues of one half. O(product of values).
std::vector<Pt> HalfSums(const Acceptance& a, const std::vector<std::size_t>& issues) {
  std::vector<Pt> cur{{0, 0}};
  for (std::size_t i : issues) {
    const std::vector<double>& t = a.Table(i);
    const std::uint64_t m = a.space().ValueCount(i);
    std::vector<Pt> next;
    next.reserve(cur.size() * m);
    for (const Pt& p : cur) {
      for (std::uint64_t k = 0; k < m; ++k) next.push_back({p.x + t[2 * k], p.y + t[2 * k + 1]});
    }
    cur = std::move(next);
  }
  return cur;
}

}  // namespace

std::optional<std::uint64_t> CountMeetInTheMiddle(const Acceptance& a, std::uint64_t max_half) {
  if (a.parties() != 2 || !a.AllAdditive()) return std::nullopt;
  if (a.SomeoneNeverAccepts()) return 0;
  // Greedy balanced split: largest issues first, each to the half with the smaller product.
  std::vector<std::size_t> order(a.space().IssueCount());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return a.space().ValueCount(x) > a.space().ValueCount(y);
  });
  std::vector<std::size_t> half[2];
  double size[2] = {1, 1};
  for (std::size_t i : order) {
    const int h = size[0] <= size[1] ? 0 : 1;
    half[h].push_back(i);
    size[h] *= static_cast<double>(a.space().ValueCount(i));
  }
  if (size[0] > static_cast<double>(max_half) || size[1] > static_cast<double>(max_half)) {
    return std::nullopt;
  }
  // Count pairs (q in A, b in B) with b.x >= tx - q.x and b.y >= ty - q.y: queries and points
  // swept by x descending, points inserted into a Fenwick tree over the ranks of b.y.
  const double lowest = -std::numeric_limits<double>::max();
  const double tx = std::isinf(a.Theta(0)) ? lowest : a.Theta(0);
  const double ty = std::isinf(a.Theta(1)) ? lowest : a.Theta(1);
  std::vector<Pt> queries = HalfSums(a, half[0]);
  std::vector<Pt> points = HalfSums(a, half[1]);
  for (Pt& q : queries) q = {tx - q.x, ty - q.y};
  auto by_x_desc = [](const Pt& u, const Pt& v) { return u.x > v.x; };
  std::sort(queries.begin(), queries.end(), by_x_desc);
  std::sort(points.begin(), points.end(), by_x_desc);
  std::vector<double> ys(points.size());
  for (std::size_t k = 0; k < points.size(); ++k) ys[k] = points[k].y;
  std::sort(ys.begin(), ys.end());
  std::vector<std::uint64_t> tree(ys.size() + 1, 0);  // Fenwick, 1-based
  auto add = [&](std::size_t r) {
    for (++r; r < tree.size(); r += r & (~r + 1)) ++tree[r];
  };
  auto below = [&](std::size_t r) {  // inserted points with rank < r
    std::uint64_t s = 0;
    for (; r > 0; r -= r & (~r + 1)) s += tree[r];
    return s;
  };
  std::uint64_t total = 0, inserted = 0;
  std::size_t next = 0;
  for (const Pt& q : queries) {
    while (next < points.size() && points[next].x >= q.x) {
      add(static_cast<std::size_t>(std::lower_bound(ys.begin(), ys.end(), points[next].y) -
                                   ys.begin()));
      ++inserted;
      ++next;
    }
    const auto r =
        static_cast<std::size_t>(std::lower_bound(ys.begin(), ys.end(), q.y) - ys.begin());
    total += inserted - below(r);
  }
  return total;
}

std::uint64_t CountMonteCarlo(const Acceptance& a, std::uint64_t seed, std::size_t samples,
                              std::vector<std::vector<std::uint64_t>>& seen) {
  __extension__ using U128 = unsigned __int128;
  const OutcomeSpace& space = a.space();
  std::mt19937_64 rng(seed);
  std::vector<std::set<std::uint64_t>> sets(space.IssueCount());
  Outcome o(space.IssueCount());
  std::uint64_t hits = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t i = 0; i < o.size(); ++i) {
      o[i] = static_cast<std::uint64_t>((static_cast<U128>(rng()) * space.ValueCount(i)) >> 64);
    }
    if (!a.Accepts(o)) continue;
    ++hits;
    for (std::size_t i = 0; i < o.size(); ++i) sets[i].insert(o[i]);
  }
  seen.assign(space.IssueCount(), {});
  for (std::size_t i = 0; i < sets.size(); ++i) seen[i].assign(sets[i].begin(), sets[i].end());
  return hits;
}

}  // namespace parley::analysis::internal
