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

#include <cstddef>
#include <string_view>
#include <vector>

namespace parley {

/// Only the first kClaimWindow characters of a claim are read, and at most kMaxFigures numbers:
/// a claim is a sentence or two, and a hostile one must not cost more than that.
inline constexpr std::size_t kClaimWindow = 4096;
inline constexpr std::size_t kMaxFigures = 64;

/// One number a claim states.
struct Figure {
  double value = 0;
  bool percent = false;  ///< written as a percentage ("35%", or "20" in "20-35%")
};

/// The numbers `claim` states, in the order written (within the window above). A minus sign or
/// a dash before a number is read as a range separator, not a sign. Left out: a bare four-digit
/// number from 1900 to 2099 (a year) and a number inside a word ("Q4", "3rd", "5km").
/// O(min(claim length, kClaimWindow)).
std::vector<Figure> ReadFigures(std::string_view claim);

/// The values of `figures` that lie in [lo, hi], leaving out percentages unless `percent` (the
/// issue's unit is a percentage). O(figures).
std::vector<double> FiguresInRange(const std::vector<Figure>& figures, double lo, double hi,
                                   bool percent = false);

/// ReadFigures then FiguresInRange.
inline std::vector<double> FiguresInRange(std::string_view claim, double lo, double hi,
                                          bool percent = false) {
  return FiguresInRange(ReadFigures(claim), lo, hi, percent);
}

}  // namespace parley
