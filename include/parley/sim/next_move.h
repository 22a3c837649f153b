#pragma once

/// Advice in a live negotiation (`parley next`): where the talks stand after the offers of the
/// case's `rounds`, and what to do next. Every offer is valued for every party, placed inside or
/// outside the ZOPA, and the other side's offers are read for their pace and, through the
/// frequency opponent model, for the priorities they reveal. The next move is one of accept,
/// counter, hold or walk, chosen by the first rule of a table that applies (docs/next.md), with
/// a package when countering, a line to say aloud that never reveals our alternative or our
/// walk-away, and the rest of the brief's concession plan re-paced from our actual position.
///
///   const parley::plan::Brief brief = parley::plan::BuildBrief(c);
///   const parley::sim::NextMove m = parley::sim::AdviseNext(c, brief);
///   std::cout << parley::sim::NextActionName(m.action) << ": " << m.say << '\n';

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/plan/brief.h"
#include "parley/plan/concession_plan.h"

namespace parley::sim {

/// What to do next.
enum class NextAction { kAccept, kCounter, kHold, kWalk };

/// "accept", "counter", "hold", "walk".
const char* NextActionName(NextAction action);

/// One offer of `rounds`, valued.
struct ValuedOffer {
  std::size_t index = 0;  ///< position in the case's `rounds`
  std::string by;         ///< the party that made it
  std::string date;       ///< as written; may be empty
  Outcome outcome;        ///< an outcome of the case (not the floored one)
  /// Per party of NextMove::parties: value (money or utility) and utility.
  std::vector<double> value, utility;
  /// Every party that states values gets at least its walk-away, within every floor.
  bool in_zopa = false;
  bool within_floors = false;  ///< the package respects every party's floors
  /// The change of our value from the same party's previous offer (their move toward us is
  /// positive); unset for a party's first offer.
  std::optional<double> our_change;
  /// The change of the offering party's own value from its previous offer (a concession is
  /// negative); unset for a party's first offer.
  std::optional<double> own_change;
};

/// One issue as the other side's offers reveal it (the frequency model, frequency_model.h).
struct RevealedPriority {
  std::string issue;
  double revealed_weight = 0;  ///< the model's weight, the weights summing to 1
  /// The weight the case file states for them, the brief's priority of the issue for them
  /// (plan::IssueTrade::their_priority: its share of their value range inside the floors); 0
  /// when the case states no values for them.
  double stated_weight = 0;
  /// Each of their offers after the first moved this issue toward us: the frequency model reads
  /// change as low weight, but a side conceding on what matters most in small steps changes it
  /// every time too, so a low revealed weight here is no evidence that it matters less.
  bool changed_every_offer = false;
};

/// The advice.
struct NextMove {
  std::string us, them;              ///< the chair and the counterpart of the brief
  std::vector<std::string> parties;  ///< parties that state values, case order
  std::vector<ValuedOffer> offers;   ///< the case's `rounds`, oldest first
  NextAction action = NextAction::kCounter;
  /// The rule that chose the action (docs/next.md): no-deal, open, wait, accept, repair,
  /// counter-open, deadline, walk, plan-end, retreat, reciprocity, counter.
  std::string rule;
  /// The package to put on the table (counter, and the package restated for hold) or the one to
  /// accept: an outcome of the case. Unset for walk and when no package can be planned.
  std::optional<Outcome> offer;
  /// Our value and their value of `offer` (value units), when set.
  double offer_value = 0, offer_their_value = 0;
  std::string say;       ///< what to say aloud; never our BATNA or walk-away
  std::string reason;    ///< why, with the figures: for us, not for the other side
  double walk_away = 0;  ///< our walk-away (analysis::PartyWalkAway)
  /// Our value at the plan's landing point: the predicted deal, or the safe end of the anchor's
  /// credible range when that is higher (plan::Brief's concession plan lands there).
  double target = 0;
  /// Our value of what we would put on the table next: the re-paced plan's first step, or our
  /// last offer when no step is left.
  std::optional<double> next_value;
  /// The concession plan re-paced from our last offer (or the opening when we have made none)
  /// to the predicted deal, on the floored case; unset without an opening or a predicted deal.
  std::optional<plan::ConcessionPlan> rest;
  /// Their average move toward us per offer after their first (our value units); unset with
  /// fewer than two offers from them.
  std::optional<double> pace;
  /// Offers they would still need at that pace to reach `next_value`; unset when the pace is
  /// not positive or they already reach it.
  std::optional<double> offers_to_go;
  /// The talks' date: the analysis date (`--today`) or the last dated offer, whichever is
  /// later; empty when neither is known.
  std::string today;
  /// Our own deadline (ISO date; empty without one) and its cost of delay per week: for us only,
  /// never said aloud.
  std::string deadline;
  std::optional<double> cost_per_week;
  /// Days from `today` to our deadline (negative once it has passed); unset without both dates.
  std::optional<long> days_to_deadline;
  /// The days between their dated offers on average; unset with fewer than two dated offers.
  std::optional<double> days_per_offer;
  /// The days `offers_to_go` (whole offers) take at that rhythm; unset without either.
  std::optional<double> days_to_go;
  /// The priorities their offers reveal, heaviest first; empty before they have made three offers
  /// (one or two show no pattern).
  std::vector<RevealedPriority> priorities;
  bool money = true;  ///< we state money values
};

/// Advises the next move of `brief.us` in `c` (valid, the case of `brief`), from the offers of
/// `c.rounds` (none: the advice is to open with the brief's anchor). Throws
/// Error(kInvalidInput) when the brief has no counterpart stating values.
/// O(rounds x issues + the concession plan + options of the issues).
NextMove AdviseNext(const Case& c, const plan::Brief& brief);

}  // namespace parley::sim
