#pragma once

/// Structural leverage (docs/power-model.md, "Structural leverage" and "Bargaining weights"): for
/// each party that states values, its dependence on the deal, its impatience per week (base rate,
/// cost of delay, deadline) and its bargaining weight: the patience weight of Rubinstein's
/// alternating offers in the limit (Binmore, Rubinstein and Wolinsky 1986), blended with the
/// six-source balance by power_band. PredictDeal uses the weights. O(parties x frontier points).
///
///   const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(c);
///   const parley::power::Leverage leverage = parley::power::ComputeLeverage(
///       c, f, parley::power::AssessSources(c, options), options);
///   if (const parley::power::PartyLeverage* p = leverage.Find("acme")) std::cout << p->weight;

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/power/options.h"
#include "parley/power/sources.h"

namespace parley::power {

/// What is known of a party's own deadline: a date (`kDated`, counted in weeks when the analysis
/// has a date), `deadline: none` (no time pressure at all), or nothing (`kUnknown`: sampled over
/// PowerOptions::unknown_deadline_weeks; docs/power-model.md, "Time").
enum class DeadlineKnown { kDated, kNone, kUnknown };

/// "dated", "none" or "unknown": the stable name JSON and text print.
const char* DeadlineKnownName(DeadlineKnown k);

/// A date another party sets for this one (ImposedDate), as the model counts it.
struct DatePressure {
  std::string by;    ///< the party that sets it
  std::string date;  ///< ISO date
  std::string reason;
  /// Counted only when credible (cites evidence), not passed, and the analysis has a date.
  bool credible = false;
  std::optional<double> weeks;  ///< from the analysis date; negative when passed
  bool counted = false;
};

/// The structural leverage of one party that states values: what it depends on the deal for,
/// how impatient it is, and the bargaining weight that follows (docs/power-model.md).
struct PartyLeverage {
  std::string party;
  bool money = false;  ///< money form: values are money; otherwise utilities
  /// Its value range: best possible deal minus worst, in value units (the stake of the
  /// negotiation for this party; used to turn a cost of delay into a rate).
  double scale = 0;
  double reservation_value = 0;  ///< BATNA less costs (midpoint of a range), value units
  std::pair<double, double> reservation_range{0, 0};
  double disagreement = 0;  ///< the reservation value on the party's utility scale

  /// Dependence: the most the party can gain over its BATNA in a deal every other party
  /// accepts (best acceptable frontier point), in utility and in value units; 0 when there is no
  /// such deal. dependence_share is its share of all parties' dependence (1/n when all are 0):
  /// the more a party depends on the deal relative to the others, the weaker it is.
  double dependence_utility = 0;
  double dependence_value = 0;
  double dependence_share = 0;

  std::optional<double> cost_per_week;      ///< as stated (money form)
  std::optional<double> discount;           ///< as stated (utility form; read as per week)
  std::string deadline;                     ///< ISO date, empty when none
  std::optional<double> weeks_to_deadline;  ///< from the analysis date; negative when passed
  /// Whether its own deadline is dated, `none` or unknown. A dated deadline with no analysis
  /// date is unknown in weeks and counts as kUnknown.
  DeadlineKnown deadline_known = DeadlineKnown::kUnknown;
  /// Dates other parties set for this one, in case order.
  std::vector<DatePressure> pressures;
  /// The nearest date that puts known pressure on the party, in weeks: its own dated deadline or
  /// a counted date set for it; absent when none.
  std::optional<double> pressure_weeks;
  /// Impatience per week: base_rate + delay_rate + deadline_rate, where delay_rate is
  /// cost_per_week / scale (money form) or -ln(discount) (utility form), and deadline_rate is
  /// deadline_weight / max(1, H) for H = pressure_weeks; for an unknown deadline H is the
  /// lesser of pressure_weeks and a deadline drawn uniformly from unknown_deadline_weeks, and
  /// deadline_rate here is its expected value (the draws use each drawn H).
  double delay_rate = 0;
  double deadline_rate = 0;
  double impatience = 0;
  /// (1 / impatience) / sum over parties of (1 / impatience): the share of the surplus the
  /// party gets in the limit of Rubinstein's alternating offers (Binmore, Rubinstein and
  /// Wolinsky 1986).
  double patience_weight = 0;
  double balance = 0;  ///< its six-source share among the parties that state values
  /// (1 - power_band) x patience_weight + power_band x balance. Weights sum to 1.
  double weight = 0;
};

/// The leverage of every party that states values, in case order.
struct Leverage {
  std::vector<PartyLeverage> parties;
  /// The analysis date deadlines are counted from, and where it came from: "option" (given),
  /// "case" (the latest evidence, concession or offer date) or "none" (no date known: deadline
  /// dates are then not used, only costs of delay).
  std::string today;
  std::string today_source;
  /// The parameters the weights were computed with (PowerOptions), kept for WeightsAt.
  double base_rate = 0, deadline_weight = 0, power_band = 0;
  std::pair<double, double> unknown_deadline_weeks{0, 0};

  /// The weights in `parties` order.
  std::vector<double> Weights() const;
  /// True when some party's deadline is unknown, so the prediction draws it.
  bool AnyUnknownDeadline() const;
  /// The weights in `parties` order when each party with an unknown deadline has its deadline at
  /// fraction f[i] in [0, 1) of unknown_deadline_weeks (f has one entry per party; entries of
  /// other parties are ignored). O(parties).
  std::vector<double> WeightsAt(const double* f) const;
  /// The entry of `party`, or nullptr.
  const PartyLeverage* Find(const std::string& party) const;
};

/// The analysis date for `c`: options.today when set, else the latest date among its evidence,
/// concessions and offers (`rounds`), else empty. Sets `source` to "option", "case" or "none".
std::string AnalysisDate(const Case& c, const PowerOptions& options, std::string& source);

/// A party's time pressure in a few words, the same in every face: its own deadline (the date,
/// "no date" with a cost of delay, "none" or "unknown") and each counted date another party sets
/// for it ("2026-12-31 set by CloudCo"), joined by "; ".
std::string DeadlineText(const Case& c, const PartyLeverage& p);

/// The deadline rate of a date H weeks away: deadline_weight / max(1, H).
double DeadlineRate(double weeks, double deadline_weight);

/// The expected deadline rate of an unknown deadline H drawn uniformly from [lo, hi] weeks
/// (1 <= lo <= hi), capped by a known date K weeks away when given: E[w / max(1, min(H, K))],
/// in closed form (w ln(hi/lo) / (hi - lo) without K).
double ExpectedDeadlineRate(double lo, double hi, std::optional<double> known,
                            double deadline_weight);

/// Computes the leverage of every party of `c` that states values. `frontier` =
/// ComputeFrontier(c) (for dependence), `sources` = AssessSources(c, options).
/// Monotone by construction: a lower cost of delay, a later deadline or a larger six-source
/// balance never lowers a party's weight, and a credible date one party sets for another never
/// raises the other's weight; mirror-image parties get equal weights.
/// O(parties x frontier points).
Leverage ComputeLeverage(const Case& c, const analysis::Frontier& frontier,
                         const SourceAssessment& sources, const PowerOptions& options);

/// Days since 1970-01-01 of an ISO date YYYY-MM-DD, or nullopt when it is not one.
std::optional<long> DayNumber(const std::string& iso_date);
/// The ISO date of a day number (inverse of DayNumber).
std::string IsoDate(long day_number);

}  // namespace parley::power
