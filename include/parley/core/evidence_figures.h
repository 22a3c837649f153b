#pragma once

/// The figures an evidence claim states for a number issue, so a plan can tell whether a
/// benchmark it would cite argues for our opening or against it. A claim is free text
/// ("Contract warehousing in the region runs 17.00-19.50 EUR per pallet-month", "median base of
/// 134k (75th percentile 143k)"); this reads every number in it (thousands separators, decimals,
/// a k or m suffix for thousands or millions) and keeps those inside the range, so years,
/// counts and percentages of something else are left out. A heuristic on text, documented as
/// such where it is used (docs/plan.md, "The anchor").
///
///   for (double x : parley::FiguresInRange(e.claim, issue.lo, issue.hi)) { ... }

#include <string_view>
#include <vector>

namespace parley {

/// The numbers `claim` states that lie in [lo, hi], in the order written. A minus sign or a
/// dash before a number is read as a range separator, not a sign. Left out: a bare four-digit
/// number from 1900 to 2099 (a year), a number inside a word ("Q4", "3rd", "5km"), and a
/// percentage ("35%") unless `percent` (the unit is a percentage). O(claim length).
std::vector<double> FiguresInRange(std::string_view claim, double lo, double hi,
                                   bool percent = false);

}  // namespace parley
