#pragma once

/// The parties of a case: each Party sits on one side (exactly one is `us`) and may state a BATNA
/// (a money value or range with its costs, or a utility or reservation bid), a deadline with its
/// cost of delay, its scores on the six sources of power (METHOD.md section 2) with the evidence
/// behind each, and how strong it feels. The power model reads all of these.
///
///   const parley::Party& us = c.Us();
///   const auto& knowledge = us.Power(parley::PowerSource::kKnowledge);  // nullopt: unscored
///   if (knowledge) std::cout << us.DisplayName() << ": " << knowledge->score << '\n';
///   const double batna_costs = us.batna ? us.batna->costs.Total() : 0;  // time, risk, political

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/issue.h"

namespace parley {

/// Which side of the table a party sits on. Exactly one party of a case is `us`.
enum class Side { kUs, kThem };

/// The six sources of power (METHOD.md section 2), in this fixed order.
enum class PowerSource {
  kSituational,
  kKnowledge,
  kInformation,
  kOrganizational,
  kPersonal,
  kPlanning
};
inline constexpr int kPowerSourceCount = 6;

/// The file spelling of a power source ("situational", ...).
const char* PowerSourceName(PowerSource source);
/// All six spellings in order.
const std::vector<std::string>& PowerSourceNames();

/// Costs that reduce what walking away is worth, in money (all >= 0).
struct BatnaCosts {
  double time = 0;
  double risk = 0;
  double political = 0;
  /// Sum of the three.
  double Total() const { return time + risk + political; }
  friend bool operator==(const BatnaCosts&, const BatnaCosts&) = default;
};

/// A party's best alternative to a negotiated agreement. Exactly one of `value`, `range`,
/// `utility` or `outcome` is set (money form: value or range; utility form: utility or outcome).
struct Batna {
  std::string description;
  std::optional<double> value;                     ///< money, known exactly
  std::optional<std::pair<double, double>> range;  ///< money, uniform uncertainty [lo, hi]
  std::optional<double> utility;                   ///< utility form: reservation utility in [0,1]
  std::optional<Package> outcome;  ///< utility form: a reservation bid; its utility is the RV
  BatnaCosts costs;                ///< money form only; subtracted from value
  std::vector<std::string> evidence;

  friend bool operator==(const Batna&, const Batna&) = default;
};

/// When a party must close, and what delay costs it: its own time pressure. A date it sets for
/// another side is an ImposedDate instead.
struct Deadline {
  /// No deadline date at all: `deadline: none` (no time pressure) or `date: none` (no date, but
  /// perhaps a cost of delay). Without it, a party with no date has an unknown deadline, which
  /// the power model samples (docs/power-model.md, "Time"). `date` is then empty.
  bool none = false;
  std::string date;                     ///< ISO date YYYY-MM-DD, empty if none
  std::optional<double> cost_per_week;  ///< money lost per week of delay (>= 0)
  /// Utility form (GENIUS `discount_factor`, in (0,1]): utility at normalised time t is
  /// u * discount^t. Absent means no discounting.
  std::optional<double> discount;
  std::vector<std::string> evidence;

  friend bool operator==(const Deadline&, const Deadline&) = default;
};

/// A date a party sets for another side (`sets:`): an offer valid to month end because capacity
/// is held only until then, a tender's award date. When evidenced it puts time pressure on the
/// side it is set for, not on the party that sets it (docs/power-model.md, "Time").
struct ImposedDate {
  std::string date;       ///< ISO date YYYY-MM-DD
  std::string for_party;  ///< `for`: the id of the party the date is set for
  std::string reason;     ///< why the date is real (capacity, budget, award), as it may be said
  std::vector<std::string> evidence;

  friend bool operator==(const ImposedDate&, const ImposedDate&) = default;
};

/// One power source as scored for one party: 0..5 with the evidence behind it.
struct PowerScore {
  double score = 0;
  std::vector<std::string> evidence;
  std::string note;  ///< optional free text: why this score
  friend bool operator==(const PowerScore&, const PowerScore&) = default;
};

/// One side of the negotiation.
struct Party {
  std::string id;  ///< [a-z0-9_-]+, unique across the case
  std::string name;
  Side side = Side::kThem;
  std::string description;
  std::optional<Batna> batna;
  std::optional<Deadline> deadline;
  std::vector<ImposedDate> sets;  ///< dates this party sets for other sides
  std::array<std::optional<PowerScore>, kPowerSourceCount> power;  ///< indexed by PowerSource
  std::optional<double> perceived_power;  ///< how strong this side feels, 0..5

  const std::optional<PowerScore>& Power(PowerSource s) const { return power[static_cast<int>(s)]; }
  const std::string& DisplayName() const { return name.empty() ? id : name; }
  friend bool operator==(const Party&, const Party&) = default;
};

}  // namespace parley
