#pragma once

// Number issues that move every party along the same line, combined as one step of the additive
// fold (the frontier's and the ZOPA spans'). A salary and a signing bonus in whole dollars, both
// worth a dollar a dollar to each side, have V1 x V2 combinations but only V1 + V2 - 1 distinct
// contribution vectors: folding them one after the other would generate every combination.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "internal/frontier_common.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis::internal {

/// A party's scaled contribution of value `k` of issue `i`: contribution(party, i, k).
using ContributionFn = std::function<double(std::size_t, std::size_t, std::uint64_t)>;

/// Issues with more grid values than this are never put on a line with others.
inline constexpr std::uint64_t kLineValueLimit = 1'000'000;

/// The fold's steps, in issue order: one slot per issue, except that issues on which every
/// party's contribution is linear in the value index (within 1e-12 of its scale), with some
/// party gaining and some losing and a step larger than 10 x kUtilityEpsilon for some party, and
/// with equal steps (within 1e-12 relative), share the slot of the first of them, while their
/// sums number at most kLineValueLimit and their combinations fit 63 bits.
/// O(values x parties) over the number issues.
std::vector<std::vector<std::size_t>> LinearSlots(const OutcomeSpace& space, std::size_t parties,
                                                  const ContributionFn& contribution);

/// The sum of the slot's value indices (the slot's own value) of `outcome`. O(slot).
std::uint64_t SlotValue(const std::vector<std::size_t>& slot, const Outcome& outcome);

/// Writes value `v` of a slot into `outcome`: the value itself for one issue; for a line, the
/// combination with sum v whose earliest issues are as low as possible (the lowest outcome index
/// among the combinations reaching v). O(slot).
void SetSlot(const OutcomeSpace& space, const std::vector<std::size_t>& slot, std::uint64_t v,
             Outcome& outcome);

/// Every value m of a line slot (the sums of its issues' value indices) as a point: the parties'
/// summed contributions, the number of combinations reaching m as its count (a convolution of
/// ranges, by prefix sums) and m as its value; not pruned. O(sums x (issues + parties)).
PointSet<std::uint64_t> LinePoints(const OutcomeSpace& space, const std::vector<std::size_t>& slot,
                                   std::size_t parties, const ContributionFn& contribution);

}  // namespace parley::analysis::internal
