#pragma once

/// The coach of an interactive rehearsal (`parley rehearse --interactive`): a comment on each
/// of our moves, by a table of rules (docs/simulation.md, "The coach"), each with its numbers,
/// and a summary at the end. Values are ours (money when we state money, else utility) unless
/// said otherwise.
///
/// | rule | fires when |
/// |---|---|
/// | below-walk-away | we offer or accept an outcome worth less than our walk-away |
/// | below-floor | we offer or accept an outcome that breaks one of our floors |
/// | one-way | our second concession in a row while their last offer did not move toward us |
/// | bigger-step | a concession larger than our previous one |
/// | beyond-plan | an offer worth less to us than the plan's next step |
/// | dominated | we accept a deal a frontier point beats for both sides |
/// | accept-below-plan | we accept a deal worth less than our next planned offer |
///
///   parley::sim::CoachMove m;
///   m.action = parley::sim::ActionKind::kOffer;
///   m.value = 140'000;
///   m.our_offers = {160'000, 150'000};
///   for (const parley::sim::CoachComment& c : parley::sim::CoachComments(m)) use(c.text);

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/sim/trace.h"

namespace parley::sim {

/// One comment: the rule that fired and what it says, with its numbers.
struct CoachComment {
  std::string rule;
  std::string text;

  friend bool operator==(const CoachComment&, const CoachComment&) = default;
};

/// Our move as the coach sees it, with the position before it.
struct CoachMove {
  ActionKind action = ActionKind::kOffer;
  double value = 0;                   ///< our value of the outcome offered or accepted
  std::optional<double> their_value;  ///< their value of it, when the case knows it
  std::vector<double> our_offers;     ///< our value of each of our earlier offers, oldest first
  std::vector<double> their_offers;   ///< our value of each of their offers so far, oldest first
  double walk_away = 0;               ///< our walk-away
  std::string floor_broken;  ///< the floor of ours the outcome breaks, as words ("" for none)
  std::optional<double> plan_next;  ///< our value of the plan's next offer before this move
  /// For an acceptance: the frontier point best for both that beats the outcome for both
  /// sides, as (our value, their value); unset when none does.
  std::optional<std::pair<double, double>> better;
  bool money = true;  ///< values are money (else utility)
  int decimals = 0;   ///< money decimals
};

/// The comments on `move`, in the order of the table above; empty when no rule fires.
/// O(offers).
std::vector<CoachComment> CoachComments(const CoachMove& move);

/// The coach's summary of a session.
struct CoachSummary {
  std::size_t moves = 0;  ///< our moves coached
  /// Comments per rule that fired at least once, in the order of the table.
  std::vector<std::pair<std::string, std::size_t>> counts;
  std::vector<std::string> lines;  ///< the summary in sentences, with numbers
};

/// The summary: how many moves, which rules fired how often, and our result against the plan's
/// landing point (`deal`: our value of the deal, unset without one; `target`: the landing point,
/// NextMove::target, which is the predicted deal or the safe end of the credible range when that
/// is higher; `walk_away`). O(comments).
CoachSummary SummarizeCoaching(const std::vector<std::vector<CoachComment>>& comments,
                               std::optional<double> deal, double target, double walk_away,
                               bool money, int decimals);

}  // namespace parley::sim
