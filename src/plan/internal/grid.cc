#include "internal/grid.h"

#include <cmath>

#include "parley/core/error.h"

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

std::string ValueText(const Issue& issue, std::uint64_t k) {
  return issue.kind == IssueKind::kOptions ? issue.options[k] : FormatNumber(issue.NumberAt(k));
}

std::size_t FrontierPartyIndex(const analysis::Frontier& f, const std::string& party) {
  for (std::size_t i = 0; i < f.parties.size(); ++i) {
    if (f.parties[i] == party) return i;
  }
  throw Error(ErrorCode::kUsage, "party '" + party + "' states no values");
}

std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
  }
  return out;
}

}  // namespace parley::plan::internal
