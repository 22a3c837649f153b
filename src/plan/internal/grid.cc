#include "internal/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/text.h"

namespace parley::plan::internal {

std::vector<std::uint64_t> SampledValues(const Issue& issue) {
  const std::uint64_t count = issue.ValueCount();
  std::vector<std::uint64_t> out;
  if (issue.kind == IssueKind::kOptions || count <= kSampledValues) {
    for (std::uint64_t k = 0; k < count; ++k) out.push_back(k);
    return out;
  }
  for (int k = 0; k < kSampledValues; ++k) {
    const auto index = static_cast<std::uint64_t>(
        std::llround(static_cast<double>(count - 1) * k / (kSampledValues - 1)));
    if (out.empty() || out.back() != index) out.push_back(index);
  }
  return out;
}

ThirdParties::ThirdParties(const Case& c, const std::string& us, const std::string& them) {
  for (const Party& p : c.parties) {
    if (p.id != us && p.id != them && c.FindValues(p.id) != nullptr) parties_.emplace_back(c, p.id);
  }
}

bool ThirdParties::Accept(const Outcome& o) const {
  for (const PartyValuation& v : parties_) {
    if (v.Utility(o) < v.DisagreementUtility() - analysis::kUtilityEpsilon) return false;
  }
  return true;
}

double ThirdParties::Utility(const Outcome& o) const {
  double sum = 0;
  for (const PartyValuation& v : parties_) sum += v.Utility(o);
  return sum;
}

std::vector<std::uint64_t> GridValues(const Issue& issue) {
  const std::uint64_t count = issue.ValueCount();
  const std::uint64_t stride = count <= 100'000 ? 1 : (count - 1) / 1000;
  std::vector<std::uint64_t> out;
  for (std::uint64_t k = 0; k < count; k += stride) out.push_back(k);
  return out;
}

int BalancingIssue(const Case& c, const PartyValuation& mine, const PartyValuation& theirs) {
  // Each number issue's range of value for us, its mean step on the grid, and the least a step
  // conceding it gives them per unit it costs us.
  struct Span {
    double range = 0, step = 0, ratio = 0;
  };
  std::vector<Span> spans(c.issues.size());
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    const std::uint64_t count = c.issues[i].ValueCount();
    if (c.issues[i].kind != IssueKind::kNumber || count < 2) continue;
    const double low = mine.IssueContribution(i, 0), high = mine.IssueContribution(i, count - 1);
    spans[i].range = std::fabs(high - low);
    spans[i].step = spans[i].range / static_cast<double>(count - 1);
    // The least they gain per unit we give over any step of the grid, conceding toward our
    // worst end: a piecewise value can be cheap to give on one stretch and dear on another.
    const std::vector<std::uint64_t> grid = GridValues(c.issues[i]);
    double ratio = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k + 1 < grid.size(); ++k) {
      const double ours =
          mine.IssueContribution(i, grid[k + 1]) - mine.IssueContribution(i, grid[k]);
      if (ours == 0) continue;
      const double their =
          theirs.IssueContribution(i, grid[k + 1]) - theirs.IssueContribution(i, grid[k]);
      ratio = std::min(ratio, ours < 0 ? their / -ours : -their / ours);
    }
    spans[i].ratio = std::isfinite(ratio) ? std::max(0.0, ratio) : 0;
  }
  // Eligible: a range that absorbs one step of every other number issue (the widest always
  // does). Efficient: a ratio of at least 1, or at least half the best among the eligible.
  // Chosen: the finest step, ties to the wider range.
  auto eligible = [&](std::size_t i) {
    if (!(spans[i].range > 0)) return false;
    for (std::size_t j = 0; j < spans.size(); ++j) {
      if (j != i && spans[j].step > spans[i].range) return false;
    }
    return true;
  };
  double best_ratio = 0;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (eligible(i)) best_ratio = std::max(best_ratio, spans[i].ratio);
  }
  // Conceding an issue that gives them at least what it costs us never gives value away, so it
  // always qualifies; below that, only within half of the best.
  const double least_ratio = std::min(1.0, 0.5 * best_ratio) - 1e-9;
  int balancing = -1;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (!eligible(i) || spans[i].ratio < least_ratio) continue;
    if (balancing >= 0) {
      const Span& s = spans[i];
      const Span& b = spans[static_cast<std::size_t>(balancing)];
      if (s.step > b.step || (s.step == b.step && s.range <= b.range)) continue;
    }
    balancing = static_cast<int>(i);
  }
  return balancing;
}

std::string ValueText(const Case& c, const Issue& issue, std::uint64_t k) {
  return text::GridValueText(c, issue, k);
}

std::size_t FrontierPartyIndex(const analysis::Frontier& f, const std::string& party) {
  for (std::size_t i = 0; i < f.parties.size(); ++i) {
    if (f.parties[i] == party) return i;
  }
  throw Error(ErrorCode::kUsage, "party '" + party + "' states no values");
}

std::string StakeholderName(const Stakeholder& s) {
  const std::string name = s.name.empty() ? s.id : s.name;
  return s.title.empty() ? name : (s.name.empty() ? s.title : s.name + " (" + s.title + ")");
}

}  // namespace parley::plan::internal
