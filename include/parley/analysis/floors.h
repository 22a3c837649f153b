#pragma once

/// Floors applied to the deal space: ApplyFloors narrows each issue of a case to the values every
/// party's floors allow (a deal outside a floor is one that party will not sign), or names the
/// issue the floors leave empty. The power analysis, and so `parley power` and `parley plan`,
/// works on the floored case (power::PowerReport::floored). O(issues x floors).
///
///   const parley::analysis::FlooredCase floored = parley::analysis::ApplyFloors(c);
///   if (!floored.feasible) std::cout << "the floors leave no " << floored.blocked_issue << '\n';
///   for (const std::string& note : floored.notes) std::cout << note << '\n';
///   const parley::Case& narrowed = floored.c;  // same issue ids, steps and grids

#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"

namespace parley::analysis {

/// A case narrowed to the terms every party's floors allow.
struct FlooredCase {
  Case c;  ///< the case with each issue's range or options narrowed; all else unchanged
  /// False when the floors leave some issue with no value at all (then `c` is the input case
  /// unchanged and `blocked_issue` names the first such issue).
  bool feasible = true;
  std::string blocked_issue;
  /// One sentence per floor that removed values, e.g. "cloudco's floor on price (min 105000)
  /// removes 15 of 61 values"; when !feasible, only the sentence naming the blocking floor.
  std::vector<std::string> notes;
};

/// Applies every party's floors to the issues of `c` (valid): a number issue keeps the grid
/// values within [max of the mins, min of the maxes], keeping its step and grid (so a kept value
/// is the same number as before); an options issue loses every option a floor excludes. A floor
/// binds its own party only, but a deal outside it is one that party will not sign, so no party
/// can get it: the deal space for prediction and planning is the floored one.
/// O(issues x floors).
FlooredCase ApplyFloors(const Case& c);

/// The outcome of `original` holding the same values as `o` does in `floored` (a case from
/// ApplyFloors(original), whose grids and option names are those of `original`). O(issues x
/// options).
Outcome ToOriginalOutcome(const Case& original, const Case& floored, const Outcome& o);

/// The floors of `party` in `c` that outcome `o` (of `c`) breaks, one entry per broken limit,
/// e.g. "price min 105,000" or "support excludes named-engineer"; empty when it keeps them all.
/// A grid value within 1e-9 of a step of the limit keeps it, as in ApplyFloors. O(floors).
std::vector<std::string> FloorsBroken(const Case& c, const std::string& party, const Outcome& o);

/// FloorsBroken(c, *party, o).empty(), without naming anything (a strategy asks it every turn);
/// with party == nullptr, whether `o` keeps every party's floors. O(floors x issues).
bool KeepsFloors(const Case& c, const std::string* party, const Outcome& o);

/// A party's utility of the outcomes of a case on the scale of the deal space inside the floors,
/// the one the frontier, `parley evaluate` and `parley next` report: a money-form value mapped
/// through the value range of `deals` (ApplyFloors(c).c, or `c` itself when the floors leave no
/// deal); a utility-form party's utility as stated. O(valuation) to build, O(issues) a call.
///
///   const parley::analysis::FlooredUtility u(c, floored.c, "acme");
///   const double x = u(outcome);  // as `parley evaluate --offer` gives it
class FlooredUtility {
 public:
  /// `c` and `deals` must outlive it; `deals` has the issues of `c`, narrowed.
  FlooredUtility(const Case& c, const Case& deals, const std::string& party);
  double operator()(const Outcome& o) const;
  /// The party's disagreement utility (its walk-away) on the same scale.
  double Disagreement() const;

 private:
  PartyValuation valuation_, scale_;
};

}  // namespace parley::analysis
