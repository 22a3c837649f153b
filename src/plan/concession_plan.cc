#include "parley/plan/concession_plan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "internal/grid.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/power/leverage.h"

namespace parley::plan {
namespace {

// A candidate step from the package on the table: up to two issues changed.
struct Candidate {
  Outcome package;
  double our = 0, their = 0;
  double others = 0;  // the third parties' utilities, summed (ThirdParties::Utility)
  int changed = 0;
  bool get = false;    // some issue moves our way: the step carries a valued get
  bool fills = false;  // gives at least half of the step's room (see Better)
};

// The earliest date on or after `today_day` that closes the negotiation between `us` and
// `them`: either one's own deadline, or a date one sets for the other with evidence.
void FindClose(const Case& c, const std::string& us, const std::string& them, long today_day,
               ConcessionPlan& plan, std::optional<long>& close_day) {
  auto consider = [&](const std::string& date, const std::string& party, std::string what,
                      bool backed, bool ours) {
    const std::optional<long> day = power::DayNumber(date);
    if (!day || *day < today_day || (close_day && *day >= *close_day)) return;
    close_day = day;
    plan.close_date = date;
    plan.close_party = party;
    plan.close_what = std::move(what);
    plan.close_backed = backed;
    plan.close_ours = ours;
  };
  for (const std::string& id : {us, them}) {
    const Party* p = c.FindParty(id);
    if (p == nullptr) continue;
    if (p->deadline && !p->deadline->date.empty()) {
      consider(p->deadline->date, id, text::Possessive(p->DisplayName()) + " deadline",
               !p->deadline->evidence.empty(), id == us);
    }
    const std::string& other = id == us ? them : us;
    for (const ImposedDate& d : p->sets) {
      if (d.for_party != other || d.evidence.empty()) continue;
      consider(d.date, id, "the date " + p->DisplayName() + " set for " + PartyName(c, other), true,
               false);
    }
  }
}

// What the search for the next step reads: the parties' valuations, the package on the table
// and the direction each issue has moved in, our and their values now, and the lowest value of
// ours the step may reach.
struct StepSearch {
  const Case& c;
  const PartyValuation& mine;
  const PartyValuation& theirs;
  const internal::ThirdParties& others;  // every step must be acceptable to each
  int balancing;                         // the balancing issue, or -1
  double eps;
  const Outcome& table;
  const std::vector<int>& direction;
  double our_now, their_now, lowest;
  const ConcessionPlanOptions& options;  // least_ours and gets
  // Both sides state money: a get is compared with what it costs them in money (Consider);
  // else each side's change is read on its value range.
  bool money = false;
};

// True when a step that costs us `given` gives them less than that (in money, or as shares of
// each side's value range): with a get in it, the get costs them more than it is worth to us,
// and the same step without it would leave both sides better off.
bool DestroysValue(const StepSearch& s, double given, double gained) {
  if (s.money) return gained < given - s.eps;
  const double our_range = std::max(1e-300, s.mine.MaxValue() - s.mine.MinValue());
  const double their_range = std::max(1e-300, s.theirs.MaxValue() - s.theirs.MinValue());
  return gained / their_range < given / our_range - 1e-12;
}

// Third parties' utilities closer than this are equal.
constexpr double kUtilityTie = 1e-9;

// True when step `a` is better than step `b`: one that gives at least half of the step's room
// first (a small step with a get would cap every later step, which never grows, and stop the
// plan short), then one with a valued get, then the most to them, the most to the third
// parties (between steps equal for us and them, none costs a third party for nothing), the
// fewest issues changed, the most left to us.
bool Better(const Candidate& a, const Candidate& b, double eps) {
  const bool others_differ = std::fabs(a.others - b.others) > kUtilityTie;
  if (a.fills != b.fills) return a.fills;
  if (a.get != b.get) return a.get;
  if (std::fabs(a.their - b.their) > eps) return a.their > b.their;
  if (others_differ) return a.others > b.others;
  if (a.changed != b.changed) return a.changed < b.changed;
  return a.our > b.our + eps;
}

// Keeps `o` (with `changed` issues moved from the table) in `best` when it is a better next
// step: it takes back no term given or won, lands between `lowest` and our value now, gives
// them more and is acceptable to every third party; one with a valued get (an issue moved our
// way) first, then the most to them, and so on (Better).
void Consider(const StepSearch& s, const Outcome& o, int changed, std::optional<Candidate>& best) {
  const double eps = s.eps;
  bool get = false;
  for (std::size_t i = 0; i < s.c.issues.size(); ++i) {
    if (o[i] == s.table[i]) continue;
    const double ours = s.mine.IssueContribution(i, o[i]) - s.mine.IssueContribution(i, s.table[i]);
    if ((s.direction[i] > 0 && ours > 0) || (s.direction[i] < 0 && ours < 0)) return;
    // The balancing issue is what the plan concedes: it only ever moves their way, so that no
    // step locks it against the steps after.
    if (static_cast<int>(i) == s.balancing && ours > eps) return;
    if (!s.options.gets && ours > eps) return;
    if (!s.options.least_ours.empty() &&
        s.mine.IssueContribution(i, o[i]) < s.options.least_ours[i] - eps) {
      return;
    }
    get = get || ours > eps;
  }
  Candidate cand{o, s.mine.Value(o), s.theirs.Value(o), 0, changed, get, false};
  cand.fills = s.our_now - cand.our >= 0.5 * (s.our_now - s.lowest) - eps;
  if (cand.our < s.lowest - eps || cand.our >= s.our_now - eps) return;
  if (cand.our > s.options.most_ours + eps) return;
  if (cand.their <= s.their_now + eps || cand.their <= s.options.least_theirs + eps) return;
  // A get is asked for only where the step still creates value: never one that costs them
  // more than it is worth to us.
  if (get && DestroysValue(s, s.our_now - cand.our, cand.their - s.their_now)) return;
  if (!s.others.Accept(o)) return;
  if (!s.others.empty()) cand.others = s.others.Utility(o);
  if (!best || Better(cand, *best, eps)) best = std::move(cand);
}

// Every step that moves issue `i` to `o[i]` and one other issue j > i (not the balancing issue)
// to any of its sampled values: a give on one and a get on the other.
void ConsiderPairs(const StepSearch& s, std::size_t i, const Outcome& o,
                   std::optional<Candidate>& best) {
  for (std::size_t j = i + 1; j < s.c.issues.size(); ++j) {
    if (static_cast<int>(j) == s.balancing) continue;
    for (std::uint64_t w : internal::SampledValues(s.c.issues[j])) {
      if (w == s.table[j]) continue;
      Outcome p = o;
      p[j] = w;
      Consider(s, p, 2, best);
    }
  }
}

// The best next step: one issue moved (sampled values, or the whole grid of the balancing
// issue), or one issue and the balancing issue together, or two other issues together.
std::optional<Candidate> BestStep(const StepSearch& s) {
  const Case& c = s.c;
  std::optional<Candidate> best;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    const bool balancing = static_cast<int>(i) == s.balancing;
    const std::vector<std::uint64_t> values =
        balancing ? internal::GridValues(c.issues[i]) : internal::SampledValues(c.issues[i]);
    for (std::uint64_t v : values) {
      if (v == s.table[i]) continue;
      Outcome o = s.table;
      o[i] = v;
      Consider(s, o, 1, best);
      if (balancing) continue;
      ConsiderPairs(s, i, o, best);
      if (s.balancing < 0) continue;
      for (std::uint64_t u : internal::GridValues(c.issues[s.balancing])) {
        if (u == s.table[s.balancing]) continue;
        Outcome p = o;
        p[s.balancing] = u;
        Consider(s, p, 2, best);
      }
    }
  }
  return best;
}

// The terms of the step from the table to `best`, as gives and gets of `step`, with the
// direction of each moved issue recorded. Returns the gets as the condition names them.
std::vector<std::string> StepTerms(const StepSearch& s, const Candidate& best,
                                   std::vector<int>& direction, PlannedConcession& step) {
  const Case& c = s.c;
  std::vector<std::string> asks;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (best.package[i] == s.table[i]) continue;
    TermChange t;
    t.issue = c.issues[i].id;
    t.from = internal::ValueText(c, c.issues[i], s.table[i]);
    t.to = internal::ValueText(c, c.issues[i], best.package[i]);
    t.from_index = s.table[i];
    t.to_index = best.package[i];
    t.our_change =
        s.mine.IssueContribution(i, best.package[i]) - s.mine.IssueContribution(i, s.table[i]);
    t.their_change =
        s.theirs.IssueContribution(i, best.package[i]) - s.theirs.IssueContribution(i, s.table[i]);
    // A term that costs us nothing and gains them something is a give too (a free one), never
    // something we ask for in return.
    if (t.our_change < 0 || (t.our_change == 0 && t.their_change > 0)) {
      direction[i] = 1;
      step.gives.push_back(t);
    } else {
      if (t.our_change > 0) direction[i] = -1;
      asks.push_back(c.issues[i].DisplayName() + " " + t.to);
      step.gets.push_back(t);
    }
  }
  return asks;
}

// How the steps are paced, in words. `room`: the opening is above the predicted deal;
// `dates_unused`: a deadline is dated but there is no analysis date to count from.
std::string PacingText(const ConcessionPlan& plan, bool room, const std::optional<long>& days,
                       bool dates_unused) {
  const std::string count = std::to_string(plan.steps.size());
  if (plan.steps.empty()) {
    return room ? "No step on the grid is small enough to concede: hold the opening."
                : "The opening is already where the plan lands (the predicted deal, or what "
                  "they accept whatever their BATNA when that is better for us): hold it and "
                  "trade only value for value.";
  }
  if (days) {
    const long last = *plan.steps.back().day;
    const std::string before =
        std::to_string(*days - last) + " days before " + plan.close_what + " on " + plan.close_date;
    return plan.steps.size() == 1
               ? "One concession, on " + plan.steps.back().date + ", " + before +
                     "; the rest of the room is held in reserve."
               : count + " concessions over the " + std::to_string(*days) + " days to " +
                     plan.close_what + " on " + plan.close_date +
                     ", each no larger than the one before; the last on " + plan.steps.back().date +
                     ", " + std::to_string(*days - last) +
                     " days before that date, so nothing is left for a last-minute squeeze.";
  }
  return (plan.steps.size() == 1 ? "One concession"
                                 : count + " concessions, each no larger than the one before") +
         std::string(dates_unused
                         ? ". With no analysis date (--today, or a date on the evidence) no "
                           "deadline can date them, so pace them one per round of offers, never "
                           "two in a row without a move from them."
                         : ". No dated deadline is known, so pace them one per round of "
                           "offers, never two in a row without a move from them.");
}

void ValidateConcessionOptions(const ConcessionPlanOptions& options) {
  if (options.max_steps < 1 || options.max_steps > 8) {
    throw Error(ErrorCode::kUsage,
                "a concession plan has 1 to 8 steps, not " + std::to_string(options.max_steps));
  }
  if (!(options.min_days_apart > 0)) {
    throw Error(ErrorCode::kUsage, "min_days_apart must be positive");
  }
  if (!(options.largest_step > 0)) {
    throw Error(ErrorCode::kUsage, "largest_step must be positive");
  }
}

// The planned sizes of `steps` steps: each half the one before, summing to `room`.
std::vector<double> HalvingSizes(double room, std::size_t steps) {
  std::vector<double> sizes;
  const double whole = std::ldexp(1.0, static_cast<int>(steps)) - 1;
  for (std::size_t k = 1; k <= steps; ++k) {
    sizes.push_back(room * std::ldexp(1.0, static_cast<int>(steps - k)) / whole);
  }
  return sizes;
}

// Walks from the opening towards the target, step k no larger than step k - 1 and reaching
// the k-th planned level, until no step is found; fills plan.steps. Returns our value and
// theirs after the last step.
std::pair<double, double> WalkSteps(const Case& c, const PartyValuation& mine,
                                    const PartyValuation& theirs, const std::string& us,
                                    const std::string& them, double eps, std::size_t steps,
                                    const std::optional<long>& days,
                                    const std::optional<long>& today_day,
                                    const ConcessionPlanOptions& options, ConcessionPlan& plan) {
  Outcome table = plan.start;
  // Once an issue has moved, it keeps its direction: a term given is never taken back and a
  // term won is never given back (+1: given to them, -1: won by us, 0: not moved yet).
  std::vector<int> direction(c.issues.size(), 0);
  for (std::size_t i = 0; i < options.given.size(); ++i) {
    if (options.given[i]) direction[i] = 1;  // given in the log: never asked back
  }
  double our_now = plan.start_value, their_now = theirs.Value(plan.start);
  const int balancing = internal::BalancingIssue(c, mine, theirs);
  const internal::ThirdParties others(c, us, them);
  const Party* other = c.FindParty(them);
  const std::string who = other != nullptr ? other->DisplayName() : them;
  double previous_size = options.largest_step;
  double cumulative = 0;
  for (std::size_t k = 1; k <= steps; ++k) {
    cumulative += plan.planned_sizes[k - 1];
    const double level = k == steps ? plan.target_value : plan.start_value - cumulative;
    const StepSearch search{c,
                            mine,
                            theirs,
                            others,
                            balancing,
                            eps,
                            table,
                            direction,
                            our_now,
                            their_now,
                            std::max(level, our_now - previous_size),
                            options,
                            StatesMoney(c, us) && StatesMoney(c, them)};
    const std::optional<Candidate> best = BestStep(search);
    // A planned level the grid cannot reach is skipped, not the end of the plan: the next,
    // lower level allows a larger step (never larger than the last).
    if (!best) continue;

    PlannedConcession step;
    step.step = plan.steps.size() + 1;
    if (days) {
      step.day = static_cast<long>(
          std::llround(static_cast<double>(*days) * static_cast<double>(k) / (steps + 1.0)));
      step.date = power::IsoDate(*today_day + *step.day);
    }
    const std::vector<std::string> asks = StepTerms(search, *best, direction, step);
    step.get_valued = !step.gets.empty();
    step.condition = step.get_valued
                         ? "in return for " + text::JoinAnd(asks)
                         : "only in return for " + text::Possessive(who) +
                               " agreement on the rest of the package" +
                               (step.date.empty() ? std::string() : " by " + step.date) +
                               (options.gets ? " (no other term can move our way within this step)"
                                             : " (no term of our last offer is taken back)");
    step.size = our_now - best->our;
    step.their_gain = best->their - their_now;
    step.our_value_after = best->our;
    step.their_value_after = best->their;
    step.package = best->package;
    previous_size = step.size;
    table = best->package;
    our_now = best->our;
    their_now = best->their;
    plan.steps.push_back(std::move(step));
  }
  return {our_now, their_now};
}

}  // namespace

ConcessionPlan PlanConcessions(const Case& c, const std::string& us, const std::string& them,
                               const Outcome& start, const Outcome& target,
                               const std::string& today, const ConcessionPlanOptions& options) {
  ValidateConcessionOptions(options);
  if (!options.least_ours.empty() && options.least_ours.size() != c.issues.size()) {
    throw Error(ErrorCode::kUsage, "least_ours needs one bound per issue of the case");
  }
  if (!options.given.empty() && options.given.size() != c.issues.size()) {
    throw Error(ErrorCode::kUsage, "given needs one flag per issue of the case");
  }
  const PartyValuation mine(c, us), theirs(c, them);
  if (!mine.IsAdditive() || !theirs.IsAdditive()) {
    throw Error(ErrorCode::kUsage, "a concession plan needs additive values for both parties");
  }
  const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());

  ConcessionPlan plan;
  plan.start = start;
  plan.target = target;
  plan.start_value = mine.Value(start);
  plan.target_value = mine.Value(target);
  plan.walk_away = mine.ReservationValue();
  plan.today = today;

  // Pacing: a dated close limits the number of steps.
  std::size_t steps = options.max_steps;
  std::optional<long> today_day = power::DayNumber(today), close_day;
  if (today_day) FindClose(c, us, them, *today_day, plan, close_day);
  const std::optional<long> days =
      close_day ? std::optional<long>(*close_day - *today_day) : std::nullopt;
  if (days) {
    const auto fit = static_cast<std::size_t>(std::floor(*days / options.min_days_apart));
    steps = std::clamp<std::size_t>(fit, 1, options.max_steps);
  }

  const double room = plan.start_value - plan.target_value;
  double our_now = plan.start_value;
  if (room > eps) {
    plan.planned_sizes = HalvingSizes(room, steps);
    our_now =
        WalkSteps(c, mine, theirs, us, them, eps, steps, days, today_day, options, plan).first;
  }
  plan.conceded = plan.start_value - our_now;
  plan.reserve = our_now - plan.walk_away;
  // A deadline's date with no analysis date to count from cannot pace the steps: say so.
  bool dates_unused = false;
  for (const std::string& id : {us, them}) {
    const Party* p = c.FindParty(id);
    dates_unused =
        dates_unused || (!today_day && p != nullptr && p->deadline && !p->deadline->date.empty());
  }
  plan.pacing = PacingText(plan, room > eps, days, dates_unused);
  if (!plan.steps.empty() && our_now > plan.target_value + eps) {
    // The walk ran out of steps above where the plan lands: say where it stops, so the brief's
    // landing point is not read as a step the plan makes.
    const bool money = mine.form() == ValueForm::kMoney;
    plan.stop = "The steps stop at " + text::CostOrValue(our_now, money) +
                ", short of where the plan lands (" + text::CostOrValue(plan.target_value, money) +
                "): no further package on the grid makes a step no larger than the last without "
                "taking back a term; below it, move only for value in return.";
    plan.pacing += " " + plan.stop;
  }
  return plan;
}

}  // namespace parley::plan
