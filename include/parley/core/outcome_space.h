#pragma once

/// The outcome space of a case: every complete package, the cartesian product of the issues'
/// values, numbered in mixed radix (first issue most significant). Nothing is enumerated up
/// front and the size is exact beyond 64 bits (BigUint): At and IndexOf map between an index and
/// an Outcome in O(issues), Next walks the space in amortised O(1). The frontier, the ZOPA count
/// and the charts visit outcomes through it.
///
///   const parley::OutcomeSpace space(c.issues);
///   const std::string size = space.Size().ToString();  // exact, e.g. "12000000000000000000"
///   parley::Outcome o = space.First();
///   do { /* o[i] is the value index of issue i */ } while (space.Next(o));

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "parley/core/big_uint.h"
#include "parley/core/issue.h"

namespace parley {

/// One complete package: for each issue of the case, in order, the index of its value
/// (the option index, or the grid index of a number issue).
using Outcome = std::vector<std::uint64_t>;

/// The set of all packages: the cartesian product of the issues' values. Nothing is enumerated
/// up front; the size is exact even beyond 64 bits.
///
/// Indices order outcomes lexicographically, the first issue most significant (mixed radix).
class OutcomeSpace {
 public:
  /// The space of `issues`. Throws Error(kInvalidInput) if an issue has no valid values.
  explicit OutcomeSpace(const std::vector<Issue>& issues);

  /// Number of issues.
  std::size_t IssueCount() const { return radix_.size(); }
  /// Number of values of issue `i`.
  std::uint64_t ValueCount(std::size_t i) const { return radix_[i]; }
  /// Exact number of outcomes (1 when there are no issues).
  const BigUint& Size() const { return size_; }
  /// The number of outcomes if it fits in 64 bits.
  std::optional<std::uint64_t> Size64() const { return size_.ToUint64(); }

  /// The outcome with this index. Throws Error(kUsage) if index >= Size(). O(issues).
  Outcome At(std::uint64_t index) const;
  /// Same for an index of any size. O(issues x limbs).
  Outcome At(const BigUint& index) const;
  /// The index of an outcome. Throws Error(kUsage) if it is not in the space. O(issues x limbs).
  BigUint IndexOf(const Outcome& outcome) const;
  /// The first outcome (all indices 0).
  Outcome First() const { return Outcome(radix_.size(), 0); }
  /// Advances to the next outcome in index order (the last issue changes fastest); returns
  /// false, leaving `outcome` at First(), after the last one. Amortised O(1).
  bool Next(Outcome& outcome) const;

 private:
  std::vector<std::uint64_t> radix_;
  BigUint size_;
};

}  // namespace parley
