// Levers: each one is an edit of the case, re-analysed with the same seed and the same draws
// (common random numbers, so the difference measures the edit and not sampling noise), and
// learn-batna, what the same predicted deal gains when it is aimed at one party's drawn BATNA
// instead of our estimate of it. Every lever is valued by the bargaining model.
#include "parley/power/levers.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "internal/deal_model.h"
#include "internal/text.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/power/leverage.h"
#include "parley/power/sources.h"

namespace parley::power {
namespace {

constexpr double kEps = analysis::kUtilityEpsilon;

// Expected value of party `me` for one variant of the case with its `leverage`: the weighted
// Nash solution of every draw (or of the point estimate when nothing is uncertain).
double ExpectedValue(const Case& variant, const Leverage& leverage,
                     const analysis::Frontier& frontier, std::size_t me,
                     const internal::Draws& draws) {
  const internal::DealModel model(variant, frontier);
  const std::vector<double> weights = leverage.Weights();
  if (draws.samples > 0) return internal::RunDraws(model, leverage, draws, me).expected_value;
  std::vector<double> d(model.Parties());
  for (std::size_t i = 0; i < d.size(); ++i) {
    d[i] = model.Disagreement(i, model.Valuation(i).ReservationValue());
  }
  const auto point = model.Solve(d, weights);
  return point ? model.Value(*point, me) : model.Valuation(me).ReservationValue();
}

// The leverage of a variant of the case (options with the analysis date fixed).
Leverage VariantLeverage(const Case& variant, const analysis::Frontier& frontier,
                         const PowerOptions& fixed) {
  return ComputeLeverage(variant, frontier, AssessSources(variant, fixed), fixed);
}

std::size_t PartyIndex(const analysis::Frontier& frontier, const std::string& party) {
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    if (frontier.parties[i] == party) return i;
  }
  throw Error(ErrorCode::kUsage, "party '" + party +
                                     "' states no values, so its levers cannot "
                                     "be valued");
}

Party& MutableParty(Case& c, const std::string& id) {
  for (Party& p : c.parties) {
    if (p.id == id) return p;
  }
  throw Error(ErrorCode::kInternal, "no party '" + id + "'");
}

std::string Money(double x, bool money) { return internal::Amount(x, money); }

// Moves a party's BATNA by `delta` value units; false when it has none that can move (no BATNA,
// or a reservation bid).
bool ShiftBatna(Case& c, const std::string& id, double delta) {
  Party& p = MutableParty(c, id);
  if (!p.batna) return false;
  Batna& b = *p.batna;
  if (b.value) {
    *b.value += delta;
  } else if (b.range) {
    b.range->first += delta;
    b.range->second += delta;
  } else if (b.utility) {
    b.utility = std::clamp(*b.utility + delta, 0.0, 1.0);
  } else {
    return false;
  }
  return true;
}

// The value of learning party j's BATNA exactly, in the bargaining model of the other levers:
// every draw is solved by the same weighted Nash rule with the same weights (weights_at(s)).
// Without the information we aim at the deal predicted with j's reservation value at our
// estimate (the middle of its range; the other parties at their draws); j takes it only when it
// is worth at least j's drawn BATNA, else we walk away with our drawn reservation value. With
// it, at the deal predicted on j's drawn BATNA, unless the first deal is taken and better for us
// (knowing never hurts). Returns the means (without, with) over the draws; with >= without.
// O(samples x Solve).
std::pair<double, double> InformationValue(
    const internal::DealModel& model, std::size_t me, std::size_t j,
    const std::vector<double>& fractions, std::size_t samples,
    const std::function<std::vector<double>(std::size_t)>& weights_at) {
  const std::size_t n = model.Parties();
  const double estimate = model.Disagreement(j, model.Valuation(j).ReservationValue());
  std::vector<double> d(n), reservation(n);
  double without = 0, with = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t i = 0; i < n; ++i) {
      reservation[i] = model.Reservation(i, fractions[s * n + i]);
      d[i] = model.Disagreement(i, reservation[i]);
    }
    const std::vector<double> weights = weights_at(s);
    const double truth = d[j];
    const std::optional<std::size_t> informed = model.Solve(d, weights);
    d[j] = estimate;
    const std::optional<std::size_t> aimed = model.Solve(d, weights);
    const double walk_away = reservation[me];
    const bool taken = aimed && model.Utility(*aimed, j) >= truth - kEps;
    const double blind = taken ? model.Value(*aimed, me) : walk_away;
    const double knowing = std::max(blind, informed ? model.Value(*informed, me) : walk_away);
    without += blind / static_cast<double>(samples);
    with += knowing / static_cast<double>(samples);
  }
  return {without, with};
}

// Which side of a sale a party is on, for the words of its levers.
enum class Role { kBuyer, kSeller, kNeither };

// +1 when `party` values more of a number issue more (it sells what the money buys), -1 when
// less, 0 when flat or not said.
int Direction(const Evaluator& e, const Issue& issue) {
  double low = 0, high = 0;
  if (const auto* l = std::get_if<LinearValue>(&e)) {
    low = l->slope * issue.lo;
    high = l->slope * issue.hi;
  } else if (const auto* p = std::get_if<PointsValue>(&e); p != nullptr && !p->points.empty()) {
    low = p->points.front().second;
    high = p->points.back().second;
  } else if (const auto* c = std::get_if<ClampedLinearValue>(&e)) {
    low = 0;
    high = c->slope;
  }
  return high > low ? 1 : (high < low ? -1 : 0);
}

// The role of `party` in `c`: neither in a partnership, a hiring or an internal case (no side
// buys from the other); else by how it values the money issues (a number issue in the case's
// currency: a party that gains from a higher price sells, one that loses buys), else by the
// context from the `us` party's side (sales: us sells; procurement: us buys; with two parties the
// other side has the other role), else neither.
Role RoleOf(const Case& c, const std::string& party) {
  if (c.context && *c.context != Context::kSales && *c.context != Context::kProcurement &&
      *c.context != Context::kOther) {
    return Role::kNeither;
  }
  int sells = 0, buys = 0;
  if (const Preferences* values = c.FindValues(party)) {
    for (const IssueTerm& term : values->terms) {
      const Issue* issue = c.FindIssue(term.issue);
      if (issue == nullptr || !text::IsMoneyIssue(c, *issue)) continue;
      const int direction = Direction(term.evaluator, *issue);
      sells += direction > 0 ? 1 : 0;
      buys += direction < 0 ? 1 : 0;
    }
  }
  if (sells > 0 && buys == 0) return Role::kSeller;
  if (buys > 0 && sells == 0) return Role::kBuyer;
  if (sells > 0 || !c.context) return Role::kNeither;  // mixed directions: no rule decides
  const bool us = c.FindParty(party) != nullptr && c.FindParty(party)->side == Side::kUs;
  if (!us && c.parties.size() != 2) return Role::kNeither;
  if (*c.context == Context::kSales) return us ? Role::kSeller : Role::kBuyer;
  if (*c.context == Context::kProcurement) return us ? Role::kBuyer : Role::kSeller;
  return Role::kNeither;
}

// How a lever on a BATNA is pulled, named for the chair's role: a buyer's second supplier, a
// seller's second customer, or another counterpart when the case does not say who buys.
std::string ImproveHow(Role chair) {
  switch (chair) {
    case Role::kBuyer:
      return "a second supplier's offer, lower walk-away costs";
    case Role::kSeller:
      return "a second customer's order, lower walk-away costs";
    case Role::kNeither:
      break;
  }
  return "another counterpart's offer, lower walk-away costs";
}
// Their BATNA is their alternative to us: a seller's other customers, a buyer's other supplier.
// Weakening it means showing what that alternative costs or lacks, not improving ours.
std::string WeakenHow(Role chair) {
  switch (chair) {
    case Role::kBuyer:
      return "what replacing us as a customer would cost them made visible: the sales cycle, "
             "idle capacity, a weaker price elsewhere";
    case Role::kSeller:
      return "the gaps and risks of their alternative made visible, their cost and time to "
             "switch";
    case Role::kNeither:
      break;
  }
  return "the gaps and costs of their alternative made visible";
}

// What valuing a lever reads: the case and its frontier, our index, the options with the
// analysis date fixed and the shared draws.
struct LeverContext {
  const Case& c;
  const analysis::Frontier& frontier;
  const internal::DealModel& base_model;
  const std::string& perspective;
  std::size_t me;
  const PowerOptions& options;  // as given
  PowerOptions fixed;           // with the analysis date fixed: edits must not move it
  internal::Draws draws;        // the draws of every variant (none when nothing is uncertain)
  bool money;                   // our values are money
};

// A lever and the edited case it is valued on, with the edited case's leverage.
struct Variant {
  Lever lever;
  Case c;
  Leverage leverage;
  // Only our power scores are edited: the model is the case's, only the weights differ, so two
  // such variants with the same weights have the same value.
  bool sources_only = false;
};

// `lever` on `variant`, to be valued by the bargaining model, appended to `variants`.
void AddVariant(const LeverContext& x, Lever lever, Case variant, std::vector<Variant>& variants,
                bool sources_only = false) {
  Leverage leverage = VariantLeverage(variant, x.frontier, x.fixed);
  variants.push_back({std::move(lever), std::move(variant), std::move(leverage), sources_only});
}

// What decides the value of a sources-only variant: each party's balance and weight (the rest
// of its leverage is the case's).
std::vector<double> WeightsKey(const Leverage& leverage) {
  std::vector<double> key;
  for (const PartyLeverage& p : leverage.parties) {
    key.push_back(p.balance);
    key.push_back(p.weight);
  }
  return key;
}

// Draws of the levers together: every lever re-solves each draw, and there is a lever per
// party, so the levers solve at most kLeverSolves x the draws in all, and each lever is valued
// on the first draws when they need more (docs/power-model.md, "Levers"): linear, not
// quadratic, in the number of parties.
constexpr std::size_t kLeverSolves = 16;

// The first `samples` x kLeverSolves / `runs` of `draws` (all of them when `runs` is at most
// kLeverSolves): the draws each of `runs` lever runs is valued on.
internal::Draws LeverDraws(const internal::Draws& draws, std::size_t runs, std::size_t parties) {
  if (runs <= kLeverSolves || draws.samples == 0) return draws;
  internal::Draws first = draws;
  first.samples = std::max<std::size_t>(1, draws.samples * kLeverSolves / runs);
  first.batna.resize(first.samples * parties);
  if (!first.deadline.empty()) first.deadline.resize(first.samples * parties);
  return first;
}

// BATNAs: ours up, each other party's down, by options.batna_step or 5% of its value range.
void BatnaLevers(const LeverContext& x, std::vector<Variant>& variants) {
  for (std::size_t i = 0; i < x.base_model.Parties(); ++i) {
    const std::string& id = x.frontier.parties[i];
    const PartyValuation& v = x.base_model.Valuation(i);
    const double step =
        x.options.batna_step ? *x.options.batna_step : 0.05 * (v.MaxValue() - v.MinValue());
    if (step <= 0) continue;
    Case variant = x.c;
    if (!ShiftBatna(variant, id, i == x.me ? step : -step)) continue;
    Lever lever;
    lever.lever = i == x.me ? "improve-batna" : "weaken-batna";
    lever.party = id;
    lever.step = step;
    const Role chair = RoleOf(x.c, x.perspective);
    lever.description =
        i == x.me ? "Improve our BATNA by " + Money(step, x.money) + " (" + ImproveHow(chair) + ")"
                  : "Weaken " + text::Possessive(PartyName(x.c, id)) + " BATNA by " +
                        Money(step, v.form() == ValueForm::kMoney) + " (" + WeakenHow(chair) + ")";
    AddVariant(x, std::move(lever), std::move(variant), variants);
  }
}

// Our deadline options.deadline_step_weeks later, when it is dated and the analysis has a date.
void LaterDeadlineLever(const LeverContext& x, const Party& us, std::vector<Variant>& variants) {
  const std::optional<long> due = DayNumber(us.deadline->date);
  if (!due || x.fixed.today.empty() || !(x.options.deadline_step_weeks > 0)) return;
  Case variant = x.c;
  const long days = std::lround(x.options.deadline_step_weeks * 7);
  MutableParty(variant, x.perspective).deadline->date = IsoDate(*due + days);
  Lever lever;
  lever.lever = "later-deadline";
  lever.party = x.perspective;
  lever.step = x.options.deadline_step_weeks;
  lever.description = "Move our deadline " + FormatNumber(x.options.deadline_step_weeks) +
                      " weeks later, from " + us.deadline->date + " to " + IsoDate(*due + days);
  AddVariant(x, std::move(lever), std::move(variant), variants);
}

// Our cost of delay (money) or discount rate (utility) cut by options.delay_cost_cut.
void LowerDelayCostLever(const LeverContext& x, const Party& us, std::vector<Variant>& variants) {
  const Deadline& dl = *us.deadline;
  const bool has_cost = x.money && dl.cost_per_week && *dl.cost_per_week > 0;
  const bool has_discount = !x.money && dl.discount && *dl.discount < 1;
  if (!has_cost && !has_discount) return;
  const double cut = x.options.delay_cost_cut;
  Case variant = x.c;
  Deadline& edit = *MutableParty(variant, x.perspective).deadline;
  Lever lever;
  lever.lever = "lower-delay-cost";
  lever.party = x.perspective;
  lever.step = cut;
  if (has_cost) {
    *edit.cost_per_week *= 1 - cut;
    lever.description = "Lower our cost of delay by " + internal::Percent(cut) + ", from " +
                        Money(*dl.cost_per_week, true) + " to " + Money(*edit.cost_per_week, true) +
                        " a week";
  } else {
    *edit.discount = std::pow(*dl.discount, 1 - cut);
    lever.description = "Lower our discount rate by " + internal::Percent(cut) +
                        " (discount factor " + FormatNumber(*dl.discount) + " to " +
                        FormatNumber(*edit.discount) + ")";
  }
  AddVariant(x, std::move(lever), std::move(variant), variants);
}

// Information: learn each other uncertain party's BATNA exactly (the same prediction, aimed
// at its drawn BATNA instead of our estimate).
void InformationLevers(const LeverContext& x, const internal::Draws& draws,
                       std::vector<Lever>& levers) {
  const internal::DealModel& model = x.base_model;
  const Leverage leverage = ComputeLeverage(x.c, x.frontier, AssessSources(x.c, x.fixed), x.fixed);
  const std::vector<double> weights = leverage.Weights();
  for (std::size_t j = 0; j < model.Parties(); ++j) {
    if (j == x.me || !model.Uncertain(j) || draws.samples == 0) continue;
    const auto [without, with] =
        InformationValue(model, x.me, j, draws.batna, draws.samples, [&](std::size_t s) {
          const std::size_t n = model.Parties();
          return draws.deadline.empty() ? weights : leverage.WeightsAt(&draws.deadline[s * n]);
        });
    const auto [lo, hi] = model.Valuation(j).ReservationRange();
    Lever lever;
    lever.lever = "learn-batna";
    lever.party = x.frontier.parties[j];
    lever.step = hi - lo;
    const bool their_money = model.Valuation(j).form() == ValueForm::kMoney;
    lever.description = "Learn " + text::Possessive(PartyName(x.c, lever.party)) +
                        " BATNA exactly (now known only between " +
                        text::CostOrValue(lo, their_money) + " and " +
                        text::CostOrValue(hi, their_money) +
                        "): the predicted deal aimed at their true BATNA instead of our estimate";
    lever.before = without;
    lever.after = with;
    lever.gain = with - without;
    lever.money = x.money;
    lever.model = "bargaining";
    lever.samples = draws.samples;
    levers.push_back(std::move(lever));
  }
}

// Power: each of our sources one point higher (at most 5), backed by evidence.
void SourceLevers(const LeverContext& x, const Party& us, std::vector<Variant>& variants) {
  for (int s = 0; s < kPowerSourceCount; ++s) {
    const auto& stated = us.power[s];
    const double current = stated ? stated->score : x.options.unscored_score;
    if (current >= 5) continue;
    Case variant = x.c;
    PowerScore raised = stated.value_or(PowerScore{});
    raised.score = std::min(5.0, current + 1);
    MutableParty(variant, x.perspective).power[s] = raised;
    Lever lever;
    lever.lever = "raise-source";
    lever.party = x.perspective;
    lever.source = PowerSourceNames()[s];
    lever.step = raised.score - current;
    lever.description = "Raise our " + lever.source + " power from " + FormatNumber(current) +
                        " to " + FormatNumber(raised.score) + ", backed by evidence";
    AddVariant(x, std::move(lever), std::move(variant), variants, true);
  }
}

// Values every variant and the `information` learn-batna levers on the same draws (the first
// ones when the runs need more than kLeverSolves x the draws, learn-batna counting twice),
// against the case as it is on those draws. A sources-only variant whose weights equal an
// earlier one's has its value.
void ValueVariants(const LeverContext& x, std::vector<Variant>& variants, std::size_t information,
                   std::vector<Lever>& levers) {
  std::vector<std::vector<double>> keys;
  std::size_t runs = 2 * information;
  for (const Variant& v : variants) {
    keys.push_back(v.sources_only ? WeightsKey(v.leverage) : std::vector<double>{});
    const bool repeat =
        v.sources_only && std::find(keys.begin(), keys.end() - 1, keys.back()) != keys.end() - 1;
    runs += repeat ? 0 : 1;
  }
  const internal::Draws draws = LeverDraws(x.draws, runs, x.base_model.Parties());
  const double before =
      ExpectedValue(x.c, VariantLeverage(x.c, x.frontier, x.fixed), x.frontier, x.me, draws);
  std::map<std::vector<double>, double> valued;  // sources-only variants by their weights
  for (std::size_t k = 0; k < variants.size(); ++k) {
    Variant& v = variants[k];
    Lever lever = std::move(v.lever);
    const auto known = v.sources_only ? valued.find(keys[k]) : valued.end();
    lever.before = before;
    lever.after = known != valued.end() ? known->second
                                        : ExpectedValue(v.c, v.leverage, x.frontier, x.me, draws);
    if (v.sources_only) valued.emplace(keys[k], lever.after);
    lever.gain = lever.after - lever.before;
    lever.money = x.money;
    lever.model = "bargaining";
    lever.samples = draws.samples;
    levers.push_back(std::move(lever));
  }
  InformationLevers(x, draws, levers);
}

}  // namespace

std::vector<Lever> ValueLevers(const Case& c, const analysis::Frontier& frontier,
                               const std::string& perspective, const PowerOptions& options) {
  const std::size_t me = PartyIndex(frontier, perspective);
  PowerOptions fixed = options;
  std::string date_source;
  fixed.today = AnalysisDate(c, options, date_source);  // edits must not move the date

  const internal::DealModel base_model(c, frontier);
  const std::size_t n = base_model.Parties();
  bool uncertain = false;
  for (std::size_t i = 0; i < n; ++i) uncertain = uncertain || base_model.Uncertain(i);
  const bool unknown_deadline =
      ComputeLeverage(c, frontier, AssessSources(c, fixed), fixed).AnyUnknownDeadline();
  const std::size_t samples = uncertain || unknown_deadline ? options.samples : 0;
  internal::Draws draws = internal::MakeDraws(options.seed, samples, n, unknown_deadline);
  const bool money = base_model.Valuation(me).form() == ValueForm::kMoney;
  const LeverContext x{c,       frontier, base_model,       perspective, me,
                       options, fixed,    std::move(draws), money};

  std::vector<Variant> variants;
  BatnaLevers(x, variants);
  const Party* us = c.FindParty(perspective);
  if (us != nullptr && us->deadline) {
    LaterDeadlineLever(x, *us, variants);
    LowerDelayCostLever(x, *us, variants);
  }
  SourceLevers(x, *us, variants);
  std::size_t information = 0;
  for (std::size_t j = 0; j < n; ++j) information += j != me && base_model.Uncertain(j) ? 1 : 0;
  std::vector<Lever> levers;
  ValueVariants(x, variants, information, levers);
  std::stable_sort(levers.begin(), levers.end(), [](const Lever& a, const Lever& b) {
    if (a.gain != b.gain) return a.gain > b.gain;
    if (a.lever != b.lever) return a.lever < b.lever;
    if (a.party != b.party) return a.party < b.party;
    return a.source < b.source;
  });
  return levers;
}

}  // namespace parley::power
