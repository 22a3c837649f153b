#include "parley/core/outcome_space.h"

#include "parley/core/error.h"

namespace parley {

OutcomeSpace::OutcomeSpace(const std::vector<Issue>& issues) : size_(1) {
  radix_.reserve(issues.size());
  for (const Issue& issue : issues) {
    const std::uint64_t count = issue.ValueCount();
    if (count == 0) {
      throw Error(ErrorCode::kInvalidInput, "issue '" + issue.id + "' has no valid values");
    }
    radix_.push_back(count);
    size_ *= count;
  }
}

Outcome OutcomeSpace::At(std::uint64_t index) const { return At(BigUint(index)); }

Outcome OutcomeSpace::At(const BigUint& index) const {
  if (!(index < size_)) {
    throw Error(ErrorCode::kUsage, "outcome index " + index.ToString() + " is not below the size " +
                                       size_.ToString() + " of the outcome space");
  }
  Outcome outcome(radix_.size(), 0);
  BigUint rest = index;
  for (std::size_t i = radix_.size(); i-- > 0;) outcome[i] = rest.DivMod(radix_[i]);
  return outcome;
}

BigUint OutcomeSpace::IndexOf(const Outcome& outcome) const {
  if (outcome.size() != radix_.size()) {
    throw Error(ErrorCode::kUsage, "an outcome must give a value for each of the " +
                                       std::to_string(radix_.size()) + " issues");
  }
  BigUint index;
  for (std::size_t i = 0; i < radix_.size(); ++i) {
    if (outcome[i] >= radix_[i]) {
      throw Error(ErrorCode::kUsage, "value index " + std::to_string(outcome[i]) + " of issue " +
                                         std::to_string(i) + " is out of range");
    }
    index *= radix_[i];
    index += outcome[i];
  }
  return index;
}

bool OutcomeSpace::Next(Outcome& outcome) const {
  for (std::size_t i = radix_.size(); i-- > 0;) {
    if (++outcome[i] < radix_[i]) return true;
    outcome[i] = 0;
  }
  return false;
}

}  // namespace parley
