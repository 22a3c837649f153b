#include "parley/plan/verdict.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>

#include "parley/analysis/offer.h"
#include "parley/core/party_valuation.h"
#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::plan {
namespace {

using lookup::Build;
using ::parley::testing::LoadExample;

Case LoadThreeParty() {
  const io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/tests/data/good/three-party.yaml");
  if (!loaded.Ok()) throw std::runtime_error("cannot load three-party.yaml");
  return *loaded.value;
}

// Whether `party` accepts `o` as `parley evaluate` decides it, on the floored case.
bool Accepts(const Brief& b, const Outcome& o, const std::string& party) {
  const analysis::OfferScore s = analysis::ScoreOffer(b.power.floored.c, *b.power.frontier, o);
  for (const analysis::PartyOfferScore& p : s.parties) {
    if (p.party == party) return p.accepts;
  }
  return false;
}

// Every package the plan proposes is acceptable to every third party, and every concession
// step lies within [landing point, anchor], the landing point being at least the predicted deal
// and, unless the verdict leads with value, the safe end of the credible range.
void ExpectPlanHoldsTogether(const Brief& b, const std::string& third) {
  ASSERT_TRUE(b.anchor && b.power.frontier);
  EXPECT_TRUE(Accepts(b, b.anchor->outcome, third));
  if (b.meso) {
    for (const MesoPackage& p : b.meso->packages) EXPECT_TRUE(Accepts(b, p.outcome, third));
  }
  if (!b.concession_plan) return;
  const double low =
      b.verdict.approach == Approach::kValueFirst
          ? b.anchor->predicted_value
          : std::max(b.anchor->predicted_value, b.anchor->credible_low <= b.anchor->our_value
                                                    ? b.anchor->credible_low
                                                    : -1e300);
  for (const PlannedConcession& s : b.concession_plan->steps) {
    EXPECT_TRUE(Accepts(b, s.package, third));
    EXPECT_GE(s.our_value_after, low - 1e-6);
    EXPECT_LE(s.our_value_after, b.anchor->our_value + 1e-6);
  }
}

TEST(VerdictTest, ThreePartyPlanIsAcceptableToTheIntegrator) {
  const Brief b = Build(LoadThreeParty());
  EXPECT_EQ(b.us, "scanco");
  EXPECT_EQ(b.them, "buyer");
  ExpectPlanHoldsTogether(b, "integrator");
  // The integrator walks away without integrator-led integration or a longer term.
  const PartyValuation lineworks(b.power.floored.c, "integrator");
  EXPECT_GE(lineworks.Value(b.anchor->outcome), 10000);
}

TEST(VerdictTest, SalesRenewalLeadsWithValue) {
  const Brief b = Build(LoadExample("sales-renewal"));
  EXPECT_EQ(b.verdict.approach, Approach::kValueFirst);
  ASSERT_TRUE(b.verdict.gain && b.verdict.loss_per_deal && b.verdict.break_even);
  // Anchor 159,000 against the equal-power deal 124,000; 124,000 - 87,000 per future deal.
  EXPECT_DOUBLE_EQ(*b.verdict.gain, 35000);
  EXPECT_DOUBLE_EQ(*b.verdict.loss_per_deal, 37000);
  EXPECT_NEAR(*b.verdict.break_even, 35000.0 / 72000.0, 1e-12);
  EXPECT_EQ(b.verdict.reasons.size(), 3u);
  EXPECT_STREQ(ApproachName(b.verdict.approach), "value-first");
}

TEST(VerdictTest, OneOffDirectWithBackedPowerPresses) {
  Case c = LoadExample("sales-renewal");
  c.relationship = Relationship::kOneOff;
  c.culture = Culture::kDirect;
  for (Party& p : c.parties) p.power = {};
  for (Floor& f : c.floors) {
    if (f.evidence.empty()) f.evidence = {c.evidence.front().id};  // every claim backed
  }
  const Brief b = Build(c);
  EXPECT_FALSE(b.verdict.break_even);
  EXPECT_EQ(b.verdict.approach, Approach::kPress);
}

TEST(VerdictTest, AnIndirectCultureCallsForCare) {
  Case c = LoadExample("sales-renewal");
  c.relationship = Relationship::kOneOff;
  c.culture = Culture::kIndirect;
  for (Party& p : c.parties) p.power = {};
  for (Floor& f : c.floors) {
    if (f.evidence.empty()) f.evidence = {c.evidence.front().id};
  }
  EXPECT_EQ(Build(c).verdict.approach, Approach::kPressWithCare);
}

RC_GTEST_PROP(VerdictProperty, EveryProposedPackageSuitsEveryParty, ()) {
  Case c = ::parley::testing::RandomTwoPartyMoneyCase();
  ::parley::testing::RandomDomainSpec spec;
  spec.allow_utility = false;
  spec.batna_percent = 100;
  ::parley::testing::AddRandomParty(c, "c", Side::kThem, spec);
  ::parley::testing::RequireValid(c);
  const Brief b = Build(c);
  RC_PRE(b.anchor.has_value() && b.power.prediction && b.power.prediction->deal.has_value());
  RC_ASSERT(Accepts(b, b.anchor->outcome, "c"));
  if (b.meso) {
    for (const MesoPackage& p : b.meso->packages) RC_ASSERT(Accepts(b, p.outcome, "c"));
  }
  RC_ASSERT(b.concession_plan.has_value());
  for (const PlannedConcession& s : b.concession_plan->steps) {
    RC_ASSERT(Accepts(b, s.package, "c"));
    RC_ASSERT(s.our_value_after >= b.anchor->predicted_value - 1e-6);
    RC_ASSERT(s.our_value_after <= b.anchor->our_value + 1e-6);
    if (b.anchor->credible_low <= b.anchor->our_value) {
      RC_ASSERT(s.our_value_after >= b.anchor->credible_low - 1e-6);
    }
  }
}

}  // namespace
}  // namespace parley::plan
