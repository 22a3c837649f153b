#pragma once

/// The preparation brief as JSON, the contract of `parley plan --format json` and of
/// `parley plan -o brief.json`: every part of a plan::Brief in a fixed key order, outcomes
/// written with OutcomeJson and non-finite numbers as null, so the text is always valid JSON.
///
///   const parley::plan::Brief brief = parley::plan::BuildBrief(c);
///   std::cout << parley::report::JsonText(parley::report::BriefJson(brief));

#include <nlohmann/json.hpp>

#include "parley/plan/brief.h"

namespace parley::report {

/// The preparation brief as JSON: the contract of `parley plan --format json` (the CLI puts
/// "command" and "file" in front). Keys, in this order:
///   us, them, options, power, tradeables, give_get, anchor, meso, concessions, playbook,
///   checklist, pitfalls, even_split_value, weight_without_deadlines, notes, assumptions.
/// - options: {meso: {count, tolerance, target, near_frontier}, concessions: {max_steps,
///   min_days_apart}, give_get_pairs, future_deals, repeated_gain_share, deadline_weight_share,
///   power: the power options as PowerReportJson writes them (as used, `today` resolved)}.
/// - power: PowerReportJson(b.power).
/// - Moves and term changes write `from` and `to` as an outcome does (a number for a number
///   issue, the option otherwise); a move's ratio is null when it is infinite.
/// - Outcomes (anchor, MESO packages, the concession plan's start and packages) are written with
///   OutcomeJson on the issues of b.power.floored.c.
/// - An absent part (tradeables, anchor, meso, the concession plan, even_split_value,
///   weight_without_deadlines) is null, and so is an empty string that means "none" (them, a
///   step's date and day, the plan's today, close_date and close_party, MESO's balancing_issue
///   and shortfall). Every double that is not finite is written as null, so the text is
///   always valid JSON. O(size of the brief).
nlohmann::ordered_json BriefJson(const plan::Brief& b);

/// A concession plan as the brief's "plan" key writes it ({start, start_value, target_value,
/// walk_away, planned_sizes, steps, conceded, reserve, today, close_date, close_party,
/// close_what, pacing}), outcomes on the issues of `c` (the case the plan was made on: the
/// floored case). `parley next` writes its re-paced plan this way. O(steps x issues).
nlohmann::ordered_json ConcessionPlanJson(const Case& c, const plan::ConcessionPlan& p);

}  // namespace parley::report
