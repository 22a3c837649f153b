// Structural leverage and bargaining weights (docs/power-model.md, "Bargaining weights").
//
// A party's patience weight is its share of 1 / impatience, the split of the surplus in the limit
// of Rubinstein's alternating-offers game as the time between offers shrinks (A. Rubinstein,
// "Perfect Equilibrium in a Bargaining Model", Econometrica 50(1), 1982; K. Binmore,
// A. Rubinstein and A. Wolinsky, "The Nash Bargaining Solution in Economic Modelling", RAND
// Journal of Economics 17(2), 1986: with discount rates r_i, the weights are (1/r_i) / sum_j
// (1/r_j)). The six-source balance then moves it within power_band by a convex mixture.
#include "parley/power/leverage.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "parley/core/party_valuation.h"

namespace parley::power {
namespace {

bool AllDigits(const std::string& s, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// The dates other parties set for p.party. A date counts when it cites evidence (credible),
// the analysis has a date and it has not passed; the nearest counted date joins p's own dated
// deadline in pressure_weeks.
void SetDatePressures(const Case& c, const std::optional<long>& today, PartyLeverage& p) {
  for (const Party& setter : c.parties) {
    for (const ImposedDate& d : setter.sets) {
      if (d.for_party != p.party) continue;
      DatePressure dp{setter.id, d.date, d.reason, !d.evidence.empty(), std::nullopt, false};
      const std::optional<long> due = DayNumber(d.date);
      if (today && due) dp.weeks = static_cast<double>(*due - *today) / 7.0;
      dp.counted = dp.credible && dp.weeks && *dp.weeks >= 0;
      if (dp.counted) p.pressure_weeks = std::min(p.pressure_weeks.value_or(*dp.weeks), *dp.weeks);
      p.pressures.push_back(std::move(dp));
    }
  }
}

// Party i's structural figures: its valuation's scale and reservation, its dependence on a
// deal, its deadline and cost of delay, and its impatience.
PartyLeverage PartyFigures(const Case& c, const analysis::Frontier& frontier, std::size_t i,
                           const std::optional<long>& today, const PowerOptions& options) {
  const std::string& id = frontier.parties[i];
  const PartyValuation valuation(c, id);
  PartyLeverage p;
  p.party = id;
  p.money = valuation.form() == ValueForm::kMoney;
  p.scale = valuation.MaxValue() - valuation.MinValue();
  p.reservation_value = valuation.ReservationValue();
  p.reservation_range = valuation.ReservationRange();
  p.disagreement = frontier.disagreement[i];

  // Dependence: the best gain over the BATNA among deals every party accepts.
  for (const analysis::FrontierPoint& point : frontier.points) {
    if (!point.acceptable) continue;
    p.dependence_utility = std::max(p.dependence_utility, point.utility[i] - p.disagreement);
  }
  p.dependence_value = p.money ? p.dependence_utility * p.scale : p.dependence_utility;

  const Party* party = c.FindParty(id);
  if (party != nullptr && party->deadline) {
    const Deadline& d = *party->deadline;
    p.cost_per_week = d.cost_per_week;
    p.discount = d.discount;
    p.deadline = d.date;
    if (d.none) p.deadline_known = DeadlineKnown::kNone;
    const std::optional<long> due = DayNumber(d.date);
    if (today && due) {
      p.weeks_to_deadline = static_cast<double>(*due - *today) / 7.0;
      p.deadline_known = DeadlineKnown::kDated;
      p.pressure_weeks = p.weeks_to_deadline;
    }
  }
  SetDatePressures(c, today, p);
  if (p.money && p.cost_per_week && p.scale > 0) p.delay_rate = *p.cost_per_week / p.scale;
  if (!p.money && p.discount && *p.discount > 0 && *p.discount < 1) {
    p.delay_rate = -std::log(*p.discount);
  }
  if (p.deadline_known == DeadlineKnown::kUnknown) {
    const auto [lo, hi] = options.unknown_deadline_weeks;
    p.deadline_rate = ExpectedDeadlineRate(lo, hi, p.pressure_weeks, options.deadline_weight);
  } else if (p.pressure_weeks) {
    p.deadline_rate = DeadlineRate(*p.pressure_weeks, options.deadline_weight);
  }
  p.impatience = options.base_rate + p.delay_rate + p.deadline_rate;
  return p;
}

// Dependence shares: each party's share of the summed dependence (equal when none depends).
void SetDependenceShares(std::vector<PartyLeverage>& parties) {
  const std::size_t n = parties.size();
  double dependence = 0;
  for (const PartyLeverage& p : parties) dependence += p.dependence_utility;
  for (PartyLeverage& p : parties) {
    p.dependence_share = dependence > 0 ? p.dependence_utility / dependence : 1.0 / n;
  }
}

// Patience weights: shares of 1 / impatience; parties with no impatience at all share
// everything equally (infinitely patient against finitely patient).
std::vector<double> PatienceWeights(const std::vector<double>& impatience) {
  std::size_t infinitely_patient = 0;
  double patience = 0;
  for (const double r : impatience) {
    if (r <= 0) {
      ++infinitely_patient;
    } else {
      patience += 1 / r;
    }
  }
  std::vector<double> weights;
  for (const double r : impatience) {
    if (infinitely_patient > 0) {
      weights.push_back(r <= 0 ? 1.0 / static_cast<double>(infinitely_patient) : 0.0);
    } else {
      weights.push_back((1 / r) / patience);
    }
  }
  return weights;
}

// Six-source balance among the valued parties, then the weight: the patience weight moved
// towards the balance by options.power_band.
void SetWeights(const SourceAssessment& sources, const PowerOptions& options,
                std::vector<PartyLeverage>& parties) {
  const std::size_t n = parties.size();
  std::vector<double> impatience;
  for (const PartyLeverage& p : parties) impatience.push_back(p.impatience);
  const std::vector<double> patience = PatienceWeights(impatience);
  double balance = 0;
  for (const PartyLeverage& p : parties) {
    for (std::size_t k = 0; k < sources.parties.size(); ++k) {
      if (sources.parties[k] == p.party) balance += sources.balance[k];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    PartyLeverage& p = parties[i];
    double share = 0;
    for (std::size_t k = 0; k < sources.parties.size(); ++k) {
      if (sources.parties[k] == p.party) share = sources.balance[k];
    }
    p.patience_weight = patience[i];
    p.balance = balance > 0 ? share / balance : 1.0 / static_cast<double>(n);
    p.weight = (1 - options.power_band) * p.patience_weight + options.power_band * p.balance;
  }
}

}  // namespace

std::optional<long> DayNumber(const std::string& iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-' ||
      !AllDigits(iso_date, 0, 4) || !AllDigits(iso_date, 5, 2) || !AllDigits(iso_date, 8, 2)) {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(iso_date.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(iso_date.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(iso_date.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<long>(sys_days{ymd}.time_since_epoch().count());
}

std::string IsoDate(long day_number) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day_number}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

const char* DeadlineKnownName(DeadlineKnown k) {
  switch (k) {
    case DeadlineKnown::kDated:
      return "dated";
    case DeadlineKnown::kNone:
      return "none";
    case DeadlineKnown::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string DeadlineText(const Case& c, const PartyLeverage& p) {
  std::string out = p.deadline_known == DeadlineKnown::kDated ? p.deadline
                    : p.deadline_known == DeadlineKnown::kNone
                        ? std::string(p.cost_per_week || p.discount ? "no date" : "none")
                    : !p.deadline.empty() ? p.deadline + " (weeks unknown)"
                                          : std::string("unknown");
  for (const DatePressure& d : p.pressures) {
    if (d.counted) out += "; " + d.date + " set by " + PartyName(c, d.by);
  }
  return out;
}

double DeadlineRate(double weeks, double deadline_weight) {
  return deadline_weight / std::max(1.0, weeks);
}

double ExpectedDeadlineRate(double lo, double hi, std::optional<double> known,
                            double deadline_weight) {
  if (known && *known <= lo) return DeadlineRate(*known, deadline_weight);
  if (!(hi > lo)) return DeadlineRate(lo, deadline_weight);
  // E[w / min(H, K)] for H uniform on [lo, hi], lo >= 1: w ln(K / lo) / (hi - lo) over H < K,
  // plus w / K times the chance (hi - K) / (hi - lo) that H >= K.
  const double k = known ? std::min(*known, hi) : hi;
  return deadline_weight * (std::log(k / lo) + (hi - k) / k) / (hi - lo);
}

bool Leverage::AnyUnknownDeadline() const {
  return std::any_of(parties.begin(), parties.end(), [](const PartyLeverage& p) {
    return p.deadline_known == DeadlineKnown::kUnknown;
  });
}

std::vector<double> Leverage::WeightsAt(const double* f) const {
  std::vector<double> impatience;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const PartyLeverage& p = parties[i];
    if (p.deadline_known != DeadlineKnown::kUnknown) {
      impatience.push_back(p.impatience);
      continue;
    }
    const auto [lo, hi] = unknown_deadline_weeks;
    double h = lo + f[i] * (hi - lo);
    if (p.pressure_weeks) h = std::min(h, *p.pressure_weeks);
    impatience.push_back(base_rate + p.delay_rate + DeadlineRate(h, deadline_weight));
  }
  const std::vector<double> patience = PatienceWeights(impatience);
  std::vector<double> weights;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    weights.push_back((1 - power_band) * patience[i] + power_band * parties[i].balance);
  }
  return weights;
}

std::vector<double> Leverage::Weights() const {
  std::vector<double> weights;
  for (const PartyLeverage& p : parties) weights.push_back(p.weight);
  return weights;
}

const PartyLeverage* Leverage::Find(const std::string& party) const {
  for (const PartyLeverage& p : parties) {
    if (p.party == party) return &p;
  }
  return nullptr;
}

std::string AnalysisDate(const Case& c, const PowerOptions& options, std::string& source) {
  if (!options.today.empty()) {
    source = "option";
    return options.today;
  }
  std::optional<long> latest;
  auto consider = [&latest](const std::string& date) {
    if (const auto day = DayNumber(date)) latest = std::max(latest.value_or(*day), *day);
  };
  for (const Evidence& e : c.evidence) consider(e.date);
  for (const Concession& con : c.concessions) consider(con.date);
  // The offers made so far too: a live case's brief counts from its last offer, as `next` does.
  for (const Round& r : c.rounds) consider(r.date);
  if (!latest) {
    source = "none";
    return "";
  }
  source = "case";
  return IsoDate(*latest);
}

Leverage ComputeLeverage(const Case& c, const analysis::Frontier& frontier,
                         const SourceAssessment& sources, const PowerOptions& options) {
  Leverage lev;
  lev.today = AnalysisDate(c, options, lev.today_source);
  const std::optional<long> today = DayNumber(lev.today);
  for (std::size_t i = 0; i < frontier.parties.size(); ++i) {
    lev.parties.push_back(PartyFigures(c, frontier, i, today, options));
  }
  lev.base_rate = options.base_rate;
  lev.deadline_weight = options.deadline_weight;
  lev.power_band = options.power_band;
  lev.unknown_deadline_weeks = options.unknown_deadline_weeks;
  SetDependenceShares(lev.parties);
  SetWeights(sources, options, lev.parties);
  return lev;
}

}  // namespace parley::power
