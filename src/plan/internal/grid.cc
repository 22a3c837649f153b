#include "internal/grid.h"

#include <algorithm>
#include <cmath>
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

std::vector<std::uint64_t> GridValues(const Issue& issue) {
  const std::uint64_t count = issue.ValueCount();
  const std::uint64_t stride = count <= 100'000 ? 1 : (count - 1) / 1000;
  std::vector<std::uint64_t> out;
  for (std::uint64_t k = 0; k < count; k += stride) out.push_back(k);
  return out;
}

int BalancingIssue(const Case& c, const PartyValuation& mine) {
  // Each number issue's range of value for us and its mean step on the grid.
  struct Span {
    double range = 0, step = 0;
  };
  std::vector<Span> spans(c.issues.size());
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    const std::uint64_t count = c.issues[i].ValueCount();
    if (c.issues[i].kind != IssueKind::kNumber || count < 2) continue;
    spans[i].range = std::fabs(mine.IssueContribution(i, count - 1) - mine.IssueContribution(i, 0));
    spans[i].step = spans[i].range / static_cast<double>(count - 1);
  }
  // Eligible: a range that absorbs one step of every other number issue (the widest always
  // does). Chosen: the finest step, ties to the wider range.
  auto eligible = [&](std::size_t i) {
    if (!(spans[i].range > 0)) return false;
    for (std::size_t j = 0; j < spans.size(); ++j) {
      if (j != i && spans[j].step > spans[i].range) return false;
    }
    return true;
  };
  int balancing = -1;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (!eligible(i)) continue;
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

namespace {

std::string Join(const std::vector<std::string>& items, const char* last) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == items.size() ? last : ", ") + items[k];
  }
  return out;
}

}  // namespace

std::string JoinAnd(const std::vector<std::string>& items) { return Join(items, " and "); }

std::string JoinOr(const std::vector<std::string>& items) { return Join(items, " or "); }

}  // namespace parley::plan::internal
