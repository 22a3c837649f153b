// Floors: which limits an outcome breaks, named (FloorsBroken) and as a yes or no (KeepsFloors).
#include "parley/analysis/floors.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "parley/core/outcome_space.h"
#include "testing/case_builders.h"

namespace parley::analysis {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;

// A buyer capping the price at 250,000 and refusing weekly delivery; a seller wanting at least
// 215,000 and refusing daily delivery on site. Values play no part in the floors.
Case Floored() {
  Case c;
  c.title = "Produce";
  c.currency = "EUR";
  c.parties = {MakeParty("harbor", Side::kUs), MakeParty("fresh", Side::kThem)};
  c.issues = {NumberIssue("price", 200000, 260000, 5000),
              OptionsIssue("delivery", {"daily", "weekly", "daily-on-site"})};
  auto floor = [](std::string party, std::string issue) {
    Floor f;
    f.party = std::move(party);
    f.issue = std::move(issue);
    return f;
  };
  c.floors = {floor("harbor", "price"), floor("harbor", "delivery"), floor("fresh", "price"),
              floor("fresh", "delivery")};
  c.floors[0].max = 250000;
  c.floors[1].exclude = {"weekly"};
  c.floors[2].min = 215000;
  c.floors[3].exclude = {"daily-on-site"};
  return c;
}

TEST(FloorsTest, FloorsBrokenNamesEachLimitOfThePartysOwnFloors) {
  const Case c = Floored();
  EXPECT_EQ(FloorsBroken(c, "harbor", {12, 1}),
            (std::vector<std::string>{"price max 250000", "delivery excludes weekly"}));
  EXPECT_EQ(FloorsBroken(c, "fresh", {12, 1}), std::vector<std::string>{});
  EXPECT_EQ(FloorsBroken(c, "fresh", {0, 2}),
            (std::vector<std::string>{"price min 215000", "delivery excludes daily-on-site"}));
  EXPECT_EQ(FloorsBroken(c, "harbor", {10, 0}), std::vector<std::string>{});  // 250,000: kept
}

// KeepsFloors agrees with FloorsBroken on every outcome, for each party and for all of them.
TEST(FloorsTest, KeepsFloorsAgreesWithFloorsBrokenOnEveryOutcome) {
  const Case c = Floored();
  const OutcomeSpace space(c.issues);
  int kept_by_all = 0;
  for (Outcome o = space.First();;) {
    bool all = true;
    for (const std::string party : {"harbor", "fresh"}) {
      const bool keeps = FloorsBroken(c, party, o).empty();
      EXPECT_EQ(KeepsFloors(c, &party, o), keeps) << party << " at " << o[0] << "," << o[1];
      all = all && keeps;
    }
    EXPECT_EQ(KeepsFloors(c, nullptr, o), all);
    kept_by_all += all ? 1 : 0;
    if (!space.Next(o)) break;
  }
  EXPECT_EQ(kept_by_all, 8);  // 215,000 to 250,000 with daily delivery
}

}  // namespace
}  // namespace parley::analysis
