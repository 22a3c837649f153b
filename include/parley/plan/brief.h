#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/plan/anchor.h"
#include "parley/plan/checklist.h"
#include "parley/plan/concession_plan.h"
#include "parley/plan/concessions.h"
#include "parley/plan/meso.h"
#include "parley/plan/playbook.h"
#include "parley/plan/tradeables.h"
#include "parley/power/pitfalls.h"
#include "parley/power/report.h"

namespace parley::plan {

/// Every parameter of the brief, with its default (docs/plan.md).
struct PlanOptions {
  power::PowerOptions power;  ///< power.as picks the chair the brief is written for
  MesoOptions meso;           ///< target unset: our value in the predicted deal
  ConcessionPlanOptions concessions;
  std::size_t give_get_pairs = 8;  ///< most give-get pairs listed
  /// hard-power-in-repeated-relationship: the trust at stake in a repeated relationship is our
  /// surplus over the walk-away at an even split in this many future deals of the same size...
  std::size_t future_deals = 3;
  /// ...and pressing for the anchor rather than an even split is "small next to" it when it
  /// gains less than this share of it.
  double repeated_gain_share = 0.5;
  /// deadline-reliance: deadlines carry too much of the plan when ignoring every deadline would
  /// lower our bargaining weight by at least this much (0.05 = five points of surplus share).
  double deadline_weight_share = 0.05;
};

/// The preparation brief of a case from one chair: what `parley plan` renders.
struct Brief {
  std::string us;    ///< the chair (options.power.as, or the `us` party)
  std::string them;  ///< the counterpart: the first other party that states values; may be empty
  PlanOptions options;
  power::PowerReport power;  ///< the power assessment and deal space (frontier, prediction)
  /// The parts below are computed on power.floored.c (outcomes index its issues) and are absent
  /// when their inputs are (see `notes`).
  std::optional<Tradeables> tradeables;
  std::vector<GiveGet> give_get;
  std::optional<Anchor> anchor;
  std::optional<Meso> meso;
  std::optional<ConcessionPlan> concession_plan;
  ConcessionLog concessions;  ///< the case's concession log, valued (original case)
  /// The power pitfalls, then the plan's: anchor-without-evidence, one-way-concession,
  /// hard-power-in-repeated-relationship, face-threat, deadline-reliance.
  std::vector<power::Pitfall> pitfalls;
  Playbook playbook;
  std::vector<CheckItem> checklist;
  /// Our value in the symmetric (equal-weight) Nash deal on the frontier, the even split that
  /// hard power is measured against; absent without a ZOPA.
  std::optional<double> even_split_value;
  /// Our bargaining weight with every deadline ignored (deadline-reliance); absent without
  /// leverage.
  std::optional<double> weight_without_deadlines;
  std::vector<std::string> notes;        ///< parts left out, and why
  std::vector<std::string> assumptions;  ///< the power model's, then the plan's
};

/// Builds the whole brief: the power analysis (power::AnalysePower), then tradeables and give-get
/// pairs, the anchor, MESO around the predicted deal, the concession plan from the anchor to the
/// predicted deal, the concession log, the pitfalls, the playbook and the checklist. Throws what
/// AnalysePower throws (kUsage for bad options, kLimit for a space too large) and kUsage for
/// out-of-range plan options. O(power analysis + plan parts; see each header).
Brief BuildBrief(const Case& c, const PlanOptions& options = {});

/// The plan's pitfalls of a brief whose quantitative parts are built (docs/plan.md gives each
/// rule), in the order listed on Brief::pitfalls.
std::vector<power::Pitfall> FindPlanPitfalls(const Case& c, const Brief& brief);

}  // namespace parley::plan
