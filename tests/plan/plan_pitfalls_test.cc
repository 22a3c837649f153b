// Tests of the plan's pitfalls: their table (one row per plan pitfall, in order), each rule on
// the examples with its boundary, and the rules read from the narrow inputs alone.
#include "parley/plan/plan_pitfalls.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using lookup::Build;
using lookup::Check;
using lookup::FindPitfall;
using ::parley::testing::LoadExample;
using power::PitfallId;
using power::PitfallKind;

TEST(PlanPitfallsTest, TheTableHasOneRowPerPlanPitfallInOrder) {
  const std::vector<PitfallId> expected{PitfallId::kAnchorWithoutEvidence,
                                        PitfallId::kOneWayConcession,
                                        PitfallId::kHardPowerInRepeatedRelationship,
                                        PitfallId::kFaceThreat, PitfallId::kDeadlineReliance};
  std::vector<PitfallId> ids;
  for (const PlanPitfallRule& rule : PlanPitfallRules()) {
    ids.push_back(rule.id);
    EXPECT_FALSE(std::string(rule.title).empty()) << power::PitfallName(rule.id);
    EXPECT_NE(rule.find, nullptr) << power::PitfallName(rule.id);
  }
  EXPECT_EQ(ids, expected);
}

TEST(PlanPitfallsTest, ThePowerAndPlanTablesHaveOneRowPerId) {
  std::multiset<PitfallId> ids;
  for (const power::PowerPitfallRule& rule : power::PowerPitfallRules()) ids.insert(rule.id);
  for (const PlanPitfallRule& rule : PlanPitfallRules()) ids.insert(rule.id);
  EXPECT_EQ(ids.size(), power::AllPitfallIds().size());
  for (const PitfallId id : power::AllPitfallIds()) {
    EXPECT_EQ(ids.count(id), 1u) << power::PitfallName(id);
  }
}

TEST(PlanPitfallsTest, ConductPitfallsAreTheWarningsOfThePlaybook) {
  std::vector<PitfallId> conduct;
  for (const PitfallId id : power::AllPitfallIds()) {
    if (PitfallKindOf(id) == PitfallKind::kConduct) conduct.push_back(id);
  }
  EXPECT_EQ(conduct, (std::vector<PitfallId>{
                         PitfallId::kUnsupportedClaim, PitfallId::kHardPowerInRepeatedRelationship,
                         PitfallId::kFaceThreat, PitfallId::kDeadlineReliance}));
}

TEST(PlanPitfallsTest, TheBriefListsThePowerPitfallsThenThePlans) {
  const Case c = LoadExample("sales-renewal");
  const Brief b = Build(c);
  // The pitfalls judge the opening before the verdict tempered it.
  PlanInputs in = PlanInputsOf(c, b);
  ASSERT_TRUE(b.ambitious_anchor);
  in.anchor = &*b.ambitious_anchor;
  const std::vector<power::Pitfall> plan = FindPlanPitfalls(in);
  ASSERT_EQ(b.pitfalls.size(), b.power.pitfalls.size() + plan.size());
  for (std::size_t k = 0; k < plan.size(); ++k) {
    const power::Pitfall& p = b.pitfalls[b.power.pitfalls.size() + k];
    EXPECT_EQ(p.id, plan[k].id);
    EXPECT_EQ(p.party, plan[k].party);
    EXPECT_EQ(p.message, plan[k].message);
  }
}

TEST(PlanPitfallsTest, FaceThreatInAnIndirectCulture) {
  const Brief b = Build(LoadExample("partnership-cobranding"));
  const power::Pitfall* p = FindPitfall(b, PitfallId::kFaceThreat);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->party, "northpeak");
  EXPECT_NE(p->message.find("Preview the anchor and the packages privately with CEO"),
            std::string::npos)
      << p->message;
  EXPECT_EQ(Check(b, "no-face-threat").status, CheckStatus::kUnknown);
  Case direct = LoadExample("partnership-cobranding");
  direct.culture = Culture::kDirect;
  EXPECT_EQ(FindPitfall(Build(direct), PitfallId::kFaceThreat), nullptr);
}

TEST(PlanPitfallsTest, HardPowerInARepeatedRelationship) {
  // Pressing for the anchor (159,000) rather than the equal-power deal (124,000) gains 35,000. Each
  // renewal brings CloudCo 124,000 - 87,000 = 37,000 over its walk-away; the case expects three
  // more renewals, each 0.8 likely: 37,000 x (0.8 + 0.64 + 0.512) = 72,224 of trust at stake,
  // more than the gain.
  const Brief b = Build(LoadExample("sales-renewal"));
  const power::Pitfall* p = FindPitfall(b, PitfallId::kHardPowerInRepeatedRelationship);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->message.rfind("The relationship with Acme Corp is repeated. Pressing for the "
                             "anchor (159,000) rather than the equal-power deal (124,000) gains "
                             "35,000, less than the 72,224 of surplus that 3 more deals, each "
                             "80% likely, like this one would bring us (37,000 each), the trust "
                             "at stake.",
                             0),
            0u)
      << p->message;
  EXPECT_EQ(Check(b, "no-hard-power-when-repeated").status, CheckStatus::kFail);
  // It is a conduct warning of the playbook.
  bool warned = false;
  for (const power::Pitfall& w : b.playbook.warnings) {
    warned = warned || w.id == PitfallId::kHardPowerInRepeatedRelationship;
  }
  EXPECT_TRUE(warned);
  // One more renewal, 0.8 likely: 29,600 at stake, less than the gain.
  Case next_renewal = LoadExample("sales-renewal");
  next_renewal.horizon = Horizon{1, 0.8};
  const Brief next_only = Build(next_renewal);
  EXPECT_EQ(FindPitfall(next_only, PitfallId::kHardPowerInRepeatedRelationship), nullptr);
  EXPECT_EQ(Check(next_only, "no-hard-power-when-repeated").status, CheckStatus::kPass);
  ASSERT_TRUE(next_only.verdict.break_even.has_value());
  EXPECT_NEAR(*next_only.verdict.break_even, 35000.0 / 72000, 1e-12);
  // No horizon stated: one assumed deal (37,000) at stake, and the gain is small only under
  // repeated_gain_share of it: not at half, yes at the whole.
  Case assumed = LoadExample("sales-renewal");
  assumed.horizon.reset();
  PlanOptions one_deal;
  one_deal.future_deals = 1;
  const Brief half = Build(assumed, one_deal);
  EXPECT_EQ(FindPitfall(half, PitfallId::kHardPowerInRepeatedRelationship), nullptr);
  EXPECT_FALSE(half.verdict.break_even.has_value());
  one_deal.repeated_gain_share = 1.0;
  const Brief whole_deal = Build(assumed, one_deal);
  const power::Pitfall* whole =
      FindPitfall(whole_deal, PitfallId::kHardPowerInRepeatedRelationship);
  ASSERT_NE(whole, nullptr);
  EXPECT_NE(whole->message.find("less than 100% of the 37,000 of surplus that one more deal like "
                                "this one would bring us (assumed: the case states no horizon), "
                                "the trust"),
            std::string::npos)
      << whole->message;
  // No further deal expected: nothing at stake.
  Case last = LoadExample("sales-renewal");
  last.horizon = Horizon{0, 1};
  EXPECT_EQ(FindPitfall(Build(last), PitfallId::kHardPowerInRepeatedRelationship), nullptr);
  Case one_off = LoadExample("sales-renewal");
  one_off.relationship = Relationship::kOneOff;
  EXPECT_EQ(FindPitfall(Build(one_off), PitfallId::kHardPowerInRepeatedRelationship), nullptr);
}

TEST(PlanPitfallsTest, DeadlineReliance) {
  const Brief b = Build(LoadExample("procurement-components"));
  const power::Pitfall* p = FindPitfall(b, PitfallId::kDeadlineReliance);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->party, "kestrel");
  EXPECT_EQ(p->message,
            "Deadlines carry 25.7 points of our bargaining weight (60% with them, 34% without). "
            "Verify the dates and make sure the plan still works if one moves. The pacing rests "
            "on Kestrel Motion's deadline of 2026-12-20, which no evidence backs: confirm it "
            "before relying on it.");
  EXPECT_EQ(Check(b, "no-deadline-reliance").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "deadlines-real").reason, "1 of 2 dated deadlines cite evidence.");
}

TEST(PlanPitfallsTest, RulesReadOnlyTheInputs) {
  const Case c = LoadExample("sales-renewal");
  const Brief b = Build(c);
  PlanInputs in = PlanInputsOf(c, b);
  // Without an anchor there is no hard power to judge and no anchor to flag.
  in.anchor = nullptr;
  for (const power::Pitfall& p : FindPlanPitfalls(in)) {
    EXPECT_NE(p.id, PitfallId::kHardPowerInRepeatedRelationship);
    EXPECT_NE(p.id, PitfallId::kAnchorWithoutEvidence);
  }
  // Without a concession log there is no one-way concession.
  in = PlanInputsOf(c, b);
  in.concessions = {};
  for (const power::Pitfall& p : FindPlanPitfalls(in)) {
    EXPECT_NE(p.id, PitfallId::kOneWayConcession);
  }
}

}  // namespace
}  // namespace parley::plan
