#include "parley/plan/brief.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/error.h"
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

// MESO at the step where the playbook puts the packages on the table: right after the anchor,
// as the first concession. The packages are worth the first planned step's value to us (the
// anchor's when there is no step), around its package; with fewer than two, no MESO move.
void BuildMesoAtFirstStep(Brief& b, const analysis::Frontier& f) {
  const Case& fc = b.power.floored.c;
  const ConcessionPlan& plan = *b.concession_plan;
  const bool stepped = !plan.steps.empty();
  MesoOptions options = b.options.meso;
  options.target = stepped ? plan.steps.front().our_value_after : b.anchor->our_value;
  const Outcome& base = stepped ? plan.steps.front().package : b.anchor->outcome;
  b.meso = BuildMeso(fc, f, b.us, b.them, base, options);
  if (b.meso->packages.size() < 2) {
    b.notes.push_back(
        "No MESO move: " +
        std::string(b.meso->packages.empty() ? "no package" : "only one package") + " worth " +
        (stepped ? "the first planned concession's value" : "the anchor's value") +
        " to us is near the frontier and within the floors" +
        (b.meso->shortfall.empty() ? "" : " (" + b.meso->shortfall + ")") +
        ", so there is no choice between packages to learn from. Open with the anchor alone.");
  }
}

// The parts that need a frontier: the anchor, the even split, MESO and the concession plan
// around the predicted deal, and the weight without deadlines.
void BuildDealParts(Brief& b, const analysis::Frontier& f) {
  const Case& fc = b.power.floored.c;
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
    BuildMesoAtFirstStep(b, f);
  } else {
    b.notes.push_back(
        "No deal beats both sides' alternatives (no ZOPA), so there is no predicted deal to "
        "build MESO packages around or to plan concessions towards. Change a BATNA or add "
        "issues first.");
  }
  if (b.power.leverage) b.weight_without_deadlines = WeightWithoutDeadlines(b, f);
}

// The quantitative parts of the plan: tradeables and give-get pairs, then the deal parts; or
// the note that says why they are left out.
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
  b.give_get = BuildGiveGetPairs(*b.tradeables, b.options.give_get_pairs);
  if (!b.power.floored.feasible) {
    b.notes.push_back(
        "The floors leave no possible deal, so there is no anchor, MESO or "
        "concession plan: " +
        FloorNotes(b.power.floored));
  } else if (b.power.frontier) {
    BuildDealParts(b, *b.power.frontier);
  }
}

// The power model's assumptions, then the plan's.
std::vector<std::string> Assumptions(const Brief& b) {
  const PlanOptions& options = b.options;
  std::vector<std::string> out = b.power.assumptions;
  const MesoOptions& m = options.meso;
  out.push_back(
      "MESO packages are worth the first planned concession's value to us (the "
      "anchor's without one), equal within " +
      text::Percent(m.tolerance) + " of our value range and lie within " +
      text::Fixed(m.near_frontier, 2) + " of the other side's utility below the frontier.");
  out.push_back(
      "The concession plan halves each step (at most " +
      std::to_string(options.concessions.max_steps) + " steps, at least " +
      text::Fixed(options.concessions.min_days_apart, 0) +
      " days apart) from the anchor to the predicted deal (or to the safe end of the credible "
      "range when that is higher), and holds the rest down to the "
      "walk-away in reserve.");
  out.push_back(
      "In a repeated relationship, hard power is judged against an even split (the symmetric "
      "Nash deal), with the surplus of " +
      std::to_string(options.future_deals) + " more deal" + (options.future_deals == 1 ? "" : "s") +
      " of the same size as the trust at stake: a gain under " +
      text::Percent(options.repeated_gain_share) + " of it is small.");
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
  in.meso = Ptr(b.meso);
  in.concession_plan = Ptr(b.concession_plan);
  in.concessions = b.concessions.entries;
  in.even_split_value = b.even_split_value;
  in.weight_without_deadlines = b.weight_without_deadlines;
  in.pitfalls = b.pitfalls;
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
  BuildQuantitativeParts(c, b);

  b.pitfalls = b.power.pitfalls;
  for (power::Pitfall& p : FindPlanPitfalls(PlanInputsOf(c, b))) {
    b.pitfalls.push_back(std::move(p));
  }
  const PlanInputs in = PlanInputsOf(c, b);
  b.verdict = JudgeApproach(in);
  b.playbook = BuildPlaybook(in);
  b.checklist = EvaluateChecklist(in);
  b.assumptions = Assumptions(b);
  return b;
}

}  // namespace parley::plan
