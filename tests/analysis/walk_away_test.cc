// The walk-away every command states: the reservation value within the floors, with its words.
#include "parley/analysis/walk_away.h"

#include <gtest/gtest.h>

#include "parley/analysis/floors.h"
#include "parley/core/party_valuation.h"
#include "testing/case_builders.h"

namespace parley::analysis {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;

// A buyer (us, no BATNA) and a seller with a BATNA range less costs; the buyer's floor caps the
// price at 250,000.
Case Produce() {
  Case c;
  c.title = "Produce";
  c.currency = "EUR";
  c.parties = {MakeParty("harbor", Side::kUs), MakeParty("fresh", Side::kThem)};
  c.parties[0].name = "Harbor Hotels";
  c.parties[1].batna = Batna{};
  c.parties[1].batna->range = std::make_pair(180000.0, 200000.0);
  c.parties[1].batna->costs.risk = 5000;
  c.issues = {NumberIssue("price", 200000, 260000, 5000),
              OptionsIssue("delivery", {"daily", "weekly"})};
  Preferences us{"harbor",
                 ValueForm::kMoney,
                 {{"price", 1, LinearValue{-1}},
                  {"delivery", 1, TableValue{{{"daily", 12000}, {"weekly", 0}}}}},
                 std::nullopt};
  Preferences them{"fresh",
                   ValueForm::kMoney,
                   {{"price", 1, LinearValue{1}},
                    {"delivery", 1, TableValue{{{"daily", -9000}, {"weekly", 0}}}}},
                   std::nullopt};
  c.values = {us, them};
  Floor cap;
  cap.party = "harbor";
  cap.issue = "price";
  cap.max = 250000;
  c.floors = {cap};
  return c;
}

TEST(WalkAwayTest, NoBatnaIsTheWorstDealWithinTheFloors) {
  const Case c = Produce();
  const WalkAway w = PartyWalkAway(c, "harbor");
  EXPECT_EQ(w.basis, WalkAwayBasis::kWorstDeal);
  EXPECT_DOUBLE_EQ(w.value, -250000);  // not -260,000, the worst deal the floor allows
  EXPECT_DOUBLE_EQ(w.value, PartyValuation(ApplyFloors(c).c, "harbor").ReservationValue());
  EXPECT_EQ(WalkAwayReason(w), "no BATNA stated: the worst deal within the floors");
  EXPECT_EQ(WalkAwayText(c, w), "-250,000 (no BATNA stated: the worst deal within the floors)");
}

TEST(WalkAwayTest, AStatedBatnaIsItsValueLessCostsAndARangeItsMidpoint) {
  const Case c = Produce();
  const WalkAway w = PartyWalkAway(c, "fresh");
  EXPECT_EQ(w.basis, WalkAwayBasis::kBatna);
  EXPECT_DOUBLE_EQ(w.value, 185000);
  EXPECT_EQ(WalkAwayReason(w), "");
  EXPECT_EQ(WalkAwayText(c, w), "185,000 (midpoint of 175,000 to 195,000)");
  Case exact = c;
  exact.parties[1].batna->range.reset();
  exact.parties[1].batna->value = 190000;
  EXPECT_EQ(WalkAwayText(exact, PartyWalkAway(exact, "fresh")), "185,000");
}

TEST(WalkAwayTest, UtilityFormWithoutBatnaIsUtilityZero) {
  Case c = Produce();
  c.values[0].form = ValueForm::kUtility;
  c.values[0].terms = {{"delivery", 1, TableValue{{{"daily", 1}, {"weekly", 0}}}}};
  c.floors.clear();
  const WalkAway w = PartyWalkAway(c, "harbor");
  EXPECT_EQ(w.basis, WalkAwayBasis::kNoUtility);
  EXPECT_EQ(WalkAwayText(c, w), "0.0000 (no BATNA stated: utility 0)");
}

// Floors that leave no deal: the walk-away is read on the case itself.
TEST(WalkAwayTest, InfeasibleFloorsFallBackToTheCase) {
  Case c = Produce();
  Floor high;
  high.party = "fresh";
  high.issue = "price";
  high.min = 255000;
  c.floors.push_back(high);
  ASSERT_FALSE(ApplyFloors(c).feasible);
  EXPECT_DOUBLE_EQ(PartyWalkAway(c, "harbor").value, -260000);
}

}  // namespace
}  // namespace parley::analysis
