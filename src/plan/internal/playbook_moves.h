#pragma once

// The moves of the playbook, each written from the facts of the case: the moves every context
// shares, and each context's own. BuildPlaybook (playbook.cc) gathers the facts and places the
// moves in their phases.

#include <cstddef>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/plan/playbook.h"

namespace parley::plan::internal {

/// What the scripts are filled with, gathered once from the case and the plan's parts. Empty
/// strings mean the case does not say; the scripts then leave the part out or say what to find.
struct Facts {
  bool money = true;
  std::string us, them;        ///< display names
  std::string floor_text;      ///< "go below 105000 on Annual price"
  std::string floor_issue;     ///< the id of the issue that floor is on
  std::string floor_when;      ///< "they ask for Annual price below 105,000"
  std::string floor_evidence;  ///< "claim (source)": what we may read aloud of its evidence
  bool floor_backed = false;   ///< the floor cites evidence (which may be ours to keep)
  /// Every floor of ours cites evidence we may show them: only then does the agenda promise
  /// the basis for our limits.
  bool floors_all_shown = false;
  std::string walk_away;  ///< our reservation value
  std::string anchor_terms, anchor_value, credible_low, anchor_evidence;
  /// The package at the credible range's safe end (Anchor::credible_low_outcome), when there is
  /// one: a counter is judged by its terms in the room, not by its value to us.
  std::string credible_low_terms;
  /// The concession log has moved the talks (Brief::under_way): the first move restates the
  /// package on the table (`table_terms`) instead of opening with the anchor.
  bool under_way = false;
  std::string table_terms;  ///< the whole package on the table
  /// Its terms the concession log settled, and the rest (still our opening's proposal).
  std::string table_logged_terms, table_rest_terms;
  /// The table is worth less to us than where the concession plan would land.
  bool table_below_landing = false;
  std::string predicted_terms, predicted_value;
  /// Where the concession plan lands: the package after its last step (the opening when it has
  /// none); empty without a plan.
  std::string landing_terms;
  /// No package is worth our walk-away (the verdict is walk-away): no opening, no concession
  /// and no acceptance is scripted; the first move tests whether the deal can change and the
  /// close declines it. best_value is our best possible package's value to us, for a sentence.
  bool no_deal = false;
  std::string best_value;
  /// An indirect, high power-distance culture (Case::culture): a private preview with their
  /// decision-maker comes before any floor or anchor is stated, and no line is an ultimatum.
  bool indirect = false;
  std::string give, get, give_value_them;  ///< the best give-get pair off the floor's issue
  std::string trade_give, trade_get;       ///< the best give-get pair of all
  /// The remedy's pair (the best whose give is an options issue), as terms: "Support tier
  /// premium"; empty when no pair gives something to deliver.
  std::string give_term;
  std::string first_give, first_get, first_give_value_them;  ///< first planned step
  std::size_t plan_steps = 0;                                ///< the concession plan's steps
  std::string first_date;
  /// The date we set for them (`sets`) and what may be said of it (its reason, when its evidence
  /// may be shown); never our own deadline.
  std::string our_date, our_date_evidence;
  bool our_date_backed = false;                 ///< the date cites evidence, citable or private
  std::string their_date, their_date_evidence;  ///< theirs
  /// From the stakeholder plan (stakeholder_plan.h): whom to preview privately ("A and B"),
  /// whether the map calls for previews, who closes on their side, our sponsor and whom they
  /// escalate to; and their champion (the warmest stakeholder, when not the closer).
  std::string preview;
  bool previews_needed = false;
  /// Who hears the figure first (StakeholderPlan::anchor_first), and the previews before them,
  /// who hear the case for the deal but not the figure ("A and B hear", "A hears"; empty when
  /// none).
  std::string figure_first, case_first;
  std::string closer, sponsor, counterpart, champion;
  std::string veto_holders;  ///< their veto holders other than the closer: "A and B"
  std::string our_vetoes;    ///< our own veto holders, whose mandate our acceptance needs
  std::string benchmark;     ///< a benchmark or cost claim
  std::string cost_claim;    ///< a cost claim (should-cost figures), empty without one
  std::string issues;        ///< the issues, named
  std::size_t meso_count = 0;
  /// What the MESO packages are worth to us, as a clause: "each package is worth 159,000 to
  /// us", "the packages are worth 158,000 to 160,000 to us".
  std::string meso_value;
  /// Empty when the packages are worth the target as printed, else the target: "159,000".
  std::string meso_target;
  std::string meso_list;  ///< "A: ...; B: ..."
  std::string close_date;
  /// We state a BATNA that cites evidence: a second option a script may mention. Without one, no
  /// line claims another option (a claim they can test is a bluff).
  bool alternative = false;
};

/// The phases of the playbook, as indices into PhaseNames().
enum Phase : std::size_t { kSetup, kFirstMove, kMidgame, kClose, kImplementation };

/// A move and the phase it belongs to.
struct PhasedMove {
  Phase phase;
  PlayMove move;
};

/// The moves every context shares, in the order they are played within each phase.
std::vector<PhasedMove> SharedMoves(const Facts& f);

/// The moves of `context` alone (none for Context::kOther), in the order they are played within
/// each phase; they come after the shared moves of their phase.
std::vector<PhasedMove> ContextMoves(Context context, const Facts& f);

}  // namespace parley::plan::internal
