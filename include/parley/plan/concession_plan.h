#pragma once

/// The concession plan (docs/plan.md, "The concession plan"): steps from the anchor to the
/// predicted deal, each half the one before, realised on the grid, each paired with a get (or a
/// conditional commitment), never taking a term back, and dated to land before the earliest
/// deadline; the room from the predicted deal down to our walk-away is held in reserve. Part of
/// the brief (Brief::concession_plan), on the floored case.
///
///   const parley::plan::ConcessionPlan p = parley::plan::PlanConcessions(
///       c, "cloudco", "acme", anchor.outcome, predicted, "2026-11-20");
///   for (const parley::plan::PlannedConcession& s : p.steps)
///     std::cout << s.step << ' ' << s.date << ' ' << s.size << ": " << s.condition << '\n';

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::plan {

/// Options for PlanConcessions.
struct ConcessionPlanOptions {
  std::size_t max_steps = 4;  ///< most planned concessions, 1..8
  /// Fewest days between two planned concessions when the plan is dated: a close N days away
  /// holds at most N / min_days_apart steps (at least one).
  double min_days_apart = 3;
  /// A live negotiation (parley next): per issue, the least contribution to our value a step may
  /// leave on an issue it moves (our contribution at their last offer's term: no step gives
  /// more than they asked for); empty: no bound, else one per issue of the case.
  std::vector<double> least_ours;
  /// False: no step moves an issue our way (a live negotiation takes back no term of our last
  /// offer), so each step is conditional on their agreement to the rest.
  bool gets = true;
  /// No step larger than this (our value): in a live negotiation our last concession, so the
  /// steps re-paced from our last offer never grow. Positive; infinity: no bound.
  double largest_step = std::numeric_limits<double>::infinity();
  /// No step leaves us more than this (our value): in a live negotiation, a counter that keeps
  /// a term of theirs better for us than ours must still give more than our last offer did.
  /// Infinity: no bound.
  double most_ours = std::numeric_limits<double>::infinity();
  /// No step leaves them this or less (their value): such a counter must also be worth more to
  /// them than our last offer was, or it retreats in their eyes while it concedes in ours (their
  /// terms kept cost them more than they are worth to us). Minus infinity: no bound.
  double least_theirs = -std::numeric_limits<double>::infinity();
  /// Per issue (empty: none): true when we have already given that term (the concession log),
  /// so no step moves it back our way. Else one per issue of the case.
  std::vector<bool> given;
};

/// One issue changed by a planned step.
struct TermChange {
  std::string issue;
  std::string from, to;          ///< the values as a person reads them (105,000; premium)
  std::uint64_t from_index = 0;  ///< the values' indices in the issue
  std::uint64_t to_index = 0;
  double our_change = 0;    ///< value units
  double their_change = 0;  ///< value units
};

/// One planned concession: what we give, what we ask in return, and when.
struct PlannedConcession {
  std::size_t step = 0;  ///< 1-based
  /// When to make it: an ISO date when the plan is dated, else empty (then `day` is unset too).
  std::string date;
  std::optional<long> day;        ///< days after the analysis date
  std::vector<TermChange> gives;  ///< terms that cost us
  std::vector<TermChange> gets;   ///< terms that are worth something to us (a valued get)
  /// What we ask in return, in words: the valued gets, or, when the step has none, the
  /// commitment it is conditional on (their agreement on the rest of the package by a date).
  std::string condition;
  bool get_valued = false;  ///< the get is a term of the deal with a value to us
  double size = 0;          ///< our value given up, net of the gets (> 0)
  double their_gain = 0;    ///< their value gained
  double our_value_after = 0, their_value_after = 0;
  Outcome package;  ///< the package on the table after this step
};

/// The sequence of concessions from the opening to the landing point.
struct ConcessionPlan {
  Outcome start;            ///< the opening package (normally the anchor)
  double start_value = 0;   ///< our value of it
  double target_value = 0;  ///< our value where the plan lands (normally the predicted deal)
  Outcome target;           ///< the package it lands at (`target` of PlanConcessions)
  double walk_away = 0;     ///< our reservation value
  /// The planned sizes before rounding to the grid: the room (start - target) split in halves,
  /// 2^(n-1) : ... : 2 : 1, so each concession is half the one before.
  std::vector<double> planned_sizes;
  std::vector<PlannedConcession> steps;
  double conceded = 0;  ///< start_value minus our value after the last step
  double reserve = 0;   ///< our value after the last step minus the walk-away: room held back
  std::string today;    ///< the analysis date the days count from; empty when none is known
  /// The close the pacing aims at: the earliest date after today among our deadline, theirs,
  /// and the dates set with evidence by one of us for the other (`sets`).
  std::string close_date;
  std::string close_party;    ///< whose deadline that is, or who set the date
  std::string close_what;     ///< "Acme Corp's deadline", "the date CloudCo set for Acme Corp"
  bool close_backed = false;  ///< the date cites evidence
  /// The close is our own deadline: a date to pace the steps by, never to say aloud (naming it
  /// tells them our time pressure).
  bool close_ours = false;
  std::string pacing;  ///< one sentence on how the steps are spaced and why, then `stop`
  /// The sentence on where the steps stop when that is short of the target; else empty.
  std::string stop;
  /// Why the plan lands above the predicted deal and what the room between is, when it does
  /// (the brief's; PlanConcessions leaves it empty).
  std::string landing;
};

/// Plans the concessions of `us` facing `them` in `c` (the floored case: every package respects
/// the floors) from `start` (the anchor) to `target` (the predicted deal), counting days from
/// `today` (ISO date, may be empty).
///
/// Steps: n = max_steps, or fewer when a dated close leaves fewer than min_days_apart days per
/// step. The planned cumulative concession after step k is the room R = our(start) - our(target)
/// times (2^n - 2^(n-k)) / (2^n - 1). Each step realises it on the grid: from the package on the
/// table it tries every package that changes one issue to any of its sampled values (options:
/// all; numbers: 11 evenly spaced), optionally with the balancing issue (the finest number issue
/// for us that can absorb a step of every other, normally price) at any grid value or with one
/// other issue at any sampled value; keeps those our value of which lies between the planned
/// cumulative level and the current value, that are no larger a step than the previous one (sizes
/// never grow), never take back a term given nor give back a term won in an earlier step, never
/// move the balancing issue our way, raise their value and suit every third party; and takes one
/// that moves another issue our way (a valued get) when there is one, else the condition says none
/// can, and among those the best for them (ties: fewer changed issues, then more value for us, then
/// issue order). A planned level with no such package is skipped (the next level allows a larger
/// step, never larger than the last); when no level left has one the plan ends; the rest of the
/// room is held in reserve, and `pacing` says where the steps stop when that is above the target.
/// Steps are dated at today + D x k / (n + 1) where D is the days to the close, so the last
/// concession comes before the deadline, not on it. Both parties need additive values
/// (Error(kUsage) otherwise). O(steps x issues x sampled values x (balancing grid + issues x
/// sampled values)).
ConcessionPlan PlanConcessions(const Case& c, const std::string& us, const std::string& them,
                               const Outcome& start, const Outcome& target,
                               const std::string& today, const ConcessionPlanOptions& options = {});

}  // namespace parley::plan
