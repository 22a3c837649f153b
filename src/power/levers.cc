// Levers: each one is an edit of the case, re-analysed with the same seed and the same draws
// (common random numbers, so the difference measures the edit and not sampling noise), except
// learn-batna, the expected value of perfect information about one party's BATNA range.
#include "parley/power/levers.h"

#include <algorithm>
#include <cmath>

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
// probability estimated from the draws). O(points x (samples log samples + samples x parties)).
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
  double with = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    double best = walk_away;
    for (std::size_t x = 0; x < points; ++x) {
      if (model.Utility(x, j) + kEps < d[j][s]) continue;
      best = std::max(best, model.Value(x, me) * others[x] + walk_away * (1 - others[x]));
    }
    with += best / static_cast<double>(samples);
  }
  return {without, with};
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
  const std::vector<double> fractions = internal::DrawFractions(options.seed, samples, n);
  const double base = ExpectedValue(c, frontier, me, fixed, fractions, samples);
  const bool money = base_model.Valuation(me).form() == ValueForm::kMoney;

  std::vector<Lever> levers;
  auto add = [&](Lever lever, const Case& variant) {
    lever.before = base;
    lever.after = ExpectedValue(variant, frontier, me, fixed, fractions, samples);
    lever.gain = lever.after - lever.before;
    lever.money = money;
    lever.model = "bargaining";
    levers.push_back(std::move(lever));
  };
  auto step_of = [&](std::size_t i) {
    if (options.batna_step) return *options.batna_step;
    const PartyValuation& v = base_model.Valuation(i);
    return 0.05 * (v.MaxValue() - v.MinValue());
  };

  // BATNAs: ours up, each other party's down.
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = frontier.parties[i];
    const double step = step_of(i);
    if (step <= 0) continue;
    Case variant = c;
    if (!ShiftBatna(variant, id, i == me ? step : -step)) continue;
    Lever lever;
    lever.lever = i == me ? "improve-batna" : "weaken-batna";
    lever.party = id;
    lever.step = step;
    lever.description =
        i == me ? "Improve our BATNA by " + Money(step, money) +
                      " (a better alternative, lower walk-away costs)"
                : "Weaken " + id + "'s BATNA by " +
                      Money(step, base_model.Valuation(i).form() == ValueForm::kMoney) +
                      " (a second supplier, a competing offer, a switching cost made visible)";
    add(lever, variant);
  }

  // Time: our deadline later, our cost of delay lower.
  const Party* us = c.FindParty(perspective);
  if (us != nullptr && us->deadline) {
    const std::optional<long> due = DayNumber(us->deadline->date);
    if (due && !fixed.today.empty() && options.deadline_step_weeks > 0) {
      Case variant = c;
      const long days = std::lround(options.deadline_step_weeks * 7);
      MutableParty(variant, perspective).deadline->date = IsoDate(*due + days);
      Lever lever;
      lever.lever = "later-deadline";
      lever.party = perspective;
      lever.step = options.deadline_step_weeks;
      lever.description = "Move our deadline " + FormatNumber(options.deadline_step_weeks) +
                          " weeks later, from " + us->deadline->date + " to " +
                          IsoDate(*due + days);
      add(lever, variant);
    }
    const Deadline& dl = *us->deadline;
    const bool has_cost = money && dl.cost_per_week && *dl.cost_per_week > 0;
    const bool has_discount = !money && dl.discount && *dl.discount < 1;
    if (has_cost || has_discount) {
      Case variant = c;
      Deadline& edit = *MutableParty(variant, perspective).deadline;
      Lever lever;
      lever.lever = "lower-delay-cost";
      lever.party = perspective;
      lever.step = options.delay_cost_cut;
      if (has_cost) {
        *edit.cost_per_week *= 1 - options.delay_cost_cut;
        lever.description =
            "Lower our cost of delay by " + internal::Percent(options.delay_cost_cut) + ", from " +
            Money(*dl.cost_per_week, true) + " to " + Money(*edit.cost_per_week, true) + " a week";
      } else {
        *edit.discount = std::pow(*dl.discount, 1 - options.delay_cost_cut);
        lever.description = "Lower our discount rate by " +
                            internal::Percent(options.delay_cost_cut) + " (discount factor " +
                            FormatNumber(*dl.discount) + " to " + FormatNumber(*edit.discount) +
                            ")";
      }
      add(lever, variant);
    }
  }

  // Information: learn each other party's BATNA exactly.
  for (std::size_t j = 0; j < n; ++j) {
    if (j == me || !base_model.Uncertain(j) || samples == 0) continue;
    const auto [without, with] = InformationValue(base_model, me, j, fractions, samples);
    const auto [lo, hi] = base_model.Valuation(j).ReservationRange();
    Lever lever;
    lever.lever = "learn-batna";
    lever.party = frontier.parties[j];
    lever.step = hi - lo;
    const bool their_money = base_model.Valuation(j).form() == ValueForm::kMoney;
    lever.description = "Learn " + frontier.parties[j] +
                        "'s BATNA exactly (now known only between " + Money(lo, their_money) +
                        " and " + Money(hi, their_money) +
                        "): the value of perfect information when we name the deal";
    lever.before = without;
    lever.after = with;
    lever.gain = with - without;
    lever.money = money;
    lever.model = "proposer";
    levers.push_back(std::move(lever));
  }

  // Power: each of our sources one point higher, backed by evidence.
  for (int s = 0; s < kPowerSourceCount; ++s) {
    const auto& stated = us->power[s];
    const double current = stated ? stated->score : options.unscored_score;
    if (current >= 5) continue;
    Case variant = c;
    PowerScore raised = stated.value_or(PowerScore{});
    raised.score = std::min(5.0, current + 1);
    MutableParty(variant, perspective).power[s] = raised;
    Lever lever;
    lever.lever = "raise-source";
    lever.party = perspective;
    lever.source = PowerSourceNames()[s];
    lever.step = raised.score - current;
    lever.description = "Raise our " + lever.source + " power from " + FormatNumber(current) +
                        " to " + FormatNumber(raised.score) + ", backed by evidence";
    add(lever, variant);
  }

  std::stable_sort(levers.begin(), levers.end(), [](const Lever& a, const Lever& b) {
    if (a.gain != b.gain) return a.gain > b.gain;
    if (a.lever != b.lever) return a.lever < b.lever;
    if (a.party != b.party) return a.party < b.party;
    return a.source < b.source;
  });
  return levers;
}

}  // namespace parley::power
