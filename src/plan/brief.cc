#include "parley/plan/brief.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "internal/grid.h"
#include "parley/core/error.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/power/leverage.h"

namespace parley::plan {
namespace {

void ValidatePlanOptions(const PlanOptions& o) {
  if (o.give_get_pairs > 100) {
    throw Error(ErrorCode::kUsage,
                "give_get_pairs is at most 100, not " + std::to_string(o.give_get_pairs));
  }
  if (o.future_deals < 1 || o.future_deals > 100) {
    throw Error(ErrorCode::kUsage,
                "future_deals is 1 to 100, not " + std::to_string(o.future_deals));
  }
  if (!(o.repeated_gain_share > 0 && o.repeated_gain_share <= 1)) {
    throw Error(ErrorCode::kUsage, "repeated_gain_share must be in (0, 1]");
  }
  if (!(o.deadline_weight_share > 0 && o.deadline_weight_share <= 1)) {
    throw Error(ErrorCode::kUsage, "deadline_weight_share must be in (0, 1]");
  }
  if (!(o.meso.tolerance >= 0 && o.meso.tolerance <= 1) ||
      !(o.meso.near_frontier >= 0 && o.meso.near_frontier <= 1)) {
    throw Error(ErrorCode::kUsage, "MESO tolerance and near_frontier must be in [0, 1]");
  }
}

// Our value in the symmetric Nash deal: the frontier point maximising the product of every
// party's utility gain over its disagreement point. O(frontier points x parties).
std::optional<double> EvenSplitValue(const Case& c, const analysis::Frontier& f,
                                     const std::string& us) {
  std::vector<double> d;
  for (const std::string& p : f.parties) d.push_back(PartyValuation(c, p).DisagreementUtility());
  const PartyValuation mine(c, us);
  std::optional<double> best_value;
  double best = -1;
  for (const analysis::FrontierPoint& point : f.points) {
    double product = 1;
    for (std::size_t k = 0; k < d.size(); ++k) {
      const double gain = point.utility[k] - d[k];
      if (gain <= 0) {
        product = -1;
        break;
      }
      product *= gain;
    }
    if (product > best) {
      best = product;
      best_value = mine.Value(point.outcome);
    }
  }
  return best > 0 ? best_value : std::nullopt;
}

bool Additive(const Case& c, const std::string& party) {
  return PartyValuation(c, party).IsAdditive();
}

// The counterpart: the first other party that states values; empty when there is none.
std::string Counterpart(const Case& c, const std::string& us) {
  for (const Party& p : c.parties) {
    if (p.id != us && c.FindValues(p.id) != nullptr) return p.id;
  }
  return "";
}

std::string FloorNotes(const analysis::FlooredCase& floored) {
  std::string all;
  for (const std::string& n : floored.notes) all += (all.empty() ? "" : " ") + n;
  return all;
}

// Our bargaining weight with every deadline ignored (deadline weight 0).
std::optional<double> WeightWithoutDeadlines(const Brief& b, const analysis::Frontier& f) {
  power::PowerOptions no_deadlines = b.power.options;
  no_deadlines.deadline_weight = 0;
  const power::Leverage without =
      power::ComputeLeverage(b.power.floored.c, f, b.power.sources, no_deadlines);
  if (const power::PartyLeverage* mine = without.Find(b.us)) return mine->weight;
  return std::nullopt;
}

// Where the concession plan lands: the predicted deal, or the safe end of the anchor's credible
// range when that is better for us (they accept it whatever their BATNA, so conceding below it
// gives value away for nothing).
Outcome LandingPoint(const Case& fc, const std::string& us, const Anchor& a,
                     const Outcome& predicted) {
  const PartyValuation mine(fc, us);
  if (a.credible_low_outcome && mine.Value(*a.credible_low_outcome) > mine.Value(predicted) &&
      mine.Value(*a.credible_low_outcome) <= a.our_value) {
    return *a.credible_low_outcome;
  }
  return predicted;
}

// MESO at the step where the playbook puts the packages on the table: when they have answered
// the plan's start (the anchor, or the package on the table when the talks are under way), as
// the first concession. The packages are worth the first planned step's value to us (the
// start's when there is no step), around its package; with fewer than two, no MESO move.
void BuildMesoAtFirstStep(Brief& b, const analysis::Frontier& f) {
  const Case& fc = b.power.floored.c;
  const ConcessionPlan& plan = *b.concession_plan;
  const bool stepped = !plan.steps.empty();
  MesoOptions options = b.options.meso;
  options.target = stepped ? plan.steps.front().our_value_after : plan.start_value;
  // Never below where the concession plan lands, nor below a start already under it.
  options.lowest = std::min(plan.target_value, plan.start_value);
  // As the first concession, each package gives them more than the start did.
  if (stepped) options.above_theirs = PartyValuation(fc, b.them).Value(plan.start);
  // No package asks back a term the concession log shows we gave.
  if (b.under_way) {
    const PartyValuation mine(fc, b.us);
    for (std::size_t i = 0; i < fc.issues.size(); ++i) {
      options.most_ours.push_back(b.position_given[i] ? mine.IssueContribution(i, plan.start[i])
                                                      : std::numeric_limits<double>::infinity());
    }
  }
  const Outcome& base = stepped ? plan.steps.front().package : plan.start;
  b.meso = BuildMeso(fc, f, b.us, b.them, base, options);
  if (b.meso->packages.size() < 2) {
    const bool money = StatesMoney(fc, b.us);
    const std::string start = b.under_way ? "the package on the table" : "the opening";
    b.meso->shortfall = b.meso->shortfall + " (packages worth " +
                        text::CostOrValue(*options.target, money) + " to us, " +
                        (stepped ? "the first planned concession's value" : start + "'s value") +
                        "), so there is no choice between packages to learn from; " +
                        (stepped       ? "make the first concession as planned"
                         : b.under_way ? "hold the package on the table"
                                       : "open with the anchor alone");
    b.meso->packages.clear();
    b.meso->balancing_issue.clear();
    b.notes.push_back("No MESO move: " + b.meso->shortfall + ".");
  }
}

// Our best package on the frontier and our walk-away; when the best is worth less than the
// walk-away, the note that says there is nothing to open with. True when there is something.
bool WorthOpening(Brief& b, const analysis::Frontier& f) {
  const Case& fc = b.power.floored.c;
  const PartyValuation mine(fc, b.us);
  const analysis::FrontierPoint* best = nullptr;
  for (const analysis::FrontierPoint& p : f.points) {
    if (best == nullptr || mine.Value(p.outcome) > mine.Value(best->outcome)) best = &p;
  }
  if (best == nullptr) return false;
  b.best_value = mine.Value(best->outcome);
  b.walk_away = mine.ReservationValue();
  PlanInputs in;
  in.best_value = b.best_value;
  in.walk_away = b.walk_away;
  if (!NothingWorthOpening(in)) return true;
  const bool money = StatesMoney(fc, b.us);
  const int decimals = text::MoneyDecimals(fc);
  b.notes.push_back(
      "No package is worth our walk-away: our best possible package (" +
      text::OutcomeText(fc, best->outcome) + ") is " +
      text::CostOrValue(*b.best_value, money, decimals) + " to us, our walk-away " +
      text::CostOrValue(*b.walk_away, money, decimals) +
      ", so there is nothing to open with: no anchor, MESO or concession plan. Take the "
      "alternative, or change the deal first (add issues that create value, check our BATNA's "
      "figure).");
  return false;
}

// The parts that need a frontier and that the verdict reads: the ambitious anchor, the even
// split, the concession plan from that anchor, and the weight without deadlines.
void BuildDealParts(Brief& b, const analysis::Frontier& f) {
  const Case& fc = b.power.floored.c;
  if (b.power.leverage) b.weight_without_deadlines = WeightWithoutDeadlines(b, f);
  if (!WorthOpening(b, f)) return;
  std::optional<Outcome> predicted;
  if (b.power.prediction && b.power.prediction->deal) {
    predicted = b.power.prediction->deal->outcome;
  }
  b.anchor = PlanAnchor(fc, f, b.us, b.them, predicted);
  b.even_split_value = EvenSplitValue(fc, f, b.us);
  if (predicted) {
    const std::string today = b.power.leverage ? b.power.leverage->today : "";
    b.concession_plan = PlanConcessions(fc, b.us, b.them, b.anchor->outcome,
                                        LandingPoint(fc, b.us, *b.anchor, *predicted), today,
                                        b.options.concessions);
  } else {
    b.notes.push_back(
        "No deal beats both sides' alternatives (no ZOPA), so there is no predicted deal to "
        "build MESO packages around or to plan concessions towards. Change a BATNA or add "
        "issues first.");
  }
}

// The quantitative parts the verdict reads: tradeables, then the deal parts; or the note that
// says why they are left out.
void BuildQuantitativeParts(const Case& c, Brief& b) {
  const Case& fc = b.power.floored.c;
  if (c.FindValues(b.us) == nullptr || b.them.empty()) {
    b.notes.push_back(
        "Tradeables, the anchor, MESO and the concession plan need values from both sides; " +
        std::string(c.FindValues(b.us) == nullptr ? "our side states none."
                                                  : "no other party states any."));
    return;
  }
  if (!Additive(fc, b.us) || !Additive(fc, b.them)) {
    b.notes.push_back(
        "Tradeables, the anchor, MESO and the concession plan need additive values (money or "
        "utility form); a party here states rectangles.");
    return;
  }
  b.tradeables = ComputeTradeables(fc, b.us, b.them);
  if (!b.power.floored.feasible) {
    b.notes.push_back(
        "The floors leave no possible deal, so there is no anchor, MESO or "
        "concession plan: " +
        FloorNotes(b.power.floored));
  } else if (b.power.frontier) {
    BuildDealParts(b, *b.power.frontier);
  }
}

// How far the verdict tempers the opening: the share of the room between the landing point and
// the ambitious anchor that the opening keeps, and why (docs/plan.md, "Tempering by the
// verdict").
struct TemperRule {
  Approach approach;
  double keep;
  const char* why;
};
constexpr TemperRule kTemperRules[] = {
    {Approach::kPress, 1.0, ""},
    {Approach::kPressWithCare, 0.75, "The verdict is to press with care."},
    {Approach::kValueFirst, 0.5,
     "The verdict is to lead with value creation: pressing for the ambitious anchor does not pay "
     "here."},
    {Approach::kWalkAway, 1.0, ""},  // no anchor to temper: nothing is worth our walk-away
};

const TemperRule& TemperRuleOf(Approach a) {
  for (const TemperRule& r : kTemperRules) {
    if (r.approach == a) return r;
  }
  return kTemperRules[0];
}

// The opening tempered by the verdict (TemperAnchor), and the concession plan planned again
// from it: the room shrinks, so every step is smaller over the same dates.
void TemperDealParts(Brief& b, const analysis::Frontier& f) {
  const TemperRule& rule = TemperRuleOf(b.verdict.approach);
  if (!b.anchor || rule.keep >= 1) return;
  const Case& fc = b.power.floored.c;
  const PartyValuation mine(fc, b.us);
  const std::optional<Outcome> predicted =
      b.power.prediction && b.power.prediction->deal
          ? std::optional<Outcome>(b.power.prediction->deal->outcome)
          : std::nullopt;
  // The opening is tempered toward the landing point (LandingPoint: the predicted deal, or the
  // safe end of the credible range above it), so it stays inside the credible range.
  const std::optional<Outcome> safe =
      predicted ? std::optional<Outcome>(LandingPoint(fc, b.us, *b.anchor, *predicted))
                : b.anchor->credible_low_outcome;
  // Value first: the weight of the future tempers how hard to press (METHOD.md, repeated
  // games), so the plan concedes on to the predicted deal rather than stopping at the safe end
  // above it, which would hold them to their best alternative.
  const bool value_first = b.verdict.approach == Approach::kValueFirst;
  const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());
  const bool relanded =
      value_first && predicted && safe && mine.Value(*safe) > mine.Value(*predicted) + eps;
  const std::optional<Outcome> landing = relanded ? predicted : safe;
  // Never tempered below our walk-away; with neither a predicted deal nor a safe end at or above
  // the walk-away (Anchor::credible_low_outcome), tempered towards the walk-away.
  const double aim =
      safe ? std::max(mine.Value(*safe), mine.ReservationValue()) : mine.ReservationValue();
  b.anchor = TemperAnchor(
      fc, f, b.us, b.them, *b.anchor, aim, rule.keep, rule.why,
      relanded ? "the safe end of the credible range" : "where the concession plan lands");
  if (!b.concession_plan || (!b.anchor->ambitious_outcome && !relanded)) return;
  const double first_before =
      b.concession_plan->steps.empty() ? 0 : b.concession_plan->steps.front().size;
  const std::string today = b.power.leverage ? b.power.leverage->today : "";
  // A term the tempered opening already gives them (monthly payment where the ambitious anchor
  // asked quarterly) was volunteered: no step may ask it back, or the first concession would
  // retrade what we opened with.
  ConcessionPlanOptions options = b.options.concessions;
  if (options.given.empty()) options.given.assign(fc.issues.size(), false);
  if (b.anchor->ambitious_outcome) {
    const Outcome& ambitious = *b.anchor->ambitious_outcome;
    for (std::size_t i = 0; i < fc.issues.size() && i < options.given.size(); ++i) {
      if (mine.IssueContribution(i, b.anchor->outcome[i]) <
          mine.IssueContribution(i, ambitious[i]) - eps) {
        options.given[i] = true;
      }
    }
  }
  b.concession_plan =
      PlanConcessions(fc, b.us, b.them, b.anchor->outcome, *landing, today, options);
  if (!b.concession_plan->steps.empty() &&
      b.concession_plan->steps.front().size < first_before - eps) {
    const bool money = StatesMoney(fc, b.us);
    // Before the sentence on where the steps stop, which ends the pacing.
    std::string& pacing = b.concession_plan->pacing;
    const std::string& stop = b.concession_plan->stop;
    pacing.insert(pacing.size() - (stop.empty() ? 0 : stop.size() + 1),
                  " The opening is tempered, so the first concession gives " +
                      text::Amount(b.concession_plan->steps.front().size, money) +
                      " rather than the " + text::Amount(first_before, money) +
                      " planned from the ambitious anchor.");
  }
  if (relanded) {
    const bool money = StatesMoney(fc, b.us);
    b.concession_plan->pacing +=
        " Leading with value, the plan concedes on to the predicted deal (" +
        text::CostOrValue(mine.Value(*predicted), money) +
        ") rather than stopping at the safe end of the credible range (" +
        text::CostOrValue(mine.Value(*safe), money) +
        "), where they would get no more than their best alternative: in a relationship worth "
        "keeping, a deal they can live with.";
  }
}

// When the plan lands above the predicted deal (at the safe end of the anchor's credible range),
// the pacing says why, and what the room between the two is: read side by side, the headline
// figures would otherwise look like a contradiction.
void ExplainLanding(Brief& b) {
  if (!b.concession_plan || !b.power.prediction || !b.power.prediction->deal) return;
  const Case& fc = b.power.floored.c;
  const PartyValuation mine(fc, b.us);
  const double predicted = mine.Value(b.power.prediction->deal->outcome);
  const double landing = b.concession_plan->target_value;
  if (landing <= predicted + 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue())) return;
  const bool money = StatesMoney(fc, b.us);
  const std::string them = PartyName(fc, b.them);
  std::string weight;
  if (b.power.leverage) {
    const power::PartyLeverage* ours = b.power.leverage->Find(b.us);
    const power::PartyLeverage* theirs = b.power.leverage->Find(b.them);
    if (ours != nullptr && theirs != nullptr) {
      weight =
          " (" + text::Percent(theirs->weight) + " to our " + text::Percent(ours->weight) + ")";
    }
  }
  b.concession_plan->landing =
      "The plan lands at " + text::CostOrValue(landing, money) + ", above the predicted deal (" +
      text::CostOrValue(predicted, money) + "): " + them +
      " is better off with that package than with their BATNA at its best, so no planned step "
      "goes below it. The "
      "predicted deal is where the talks end if " +
      them + " holds out with their bargaining weight" + weight +
      "; the room between is reserve, to decide on before the talks, never a planned step.";
}

// The position in `rounds` of the last offer `us` made, if any. O(rounds).
std::optional<std::size_t> OurLastOffer(const Case& c, const std::string& us) {
  for (std::size_t k = c.rounds.size(); k-- > 0;) {
    if (c.rounds[k].by == us) return k;
  }
  return std::nullopt;
}

// The package on the table: the anchor with every term of the concession log applied in order
// (a later entry's term replaces an earlier one), each mapped into the floored case by its
// value; a term outside the floors is left out. Sets the brief's position and its source.
void FindPosition(const Case& c, Brief& b) {
  const Case& fc = b.power.floored.c;
  const PartyValuation mine(fc, b.us);
  Outcome position = b.anchor->outcome;
  std::vector<bool> logged(fc.issues.size(), false), given(fc.issues.size(), false);
  std::size_t applied = 0;
  for (const Concession& con : c.concessions) {
    const bool ours = (con.by.empty() ? c.Us().id : con.by) == b.us;
    for (const Package* terms : {&con.give, &con.get}) {
      // Our entries, and their trades (a give with a get in return), stand whole. A one-way
      // move of theirs is taken only where it is better for us than ours: their move toward
      // us, never a step down to their position.
      const bool agreed = ours || !con.get.empty();
      const ResolvedPackage r = ResolvePackage(fc, *terms);
      for (std::size_t i = 0; i < fc.issues.size(); ++i) {
        if (!r.indices[i]) continue;
        if (agreed ||
            mine.IssueContribution(i, *r.indices[i]) > mine.IssueContribution(i, position[i])) {
          position[i] = *r.indices[i];
          logged[i] = true;
          given[i] = ours == (terms == &con.give);
        }
      }
    }
    ++applied;
  }
  b.position_source = applied == 0
                          ? "the opening"
                          : "the package on the table after the concession log's entry " +
                                std::to_string(applied) + " ('" + c.concessions.back().item + "')";
  // The offers made so far: our last one is on the table, so the plan goes on from it and no
  // line re-asks what it gave (a term outside the floors keeps the position's). A term worse
  // for us than the opening's counts as given.
  if (const std::optional<std::size_t> k = OurLastOffer(c, b.us)) {
    const Round& r = c.rounds[*k];
    const ResolvedPackage offer = ResolvePackage(fc, r.offer);
    const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());
    for (std::size_t i = 0; i < fc.issues.size(); ++i) {
      if (!offer.indices[i]) continue;
      if (mine.IssueContribution(i, *offer.indices[i]) <
          mine.IssueContribution(i, b.anchor->outcome[i]) - eps) {
        given[i] = true;
      }
      position[i] = *offer.indices[i];
    }
    b.position_source = "our last offer (round " + std::to_string(*k + 1) +
                        (r.date.empty() ? "" : ", " + r.date) + ")";
  }
  b.position = position;
  b.position_logged = std::move(logged);
  b.position_given = std::move(given);
}

// When the concession log has moved the talks, the concession plan is planned again from the
// package on the table to the same landing point, with the same options and dates: no step
// re-opens at the anchor's terms or concedes what the log already gave. A table already at or
// below the landing point leaves no planned step.
void StartFromTable(const Case& c, Brief& b) {
  if ((c.concessions.empty() && !OurLastOffer(c, b.us)) || !b.anchor) return;
  FindPosition(c, b);
  b.under_way = true;
  const Case& fc = b.power.floored.c;
  const bool money = StatesMoney(fc, b.us);
  const PartyValuation mine(fc, b.us);
  const double value = mine.Value(*b.position);
  b.under_way_note = "The talks have moved on from this opening: " + b.position_source + ", " +
                     text::OutcomeText(fc, *b.position) + ", " +
                     text::IsWorthTo(value, "us", money) +
                     ". The concession plan, MESO and the give-get pairs start there; the "
                     "opening below is the worksheet as planned, for reference.";
  if (!b.concession_plan) return;
  const ConcessionPlan& before = *b.concession_plan;
  ConcessionPlanOptions options = b.options.concessions;
  options.given = b.position_given;
  ConcessionPlan plan =
      PlanConcessions(fc, b.us, b.them, *b.position, before.target, before.today, options);
  const double eps = 1e-9 * std::max(1.0, mine.MaxValue() - mine.MinValue());
  const std::string table = "The plan starts from " + b.position_source + ", which " +
                            text::IsWorthTo(value, "us", money) + ". ";
  if (plan.start_value > plan.target_value + eps) {
    plan.pacing = table + plan.pacing;
  } else {
    plan.pacing =
        table + (plan.start_value < plan.target_value - eps
                     ? "That is already below where the plan lands (" +
                           text::CostOrValue(plan.target_value, money) +
                           "): no planned concession is left. Hold it, and move only for value "
                           "in return."
                     : "That is where the plan lands: no planned concession is left. Hold it, "
                       "and move only for value in return.");
  }
  b.concession_plan = std::move(plan);
}

// The give-get pairs from the package on the table, or the note that says none is left.
void BuildGiveGet(const Case& c, Brief& b) {
  if (!b.tradeables || !b.anchor) return;
  if (!b.position) FindPosition(c, b);
  b.give_get = GiveGetPairsFrom(b.power.floored.c, b.us, b.them, *b.position,
                                b.options.give_get_pairs, b.position_given);
  if (b.give_get.empty() && b.power.prediction && b.power.prediction->deal) {
    b.notes.push_back(
        "No give-get pair from " + b.position_source +
        ": no trade of one term for another creates value from there (what we would get is "
        "worth less to us than what we would give costs), or every such trade breaks our "
        "walk-away or a third party's. The concession plan's steps may still ask for a term in "
        "return, or for their agreement on the rest of the package by a date: they move value, "
        "they do not create it.");
  }
}

// The power model's assumptions, then the plan's.
std::vector<std::string> Assumptions(const Case& c, const Brief& b) {
  const PlanOptions& options = b.options;
  std::vector<std::string> out = b.power.assumptions;
  const MesoOptions& m = options.meso;
  out.push_back(
      "MESO packages are worth the first planned concession's value to us (the "
      "anchor's without one), equal within " +
      text::Percent(m.tolerance) + " of our value range and lie within " +
      text::Fixed(m.near_frontier, 2) + " of the other side's utility below the frontier.");
  out.push_back(
      "The concession plan aims to halve each step, as the grid allows, and never makes one "
      "larger than the last (at most " +
      std::to_string(options.concessions.max_steps) + " steps, at least " +
      text::Fixed(options.concessions.min_days_apart, 0) + " days apart), from " +
      (b.under_way ? "the package on the table" : "the anchor") +
      " to the predicted deal (or to the safe end of the credible range when that is higher), "
      "and holds the rest down to the walk-away in reserve.");
  // The deals at stake, as the verdict weighs them: the case's horizon when it states one (the
  // break-even of the repeated game), else the default count and share.
  const std::string lead =
      "In a repeated relationship, hard power is judged against the equal-power deal (the "
      "symmetric Nash deal), with the surplus of ";
  if (c.horizon) {
    const std::size_t n = c.horizon->deals;
    out.push_back(lead + "the " + std::to_string(n) + " more deal" + (n == 1 ? "" : "s") +
                  " the case's horizon states, of the same size, the t-th " +
                  text::Fixed(c.horizon->likelihood, 2) +
                  "^t likely, as the trust at stake: pressing pays only when it gains more.");
  } else {
    out.push_back(lead + std::to_string(options.future_deals) + " more deal" +
                  (options.future_deals == 1 ? "" : "s") +
                  " of the same size as the trust at stake (the case states no horizon): a "
                  "gain under " +
                  text::Percent(options.repeated_gain_share) + " of it is small.");
  }
  out.push_back(
      "Deadlines carry too much of the plan when ignoring them would lower "
      "our bargaining weight by " +
      text::Fixed(100 * options.deadline_weight_share, 0) + " points or more.");
  return out;
}

// Pointer to the value of `o`, or null.
template <typename T>
const T* Ptr(const std::optional<T>& o) {
  return o ? &*o : nullptr;
}

}  // namespace

namespace {

// The stakeholder map and whom the plan names from it; a party too large to map leaves both
// empty, with a note.
void MapPeople(const Case& c, Brief& b) {
  try {
    b.stakeholder_map = stakeholders::MapStakeholders(c);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kLimit) throw;
    b.notes.push_back("No stakeholder map: " + std::string(e.what()) +
                      "; the plan names no one from it.");
    return;
  }
  b.people = PlanStakeholders(c, b.stakeholder_map, b.us, b.them);
}

}  // namespace

PlanInputs PlanInputsOf(const Case& c, const Brief& b) {
  PlanInputs in;
  in.c = &c;
  in.floored = &b.power.floored.c;
  in.options = &b.options;
  in.us = b.us;
  in.them = b.them;
  in.sources = &b.power.sources;
  in.perception = &b.power.perception;
  in.leverage = Ptr(b.power.leverage);
  in.prediction = Ptr(b.power.prediction);
  in.tradeables = Ptr(b.tradeables);
  in.give_get = b.give_get;
  in.anchor = Ptr(b.anchor);
  in.under_way = b.under_way;
  in.position = Ptr(b.position);
  in.position_logged = &b.position_logged;
  in.meso = Ptr(b.meso);
  in.concession_plan = Ptr(b.concession_plan);
  in.concessions = b.concessions.entries;
  in.even_split_value = b.even_split_value;
  in.weight_without_deadlines = b.weight_without_deadlines;
  in.best_value = b.best_value;
  in.walk_away = b.walk_away;
  if (!b.power.floored.feasible) in.floors_block = FloorNotes(b.power.floored);
  in.pitfalls = b.pitfalls;
  in.people = &b.people;
  in.stakeholder_map = &b.stakeholder_map;
  return in;
}

Brief BuildBrief(const Case& c, const PlanOptions& options) {
  ValidatePlanOptions(options);
  Brief b;
  b.options = options;
  b.power = power::AnalysePower(c, options.power);
  b.us = b.power.perspective;
  b.them = Counterpart(c, b.us);
  b.concessions = AnalyseConcessions(c);
  MapPeople(c, b);
  BuildQuantitativeParts(c, b);

  // The pitfalls and the verdict judge pressing for the ambitious anchor; the verdict then
  // tempers the opening and the pace, and MESO and the give-get pairs start from the result.
  b.pitfalls = b.power.pitfalls;
  for (power::Pitfall& p : FindPlanPitfalls(PlanInputsOf(c, b))) {
    b.pitfalls.push_back(std::move(p));
  }
  b.verdict = JudgeApproach(PlanInputsOf(c, b));
  b.ambitious_anchor = b.anchor;
  if (b.anchor && b.power.frontier) {
    TemperDealParts(b, *b.power.frontier);
    StartFromTable(c, b);
    ExplainLanding(b);
    if (b.concession_plan) BuildMesoAtFirstStep(b, *b.power.frontier);
  }
  BuildGiveGet(c, b);
  if (!c.rounds.empty()) {
    const Round& last = c.rounds.back();
    b.notes.push_back("The case records " + std::to_string(c.rounds.size()) +
                      (c.rounds.size() == 1 ? " offer" : " offers") + " made so far, the last by " +
                      PartyName(c, last.by) + (last.date.empty() ? "" : " on " + last.date) +
                      (OurLastOffer(c, b.us)
                           ? ". The concession plan, MESO and the give-get pairs go on from our "
                             "last offer; `parley next` advises the next move from where the "
                             "talks stand."
                           : ". This brief prepares from the opening; `parley next` advises the "
                             "next move from where the talks stand."));
  }
  const PlanInputs in = PlanInputsOf(c, b);
  b.playbook = BuildPlaybook(in);
  b.checklist = EvaluateChecklist(in);
  b.assumptions = Assumptions(c, b);
  return b;
}

}  // namespace parley::plan
