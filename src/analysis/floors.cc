#include "parley/analysis/floors.h"

#include <algorithm>
#include <cmath>

#include "parley/core/text.h"

namespace parley::analysis {

FlooredCase ApplyFloors(const Case& c) {
  FlooredCase out;
  out.c = c;
  auto who = [&](const Floor& f) {  // as people read it: the party's name
    const Party* p = c.FindParty(f.party);
    return p != nullptr ? p->DisplayName() : f.party;
  };
  for (Issue& issue : out.c.issues) {
    const Issue original = issue;
    for (const Floor& f : c.floors) {
      if (f.issue != issue.id) continue;
      const std::uint64_t before = issue.ValueCount();
      std::string what;
      if (issue.kind == IssueKind::kNumber) {
        // Grid indices of the original issue that the floor keeps; values stay lo + k step.
        const auto [lo_index, hi_index] = FloorIndexRange(original, f);
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
        out.notes = {text::Possessive(who(f)) + " floor on " + issue.DisplayName() + " (" + what +
                     ") leaves no value of the issue that every floor allows"};
        out.c = c;
        return out;
      }
      const std::uint64_t after = issue.ValueCount();
      if (after < before) {
        out.notes.push_back(text::Possessive(who(f)) + " floor on " + issue.DisplayName() + " (" +
                            what + ") removes " + std::to_string(before - after) + " of " +
                            std::to_string(original.ValueCount()) + " values");
      }
    }
  }
  return out;
}

Outcome ToOriginalOutcome(const Case& original, const Case& floored, const Outcome& o) {
  Outcome out(o.size());
  for (std::size_t i = 0; i < o.size(); ++i) {
    const Issue& from = floored.issues[i];
    const Issue& to = original.issues[i];
    if (to.kind == IssueKind::kOptions) {
      out[i] = static_cast<std::uint64_t>(std::max(0, to.OptionIndex(from.options[o[i]])));
    } else {
      out[i] = to.NearestIndex(from.NumberAt(o[i])).first;
    }
  }
  return out;
}

namespace {

// Which limit of a floor an outcome breaks.
enum class Limit { kMin, kMax, kExclude };

// Calls broken(floor, issue, limit, value index) for each limit of the floors `keep` selects that
// `o` breaks, until it returns false. The one test behind FloorsBroken and KeepsFloors. O(floors x
// issues).
template <typename Keep, typename Broken>
void ForEachBroken(const Case& c, const Outcome& o, Keep keep, Broken broken) {
  for (const Floor& f : c.floors) {
    const int i = c.IssueIndex(f.issue);
    if (!keep(f) || i < 0) continue;
    const Issue& issue = c.issues[static_cast<std::size_t>(i)];
    const std::uint64_t k = o[static_cast<std::size_t>(i)];
    if (issue.kind == IssueKind::kNumber) {
      const double x = issue.NumberAt(k);
      const double tolerance = 1e-9 * issue.step;
      if (f.min && x < *f.min - tolerance && !broken(f, issue, Limit::kMin, k)) return;
      if (f.max && x > *f.max + tolerance && !broken(f, issue, Limit::kMax, k)) return;
    } else if (std::find(f.exclude.begin(), f.exclude.end(), issue.options[k]) != f.exclude.end() &&
               !broken(f, issue, Limit::kExclude, k)) {
      return;
    }
  }
}

}  // namespace

std::vector<std::string> FloorsBroken(const Case& c, const std::string& party, const Outcome& o) {
  std::vector<std::string> out;
  auto name = [&](const Floor& f, const Issue& issue, Limit limit, std::uint64_t k) {
    switch (limit) {
      case Limit::kMin:
        out.push_back(issue.id + " min " + text::IssueValueText(c, issue, *f.min));
        break;
      case Limit::kMax:
        out.push_back(issue.id + " max " + text::IssueValueText(c, issue, *f.max));
        break;
      case Limit::kExclude:
        out.push_back(issue.id + " excludes " + issue.options[k]);
        break;
    }
    return true;
  };
  ForEachBroken(
      c, o, [&](const Floor& f) { return f.party == party; }, name);
  return out;
}

bool KeepsFloors(const Case& c, const std::string* party, const Outcome& o) {
  bool keeps = true;
  ForEachBroken(
      c, o, [&](const Floor& f) { return party == nullptr || f.party == *party; },
      [&](const Floor&, const Issue&, Limit, std::uint64_t) { return keeps = false; });
  return keeps;
}

FlooredUtility::FlooredUtility(const Case& c, const Case& deals, const std::string& party)
    : valuation_(c, party), scale_(deals, party) {}

double FlooredUtility::Disagreement() const {
  return valuation_.form() == ValueForm::kMoney ? scale_.DisagreementUtility()
                                                : valuation_.DisagreementUtility();
}

double FlooredUtility::operator()(const Outcome& o) const {
  return valuation_.form() == ValueForm::kMoney ? scale_.ValueToUtility(valuation_.Value(o))
                                                : valuation_.Utility(o);
}

}  // namespace parley::analysis
