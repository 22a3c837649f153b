// Levers: each one is an edit of the case, re-analysed with the same seed and the same draws
// (common random numbers, so the difference measures the edit and not sampling noise), except
// learn-batna, the expected value of perfect information about one party's BATNA range.
#include "parley/power/levers.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "internal/deal_model.h"
#include "internal/text.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/power/leverage.h"
#include "parley/power/sources.h"

namespace parley::power {
namespace {

constexpr double kEps = analysis::kUtilityEpsilon;

// Expected value of party `me` for one variant of the case: leverage from the variant, then the
// weighted Nash solution of every draw (or of the point estimate when nothing is uncertain).
double ExpectedValue(const Case& variant, const analysis::Frontier& frontier, std::size_t me,
                     const PowerOptions& options, const std::vector<double>& fractions,
                     std::size_t samples) {
  const SourceAssessment sources = AssessSources(variant, options);
  const Leverage leverage = ComputeLeverage(variant, frontier, sources, options);
  const internal::DealModel model(variant, frontier);
  const std::vector<double> weights = leverage.Weights();
  if (samples > 0) return internal::RunDraws(model, weights, fractions, samples, me).expected_value;
  std::vector<double> d(model.Parties());
  for (std::size_t i = 0; i < d.size(); ++i) {
    d[i] = model.Disagreement(i, model.Valuation(i).ReservationValue());
  }
  const auto point = model.Solve(d, weights);
  return point ? model.Value(*point, me) : model.Valuation(me).ReservationValue();
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

// The expected value of perfect information about party j's reservation value, for party me,
// when me names a frontier deal and every other party accepts it or not (the proposer model).
// Without the information me picks one target for every draw; with it, the best target for the
// draw's reservation value of j. Other uncertain parties stay uncertain (their acceptance is a
// probability estimated from the draws). O(points x parties x log samples + samples log samples
// + (points + samples) log points).
std::pair<double, double> InformationValue(const internal::DealModel& model, std::size_t me,
                                           std::size_t j, const std::vector<double>& fractions,
                                           std::size_t samples) {
  const std::size_t n = model.Parties();
  const std::size_t points = model.Points();
  // Sorted draws of every party's disagreement utility, and me's mean reservation value.
  std::vector<std::vector<double>> d(n, std::vector<double>(samples));
  double walk_away = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t i = 0; i < n; ++i) {
      const double r = model.Reservation(i, fractions[s * n + i]);
      d[i][s] = model.Disagreement(i, r);
      if (i == me) walk_away += r / static_cast<double>(samples);
    }
  }
  std::vector<std::vector<double>> sorted = d;
  for (auto& v : sorted) std::sort(v.begin(), v.end());
  // others[x]: probability that every party but me and j accepts x; accept_j[x] likewise for j.
  std::vector<double> others(points, 1.0), accept_j(points, 1.0);
  for (std::size_t x = 0; x < points; ++x) {
    for (std::size_t i = 0; i < n; ++i) {
      if (i == me) continue;
      const double u = model.Utility(x, i) + kEps;
      const auto count =
          std::upper_bound(sorted[i].begin(), sorted[i].end(), u) - sorted[i].begin();
      const double a = static_cast<double>(count) / static_cast<double>(samples);
      (i == j ? accept_j[x] : others[x]) *= a;
    }
  }
  double without = walk_away;
  for (std::size_t x = 0; x < points; ++x) {
    const double a = others[x] * accept_j[x];
    without = std::max(without, model.Value(x, me) * a + walk_away * (1 - a));
  }
  // With: per draw, the best target among the points j accepts (u_j + eps >= d_j), a prefix of
  // the points by u_j + eps descending; the running best of that order answers each draw by a
  // binary search. O(points log points + samples log points) instead of samples x points.
  std::vector<std::pair<double, double>> reach(points);  // (u_j + eps, best target so far)
  for (std::size_t x = 0; x < points; ++x) {
    reach[x] = {model.Utility(x, j) + kEps,
                model.Value(x, me) * others[x] + walk_away * (1 - others[x])};
  }
  std::sort(reach.begin(), reach.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t x = 1; x < points; ++x) {
    reach[x].second = std::max(reach[x].second, reach[x - 1].second);
  }
  double with = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    // Points with u_j + eps >= d_j^s: the first `accepted` of the order.
    const auto accepted = std::partition_point(reach.begin(), reach.end(),
                                               [&](const auto& r) { return r.first >= d[j][s]; }) -
                          reach.begin();
    const double best =
        accepted > 0 ? std::max(walk_away, reach[static_cast<std::size_t>(accepted) - 1].second)
                     : walk_away;
    with += best / static_cast<double>(samples);
  }
  return {without, with};
}

// What valuing a lever reads: the case and its frontier, our index, the options with the
// analysis date fixed, the shared draws and the expected value without any edit.
struct LeverContext {
  const Case& c;
  const analysis::Frontier& frontier;
  const internal::DealModel& base_model;
  const std::string& perspective;
  std::size_t me;
  const PowerOptions& options;  // as given
  PowerOptions fixed;           // with the analysis date fixed: edits must not move it
  std::size_t samples;
  std::vector<double> fractions;
  double base;  // our expected value in the case as it is
  bool money;   // our values are money
};

// `lever` valued on `variant` by the bargaining model, appended to `levers`.
void AddValued(const LeverContext& x, Lever lever, const Case& variant,
               std::vector<Lever>& levers) {
  lever.before = x.base;
  lever.after = ExpectedValue(variant, x.frontier, x.me, x.fixed, x.fractions, x.samples);
  lever.gain = lever.after - lever.before;
  lever.money = x.money;
  lever.model = "bargaining";
  levers.push_back(std::move(lever));
}

// BATNAs: ours up, each other party's down, by options.batna_step or 5% of its value range.
void BatnaLevers(const LeverContext& x, std::vector<Lever>& levers) {
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
    lever.description =
        i == x.me ? "Improve our BATNA by " + Money(step, x.money) +
                        " (a better alternative, lower walk-away costs)"
                  : "Weaken " + id + "'s BATNA by " + Money(step, v.form() == ValueForm::kMoney) +
                        " (a second supplier, a competing offer, a switching cost made visible)";
    AddValued(x, lever, variant, levers);
  }
}

// Our deadline options.deadline_step_weeks later, when it is dated and the analysis has a date.
void LaterDeadlineLever(const LeverContext& x, const Party& us, std::vector<Lever>& levers) {
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
  AddValued(x, lever, variant, levers);
}

// Our cost of delay (money) or discount rate (utility) cut by options.delay_cost_cut.
void LowerDelayCostLever(const LeverContext& x, const Party& us, std::vector<Lever>& levers) {
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
  AddValued(x, lever, variant, levers);
}

// Information: learn each other uncertain party's BATNA exactly (the proposer model).
void InformationLevers(const LeverContext& x, std::vector<Lever>& levers) {
  const internal::DealModel& model = x.base_model;
  for (std::size_t j = 0; j < model.Parties(); ++j) {
    if (j == x.me || !model.Uncertain(j) || x.samples == 0) continue;
    const auto [without, with] = InformationValue(model, x.me, j, x.fractions, x.samples);
    const auto [lo, hi] = model.Valuation(j).ReservationRange();
    Lever lever;
    lever.lever = "learn-batna";
    lever.party = x.frontier.parties[j];
    lever.step = hi - lo;
    const bool their_money = model.Valuation(j).form() == ValueForm::kMoney;
    lever.description =
        "Learn " + x.frontier.parties[j] + "'s BATNA exactly (now known only between " +
        text::CostOrValue(lo, their_money) + " and " + text::CostOrValue(hi, their_money) +
        "): the value of perfect information when we name the deal";
    lever.before = without;
    lever.after = with;
    lever.gain = with - without;
    lever.money = x.money;
    lever.model = "proposer";
    levers.push_back(std::move(lever));
  }
}

// Power: each of our sources one point higher (at most 5), backed by evidence.
void SourceLevers(const LeverContext& x, const Party& us, std::vector<Lever>& levers) {
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
    AddValued(x, lever, variant, levers);
  }
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
  const std::size_t samples = uncertain ? options.samples : 0;
  std::vector<double> fractions = internal::DrawFractions(options.seed, samples, n);
  const double base = ExpectedValue(c, frontier, me, fixed, fractions, samples);
  const bool money = base_model.Valuation(me).form() == ValueForm::kMoney;
  const LeverContext x{c,     frontier, base_model,           perspective, me,   options,
                       fixed, samples,  std::move(fractions), base,        money};

  std::vector<Lever> levers;
  BatnaLevers(x, levers);
  const Party* us = c.FindParty(perspective);
  if (us != nullptr && us->deadline) {
    LaterDeadlineLever(x, *us, levers);
    LowerDelayCostLever(x, *us, levers);
  }
  InformationLevers(x, levers);
  SourceLevers(x, *us, levers);

  std::stable_sort(levers.begin(), levers.end(), [](const Lever& a, const Lever& b) {
    if (a.gain != b.gain) return a.gain > b.gain;
    if (a.lever != b.lever) return a.lever < b.lever;
    if (a.party != b.party) return a.party < b.party;
    return a.source < b.source;
  });
  return levers;
}

}  // namespace parley::power
