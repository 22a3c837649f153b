#include "internal/linear_slots.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace parley::analysis::internal {
namespace {

// Each party's step along issue i when the issue is a line (see LinearSlots); nullopt
// otherwise. O(values x parties).
std::optional<std::vector<double>> LinearStep(std::uint64_t values, std::size_t i,
                                              std::size_t parties,
                                              const ContributionFn& contribution) {
  if (values < 2 || values > kLineValueLimit) return std::nullopt;
  const std::uint64_t last = values - 1;
  std::vector<double> step(parties);
  bool up = false, down = false, visible = false;
  for (std::size_t p = 0; p < parties; ++p) {
    const double first = contribution(p, i, 0);
    step[p] = (contribution(p, i, last) - first) / static_cast<double>(last);
    up |= step[p] > 0;
    down |= step[p] < 0;
    visible |= std::fabs(step[p]) > 10 * kUtilityEpsilon;
    for (std::uint64_t k = 1; k < last; ++k) {
      const double expected = first + static_cast<double>(k) * step[p];
      const double scale = 1 + std::fabs(first) + std::fabs(expected);
      if (std::fabs(contribution(p, i, k) - expected) > 1e-12 * scale) return std::nullopt;
    }
  }
  if (!up || !down || !visible) return std::nullopt;
  return step;
}

bool SameSteps(const std::vector<double>& a, const std::vector<double>& b) {
  for (std::size_t p = 0; p < a.size(); ++p) {
    if (std::fabs(a[p] - b[p]) > 1e-12 * std::max(std::fabs(a[p]), std::fabs(b[p]))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::vector<std::size_t>> LinearSlots(const OutcomeSpace& space, std::size_t parties,
                                                  const ContributionFn& contribution) {
  const std::size_t count = space.IssueCount();
  std::vector<std::optional<std::vector<double>>> steps(count);
  for (std::size_t i = 0; i < count; ++i) {
    steps[i] = LinearStep(space.ValueCount(i), i, parties, contribution);
  }
  std::vector<std::vector<std::size_t>> slots;
  std::vector<char> taken(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    if (taken[i]) continue;
    std::vector<std::size_t> slot{i};
    std::uint64_t sums = space.ValueCount(i);
    double combinations = static_cast<double>(sums);
    for (std::size_t j = i + 1; steps[i] && j < count; ++j) {
      if (taken[j] || !steps[j] || !SameSteps(*steps[i], *steps[j])) continue;
      const std::uint64_t more = sums + space.ValueCount(j) - 1;
      const double product = combinations * static_cast<double>(space.ValueCount(j));
      if (more > kLineValueLimit || product >= 0x1.0p63) continue;
      slot.push_back(j);
      taken[j] = 1;
      sums = more;
      combinations = product;
    }
    slots.push_back(std::move(slot));
  }
  return slots;
}

std::uint64_t SlotValue(const std::vector<std::size_t>& slot, const Outcome& outcome) {
  std::uint64_t v = 0;
  for (const std::size_t i : slot) v += outcome[i];
  return v;
}

void SetSlot(const OutcomeSpace& space, const std::vector<std::size_t>& slot, std::uint64_t v,
             Outcome& outcome) {
  std::uint64_t rest = 0;  // the largest sum of the slot's later issues
  for (std::size_t t = 1; t < slot.size(); ++t) rest += space.ValueCount(slot[t]) - 1;
  for (std::size_t t = 0; t < slot.size(); ++t) {
    const std::uint64_t k = v > rest ? v - rest : 0;
    outcome[slot[t]] = k;
    v -= k;
    if (t + 1 < slot.size()) rest -= space.ValueCount(slot[t + 1]) - 1;
  }
}

PointSet<std::uint64_t> LinePoints(const OutcomeSpace& space, const std::vector<std::size_t>& slot,
                                   std::size_t parties, const ContributionFn& contribution) {
  std::vector<std::uint64_t> ways{1};
  for (const std::size_t i : slot) {
    const std::uint64_t values = space.ValueCount(i);
    std::vector<std::uint64_t> prefix(ways.size() + 1, 0);
    for (std::size_t m = 0; m < ways.size(); ++m) prefix[m + 1] = prefix[m] + ways[m];
    std::vector<std::uint64_t> next(ways.size() + values - 1);
    for (std::size_t m = 0; m < next.size(); ++m) {
      const std::size_t hi = std::min<std::size_t>(m, ways.size() - 1) + 1;
      const std::size_t lo = m >= values ? m - values + 1 : 0;
      next[m] = lo < hi ? prefix[hi] - prefix[lo] : 0;
    }
    ways = std::move(next);
  }
  PointSet<std::uint64_t> all;
  all.dims = parties;
  all.Reserve(ways.size());
  Outcome outcome(space.IssueCount(), 0);
  std::vector<double> u(parties);
  for (std::uint64_t m = 0; m < ways.size(); ++m) {
    SetSlot(space, slot, m, outcome);
    for (std::size_t p = 0; p < parties; ++p) {
      u[p] = 0;
      for (const std::size_t i : slot) u[p] += contribution(p, i, outcome[i]);
    }
    all.Push(u.data(), ways[m], 0, m);
  }
  return all;
}

}  // namespace parley::analysis::internal
