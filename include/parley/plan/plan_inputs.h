#pragma once

// What the plan's pitfalls, the playbook and the checklist read: the chair, the case, the power
// analysis's figures and the plan's quantitative parts, gathered by BuildBrief once those parts
// are built (plan::PlanInputsOf). They never see a half-built Brief.
//
//   PlanInputs in;  // a test may fill only what the rule it tests reads
//   in.c = &c;
//   in.floored = &c;
//   in.us = "cloudco";
//   ...
//   const std::vector<CheckItem> items = EvaluateChecklist(in);

#include <optional>
#include <span>
#include <string>

#include "parley/core/case.h"
#include "parley/plan/anchor.h"
#include "parley/plan/concession_plan.h"
#include "parley/plan/concessions.h"
#include "parley/plan/meso.h"
#include "parley/plan/plan_options.h"
#include "parley/plan/stakeholder_plan.h"
#include "parley/plan/tradeables.h"
#include "parley/power/leverage.h"
#include "parley/power/perception.h"
#include "parley/power/pitfalls.h"
#include "parley/power/prediction.h"
#include "parley/power/sources.h"

namespace parley::plan {

/// Everything FindPlanPitfalls, BuildPlaybook and EvaluateChecklist read. Nothing is owned: the
/// pointed-to parts must outlive the inputs. A null pointer or an empty span is a part the
/// brief does not have (see Brief::notes); the fields marked "never null" are always set.
struct PlanInputs {
  const Case* c = nullptr;        ///< the case as given; never null
  const Case* floored = nullptr;  ///< the floored case, whose issues outcomes index; never null
  const PlanOptions* options = nullptr;  ///< never null
  std::string us;                        ///< the chair
  std::string them;                      ///< the counterpart; may be empty

  // The power analysis (power::PowerReport).
  const power::SourceAssessment* sources = nullptr;  ///< never null
  const power::Perception* perception = nullptr;     ///< never null
  const power::Leverage* leverage = nullptr;
  const power::Prediction* prediction = nullptr;

  // The plan's parts, built on the floored case (the concession log on the case as given).
  const Tradeables* tradeables = nullptr;
  std::span<const GiveGet> give_get;
  const Anchor* anchor = nullptr;
  /// Brief::under_way: the concession log has moved the talks to `position` (Brief::position),
  /// so the playbook restates it instead of opening with the anchor.
  bool under_way = false;
  const Outcome* position = nullptr;
  const std::vector<bool>* position_logged = nullptr;  ///< Brief::position_logged
  const Meso* meso = nullptr;
  const ConcessionPlan* concession_plan = nullptr;
  std::span<const ConcessionReview> concessions;   ///< the valued concession log
  std::optional<double> even_split_value;          ///< Brief::even_split_value
  std::optional<double> weight_without_deadlines;  ///< Brief::weight_without_deadlines
  std::optional<double> best_value;                ///< Brief::best_value
  std::optional<double> walk_away;                 ///< Brief::walk_away
  /// The floors leave no possible deal (analysis::FlooredCase::feasible is false): the sentence
  /// naming the floor that closes the last value of an issue; empty when a deal is possible.
  /// Read as "nothing worth opening" (NothingWorthOpening), with this as the reason.
  std::string floors_block;
  /// Whom the plan names (Brief::people) and the map they come from (Brief::stakeholder_map);
  /// null reads as a case that maps no stakeholders.
  const StakeholderPlan* people = nullptr;
  const stakeholders::StakeholderMap* stakeholder_map = nullptr;

  /// The pitfalls found, the power pitfalls then the plan's. The plan's pitfalls do not read
  /// them; the playbook and the checklist do.
  std::span<const power::Pitfall> pitfalls;
};

}  // namespace parley::plan
