#include "parley/analysis/floors.h"

#include <algorithm>
#include <cmath>

#include "parley/core/text.h"

namespace parley::analysis {

FlooredCase ApplyFloors(const Case& c) {
  FlooredCase out;
  out.c = c;
  for (Issue& issue : out.c.issues) {
    const Issue original = issue;
    for (const Floor& f : c.floors) {
      if (f.issue != issue.id) continue;
      const std::uint64_t before = issue.ValueCount();
      std::string what;
      if (issue.kind == IssueKind::kNumber) {
        // Grid indices of the original issue that the floor keeps; values stay lo + k step.
        const double lo_index =
            f.min ? std::ceil((*f.min - original.lo) / original.step - 1e-9) : 0.0;
        const double hi_index = f.max ? std::floor((*f.max - original.lo) / original.step + 1e-9)
                                      : static_cast<double>(original.ValueCount() - 1);
        const double current_lo = std::round((issue.lo - original.lo) / original.step);
        const double current_hi = std::round((issue.hi - original.lo) / original.step);
        const double keep_lo = std::max({lo_index, current_lo, 0.0});
        const double keep_hi =
            std::min({hi_index, current_hi, static_cast<double>(original.ValueCount() - 1)});
        if (keep_lo > keep_hi) {
          out.feasible = false;
        } else {
          issue.lo = original.NumberAt(static_cast<std::uint64_t>(keep_lo));
          issue.hi = original.NumberAt(static_cast<std::uint64_t>(keep_hi));
        }
        if (f.min) what += "min " + text::IssueValueText(c, original, *f.min);
        if (f.max) {
          what += std::string(what.empty() ? "" : ", ") + "max " +
                  text::IssueValueText(c, original, *f.max);
        }
      } else {
        std::vector<std::string> kept;
        for (const std::string& option : issue.options) {
          if (std::find(f.exclude.begin(), f.exclude.end(), option) == f.exclude.end()) {
            kept.push_back(option);
          }
        }
        if (kept.empty()) {
          out.feasible = false;
        } else {
          issue.options = kept;
        }
        for (const std::string& x : f.exclude) what += (what.empty() ? "excludes " : ", ") + x;
      }
      if (!out.feasible) {
        out.blocked_issue = issue.id;
        out.notes = {f.party + "'s floor on " + issue.id + " (" + what +
                     ") leaves no value of the issue that every floor allows"};
        out.c = c;
        return out;
      }
      const std::uint64_t after = issue.ValueCount();
      if (after < before) {
        out.notes.push_back(f.party + "'s floor on " + issue.id + " (" + what + ") removes " +
                            std::to_string(before - after) + " of " +
                            std::to_string(original.ValueCount()) + " values");
      }
    }
  }
  return out;
}

}  // namespace parley::analysis
