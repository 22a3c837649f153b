#include "parley/analysis/walk_away.h"

#include "parley/analysis/floors.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::analysis {

WalkAway PartyWalkAway(const Case& c, const std::string& party) {
  const FlooredCase floored = ApplyFloors(c);
  const Case& space = floored.feasible ? floored.c : c;
  const PartyValuation v(space, party);
  WalkAway w;
  w.value = v.ReservationValue();
  w.range = v.ReservationRange();
  w.money = v.form() == ValueForm::kMoney;
  if (!v.HasBatna()) w.basis = w.money ? WalkAwayBasis::kWorstDeal : WalkAwayBasis::kNoUtility;
  return w;
}

std::string WalkAwayReason(const WalkAway& w) {
  switch (w.basis) {
    case WalkAwayBasis::kBatna:
      return "";
    case WalkAwayBasis::kWorstDeal:
      return "no BATNA stated: the worst deal within the floors";
    case WalkAwayBasis::kNoUtility:
      return "no BATNA stated: utility 0";
  }
  return "";
}

std::string WalkAwayText(const Case& c, const WalkAway& w) {
  const int decimals = text::MoneyDecimals(c);
  const std::string value = text::Amount(w.value, w.money, decimals);
  if (w.basis != WalkAwayBasis::kBatna) return value + " (" + WalkAwayReason(w) + ")";
  if (w.range.first == w.range.second) return value;
  return value + " (midpoint of " + text::Amount(w.range.first, w.money, decimals) + " to " +
         text::Amount(w.range.second, w.money, decimals) + ")";
}

}  // namespace parley::analysis
