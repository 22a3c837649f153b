#pragma once

// The size limits of a case (core/limits.h) and the numbers a case derives from its own (a
// party's value range, its span, its BATNA less costs), checked for CheckCase.

#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"

namespace parley::internal {

// One problem (limit = true) per limit of kLimits the case exceeds: parties, issues, options of
// one issue, value entries of one party, characters of one id or option. O(parties + issues +
// options + values), so a case far beyond the limits is refused at once.
std::vector<CaseProblem> CheckCaseLimits(const Case& c);

// On a case that breaks no rule: one problem per derived number that is not finite or beyond
// +-1e302 (so that a million of them add up within a double) although every number written is: a
// party's value of one issue at a grid point, its worst or best deal, their difference, its BATNA
// less costs or the BATNA's utility; a rectangles party's scale. O(parties x (issues + points)).
std::vector<CaseProblem> CheckDerivedNumbers(const Case& c);

}  // namespace parley::internal
