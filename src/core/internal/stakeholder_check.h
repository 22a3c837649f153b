#pragma once

// The rules of the stakeholder map that span several stakeholders (docs/case-format.md,
// "stakeholders" and "decision"): influence ties within one party, each listener's incoming ties
// summing to at most 1, and the decision rules. Run by CheckCase after the per-stakeholder rules.

#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"

namespace parley::internal {

// Ties across parties and listeners whose incoming weights exceed 1 (at the tie that pushes the
// sum past 1). Unknown listeners are reported by the per-stakeholder check, not here.
// O(stakeholders + ties) with a hash map of ids.
std::vector<CaseProblem> CheckInfluenceTies(const Case& c);

// Every `decision` entry: its party known, has stakeholders and has one rule; `quota`, `weights`
// and `decider` where the rule allows them, naming members of that party, with whole numbers of
// votes and a quota in (0, total]; `one` without `decider` needs a member stating `formal`.
// O(decisions x stakeholders).
std::vector<CaseProblem> CheckDecisionRules(const Case& c);

}  // namespace parley::internal
