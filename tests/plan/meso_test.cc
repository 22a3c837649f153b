#include "parley/plan/meso.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "parley/analysis/floors.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/power/analysis.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;

struct MesoSetup {
  Case c;  // floored
  analysis::Frontier frontier;
  Outcome base;
};

MesoSetup SalesRenewal() {
  const Case original = LoadExample("sales-renewal");
  power::PowerOptions options;
  options.samples = 0;
  const power::PowerReport report = power::AnalysePower(original, options);
  return {report.floored.c, *report.frontier, report.prediction->deal->outcome};
}

TEST(MesoTest, ThreePackagesOfEqualValueToUsWithinTheFloors) {
  const MesoSetup s = SalesRenewal();
  const PartyValuation mine(s.c, "cloudco"), theirs(s.c, "acme");
  // Open 10,000 above the predicted deal (139,000: 120,000, 3y, net60, premium).
  MesoOptions options;
  options.target = mine.Value(s.base) + 10000;
  const Meso meso = BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base, options);
  ASSERT_EQ(meso.packages.size(), 3u) << meso.shortfall;
  EXPECT_EQ(meso.balancing_issue, "price");
  EXPECT_DOUBLE_EQ(meso.target, mine.Value(s.base) + 10000);
  EXPECT_DOUBLE_EQ(meso.tolerance_value, 0.02 * (mine.MaxValue() - mine.MinValue()));
  std::set<Outcome> distinct;
  for (const MesoPackage& p : meso.packages) {
    distinct.insert(p.outcome);
    EXPECT_LE(std::fabs(p.our_value - meso.target), meso.tolerance_value + 1e-9);
    EXPECT_DOUBLE_EQ(p.our_value, mine.Value(p.outcome));
    EXPECT_DOUBLE_EQ(p.their_value, theirs.Value(p.outcome));
    EXPECT_GE(p.our_value, mine.ReservationValue());
    EXPECT_LE(p.frontier_gap, 0.10 + 1e-12);
    EXPECT_GE(p.acceptance, 0.0);
    EXPECT_LE(p.acceptance, 1.0);
    // Floors: price >= 105,000 and no named engineer (the floored case has neither).
    EXPECT_GE(s.c.issues[0].NumberAt(p.outcome[0]), 105000);
    EXPECT_NE(s.c.issues[3].options[p.outcome[3]], "named-engineer");
    EXPECT_FALSE(p.reveals.empty());
  }
  EXPECT_EQ(distinct.size(), 3u);
}

TEST(MesoTest, AcceptanceIsTheShareOfTheirBatnaRangeBelowThePackage) {
  const MesoSetup s = SalesRenewal();
  const Meso meso = BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base);
  // Acme's reservation range is [-140000, -120000].
  for (const MesoPackage& p : meso.packages) {
    const double expected = std::clamp((p.their_value + 140000) / 20000, 0.0, 1.0);
    EXPECT_NEAR(p.acceptance, expected, 1e-12);
  }
}

TEST(MesoTest, AtTheFloorNoPackageIsOfferedAndTheShortfallSaysWhy) {
  const MesoSetup s = SalesRenewal();
  // At 124,000 (the equal-power deal) every package must keep the price on our floor of
  // 105,000's grid value: offered early, each would name the floor, so none is offered.
  MesoOptions options;
  options.target = 124000;
  const Meso meso = BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base, options);
  EXPECT_TRUE(meso.packages.empty());
  EXPECT_EQ(meso.shortfall,
            "every package within the tolerance of the target puts the balancing issue on the "
            "limit of our floor, and offered early it would name the floor");
}

// No package puts the balancing issue (the price) on the limit of our floor, on a target the
// floors leave room around (the default, our anchor's value).
TEST(MesoTest, NoPackageNamesOneOfOurFloors) {
  const MesoSetup s = SalesRenewal();
  const Meso meso = BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base);
  ASSERT_FALSE(meso.packages.empty());
  const Issue& price = s.c.issues[static_cast<std::size_t>(s.c.IssueIndex("price"))];
  for (const MesoPackage& p : meso.packages) {
    const double x = price.NumberAt(p.outcome[static_cast<std::size_t>(s.c.IssueIndex("price"))]);
    EXPECT_GE(x, 105000 + price.step) << x;
  }
}

TEST(MesoTest, CountIsTwoToFour) {
  const MesoSetup s = SalesRenewal();
  MesoOptions options;
  options.count = 5;
  EXPECT_THROW(BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base, options), Error);
  options.count = 1;
  EXPECT_THROW(BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base, options), Error);
  options.count = 4;
  const Meso four = BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base, options);
  EXPECT_GE(four.packages.size(), 2u);
  EXPECT_LE(four.packages.size(), 4u);
  if (four.packages.size() < 4) {
    EXPECT_FALSE(four.shortfall.empty());
  }
}

RC_GTEST_PROP(MesoProperty, PackagesAreEqualInValueToUsWithinTheTolerance, ()) {
  static const MesoSetup s = SalesRenewal();
  const PartyValuation mine(s.c, "cloudco");
  MesoOptions options;
  options.count = *rc::gen::inRange<std::size_t>(2, 5);
  options.tolerance = *rc::gen::element(0.005, 0.01, 0.02, 0.05);
  options.target = mine.Value(s.base) + *rc::gen::inRange(-10, 11) * 1000.0;
  const Meso meso = BuildMeso(s.c, s.frontier, "cloudco", "acme", s.base, options);
  RC_ASSERT(meso.packages.size() <= options.count);
  for (const MesoPackage& p : meso.packages) {
    RC_ASSERT(std::fabs(p.our_value - *options.target) <= meso.tolerance_value + 1e-9);
    RC_ASSERT(p.our_value >= mine.ReservationValue() - 1e-9);
    RC_ASSERT(p.frontier_gap <= options.near_frontier + 1e-12);
  }
}

}  // namespace
}  // namespace parley::plan
