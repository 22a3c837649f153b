#pragma once

// The preparation brief: the power analysis from one chair, then the plan built on it
// (tradeables, give-get pairs, anchor, MESO, concession plan and log, pitfalls, playbook,
// checklist). docs/plan.md defines every part.
//
//   plan::PlanOptions options;
//   options.power.as = "cloudco";
//   const plan::Brief brief = plan::BuildBrief(c, options);
//   if (brief.anchor) std::cout << brief.anchor->rationale << "\n";

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
#include "parley/plan/plan_inputs.h"
#include "parley/plan/plan_options.h"
#include "parley/plan/plan_pitfalls.h"
#include "parley/plan/playbook.h"
#include "parley/plan/stakeholder_plan.h"
#include "parley/plan/tradeables.h"
#include "parley/plan/verdict.h"
#include "parley/power/analysis.h"
#include "parley/power/pitfalls.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::plan {

/// The preparation brief of a case from one chair: what `parley plan` renders.
struct Brief {
  std::string us;    ///< the chair (options.power.as, or the `us` party)
  std::string them;  ///< the counterpart: the first other party that states values; may be empty
  PlanOptions options;
  /// The verdict on the method's "do not use hard power when" tests: press, press with care,
  /// or lead with value creation. Every format of the brief opens with it.
  Verdict verdict;
  power::PowerReport power;  ///< the power assessment and deal space (frontier, prediction)
  /// The stakeholder map of the case as given (stakeholders::MapStakeholders); no parties when
  /// the case maps no stakeholders (or a party has more than stakeholders::kMaxMembers: see
  /// `notes`).
  stakeholders::StakeholderMap stakeholder_map;
  /// Whom the plan names, from the map: the playbook, checklist, verdict and pitfalls read it.
  StakeholderPlan people;
  /// The parts below are computed on power.floored.c (outcomes index its issues) and are absent
  /// when their inputs are (see `notes`).
  std::optional<Tradeables> tradeables;
  /// The package on the table the give-get pairs start from: the opening (anchor) with the
  /// concession log's terms applied in order; absent without an anchor.
  std::optional<Outcome> position;
  /// Per issue of `position`: true when its term comes from the concession log, false when it
  /// is still the opening's (our proposal, never agreed).
  std::vector<bool> position_logged;
  /// Per issue of `position`: true when the log's last move on it was our concession (our
  /// entry's give, or what they took in return in theirs). No step, MESO package or give-get
  /// pair asks it back (moves it our way from `position`).
  std::vector<bool> position_given;
  /// Where `position` comes from, in words: "the opening", or "the package on the table after
  /// the concession log's entry 4 (premium support in a package)".
  std::string position_source;
  /// The talks are under way: the case's concession log has entries, so the opening has been
  /// made. The concession plan, MESO, the give-get pairs, the playbook and `parley next` then
  /// start from `position`, never re-opening at the anchor: the anchor section stays as the
  /// worksheet of the opening, and `under_way_note` says where the talks stand.
  bool under_way = false;
  /// When under_way: one sentence on the package on the table and its value to us; else empty.
  std::string under_way_note;
  std::vector<GiveGet> give_get;  ///< from `position` (GiveGetPairsFrom)
  /// The opening, tempered by the verdict (TemperAnchor: press opens at the ambitious anchor,
  /// press-with-care and value-first lower it within the credible range).
  std::optional<Anchor> anchor;
  /// The opening before the verdict tempered it (PlanAnchor): what the pitfalls and the verdict
  /// judge pressing for. Equal to `anchor` when the approach is press.
  std::optional<Anchor> ambitious_anchor;
  /// At the first planned step's value; with fewer than two packages, no packages and the
  /// reason in `shortfall` (the playbook then has no MESO move).
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
  /// Our value of the best package for us in the floored case (the top of the frontier) and
  /// our walk-away (reservation value there); absent without a frontier (no values from both
  /// sides, non-additive values, or floors that leave no deal). When the best is below the
  /// walk-away the verdict is walk-away and the brief has no anchor, MESO or concession plan.
  std::optional<double> best_value;
  std::optional<double> walk_away;
  /// Our bargaining weight with every deadline ignored (deadline-reliance); absent without
  /// leverage.
  std::optional<double> weight_without_deadlines;
  std::vector<std::string> notes;        ///< parts left out, and why
  std::vector<std::string> assumptions;  ///< the power model's, then the plan's
};

/// Builds the whole brief: the power analysis (power::AnalysePower), then tradeables, the
/// ambitious anchor, the concession plan from it, the concession log, the pitfalls and the
/// verdict; then the opening and the plan tempered by the verdict, MESO at the first planned
/// step, the give-get pairs from the package on the table, the playbook and the checklist. Throws
/// what AnalysePower throws (kUsage for bad options, kLimit for a space too large) and kUsage for
/// out-of-range plan options. O(power analysis + plan parts; see each header).
Brief BuildBrief(const Case& c, const PlanOptions& options = {});

/// The inputs of the plan's pitfalls, the playbook and the checklist, pointing into `brief` and
/// `c` (both must outlive them): the chair, the case and the floored case, the power analysis's
/// sources, perception, leverage and prediction, the plan's parts, and brief.pitfalls. O(1).
PlanInputs PlanInputsOf(const Case& c, const Brief& brief);

}  // namespace parley::plan
