#pragma once

/// A party's walk-away, one value for every command: its reservation value in the deal space
/// every party's floors allow (ApplyFloors), with the words that say where it comes from. `parley
/// show`, the brief and its checklist all state it through this header, so a party with no BATNA
/// gets the same figure and the same "no BATNA stated: ..." wording everywhere.
///
///   const parley::analysis::WalkAway w = parley::analysis::PartyWalkAway(c, "harbor");
///   std::cout << parley::analysis::WalkAwayText(c, w) << '\n';
///   // "-244,000 (no BATNA stated: the worst deal within the floors)"

#include <string>
#include <utility>

#include "parley/core/case.h"

namespace parley::analysis {

/// Where a walk-away comes from.
enum class WalkAwayBasis {
  kBatna,      ///< a stated BATNA (money: its value or the midpoint of its range, less costs)
  kWorstDeal,  ///< money form, no BATNA: the party's worst deal within every floor
  kNoUtility,  ///< utility forms, no BATNA: utility 0, as GENIUS reads a missing reservation
};

/// One party's walk-away.
struct WalkAway {
  double value = 0;  ///< in the party's value units (money or utility)
  /// Lowest and highest value when the BATNA is a range (value is the midpoint); both equal
  /// `value` otherwise.
  std::pair<double, double> range{0, 0};
  WalkAwayBasis basis = WalkAwayBasis::kBatna;
  bool money = true;  ///< the party states money values
};

/// The walk-away of `party` in `c` (valid, and `party` states values): PartyValuation's
/// reservation value on ApplyFloors(c).c (the case itself when its floors leave no deal), so a
/// money party without a BATNA walks away at its worst deal within the floors, as the power
/// analysis and the plan take it. Throws Error(kInvalidInput) when the party states no values.
/// O(issues x floors + the valuation).
WalkAway PartyWalkAway(const Case& c, const std::string& party);

/// Why the walk-away is what it is, for a sentence: "" for a stated BATNA, "no BATNA stated:
/// the worst deal within the floors" (money) or "no BATNA stated: utility 0" (utility forms).
std::string WalkAwayReason(const WalkAway& w);

/// The walk-away for a person to read, figures through text.h with the case's money decimals:
/// "87,000", "185,000 (midpoint of 175,000 to 195,000)", "-244,000 (no BATNA stated: the worst
/// deal within the floors)", "0.0000 (no BATNA stated: utility 0)".
std::string WalkAwayText(const Case& c, const WalkAway& w);

}  // namespace parley::analysis
