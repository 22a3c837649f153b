#pragma once

// The plan's pitfalls: what the brief's own parts get wrong (an anchor without evidence, a
// one-way concession, hard power in a repeated relationship, a face threat, reliance on
// deadlines), found by a table of rules like the power pitfalls (power/pitfalls.h).
//
//   for (const power::Pitfall& p : FindPlanPitfalls(PlanInputsOf(c, brief))) { ... }
//
// Each rule is a row of PlanPitfallRules(): its id, its kind, a title and the function that
// finds it. docs/plan.md says how to add one.

#include <vector>

#include "parley/plan/plan_inputs.h"
#include "parley/power/pitfalls.h"

namespace parley::plan {

/// One rule of the plan's pitfalls: a row of PlanPitfallRules().
struct PlanPitfallRule {
  power::PitfallId id;
  power::PitfallKind kind;
  const char* title;  ///< what the rule looks for, in a few words
  /// Every occurrence in the inputs (PlanInputs::pitfalls is not read).
  std::vector<power::Pitfall> (*find)(const PlanInputs& in);
};

/// The rules of the plan's pitfalls, one row per id from kAnchorWithoutEvidence to
/// kDeadlineReliance, in that order (docs/plan.md gives each trigger).
const std::vector<PlanPitfallRule>& PlanPitfallRules();

/// The plan's pitfalls, by rule in the order of PlanPitfallRules(). O(size of the case + size of
/// the plan's parts).
std::vector<power::Pitfall> FindPlanPitfalls(const PlanInputs& in);

/// The kind of any pitfall, power or plan, from the row of its rule. O(rules).
power::PitfallKind PitfallKindOf(power::PitfallId id);

}  // namespace parley::plan
