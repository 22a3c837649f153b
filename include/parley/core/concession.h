#pragma once

/// Two parts of a case that bind a party on issues: Concession, one entry of the concession log
/// (what a party gave, what it got back, on what condition), which `parley plan` values entry by
/// entry and flags when one-way; and Floor, a limit a party will not cross on one issue, which
/// analysis::ApplyFloors uses to narrow the deal space.
///
///   parley::Concession entry;  // entry.by empty: the `us` party gave it
///   entry.give = {{"support", std::string("premium")}};  // entry.get empty: one-way
///   for (const parley::Floor& f : c.floors) {
///     if (f.max) std::cout << f.party << ": at most " << *f.max << " on " << f.issue << '\n';
///   }

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/issue.h"

namespace parley {

/// One entry of the concession log: what a party gave, what it got in return, and on what
/// condition. An entry with an empty `get` is a one-way concession (flagged by the planner).
struct Concession {
  std::string item;  ///< what it is about, in words
  std::string by;    ///< party id of the giver; empty means the `us` party
  Package give;
  Package get;
  std::string trigger;  ///< the condition attached, if any
  std::string date;     ///< optional ISO date
  friend bool operator==(const Concession&, const Concession&) = default;
};

/// A limit a party will not cross on one issue (its own side only): `min`/`max` for number
/// issues, `exclude` (options it will not accept) for options issues.
struct Floor {
  std::string party;
  std::string issue;
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> exclude;
  std::vector<std::string> evidence;
  friend bool operator==(const Floor&, const Floor&) = default;
};

/// The grid indices of number issue `issue` that floor `f` allows, as [first, last] (first >
/// last when it allows none): ceil((min - lo) / step) to floor((max - lo) / step), a limit
/// within 1e-9 of a step of a grid point counting as on it; the whole grid where a limit is
/// absent. Not clipped to the grid. The one reading of a number floor, for analysis::ApplyFloors
/// and the case check's warning on floors that exclude each other. O(1).
std::pair<double, double> FloorIndexRange(const Issue& issue, const Floor& f);

}  // namespace parley
