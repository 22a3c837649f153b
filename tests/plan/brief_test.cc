#include "parley/plan/brief.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/text.h"
#include "plan/brief_lookup.h"
#include "testing/case_builders.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using lookup::Build;
using lookup::Check;
using lookup::FindMove;
using lookup::FindPitfall;
using ::parley::testing::LoadExample;
using power::PitfallId;

TEST(BriefTest, SalesRenewalHasEveryPart) {
  const Brief b = Build(LoadExample("sales-renewal"));
  EXPECT_EQ(b.us, "cloudco");
  EXPECT_EQ(b.them, "acme");
  ASSERT_TRUE(b.tradeables && b.anchor && b.meso && b.concession_plan);
  // Value first: the opening is tempered to half the room between where the plan lands (the
  // safe end, 146,000) and the ambitious anchor (159,000), at the first frontier point above.
  EXPECT_EQ(b.verdict.approach, Approach::kValueFirst);
  ASSERT_TRUE(b.ambitious_anchor && b.anchor->ambitious_outcome);
  EXPECT_DOUBLE_EQ(b.ambitious_anchor->our_value, 159000);
  EXPECT_DOUBLE_EQ(b.anchor->ambitious_value, 159000);
  EXPECT_DOUBLE_EQ(b.anchor->our_value, 153000);
  EXPECT_GE(b.anchor->our_value, b.anchor->credible_low);
  // The concession log has moved the talks to 124,000, 2y, net60, premium (133,000 to CloudCo),
  // already below where the plan lands (139,000, the predicted deal: the verdict leads with
  // value): the plan starts there and has no step left,
  // and MESO offers packages worth what the table is.
  EXPECT_TRUE(b.under_way);
  ASSERT_TRUE(b.position);
  EXPECT_EQ(b.concession_plan->start, *b.position);
  EXPECT_DOUBLE_EQ(b.concession_plan->start_value, 133000);
  EXPECT_DOUBLE_EQ(b.concession_plan->target_value, 139000);
  EXPECT_TRUE(b.concession_plan->steps.empty());
  EXPECT_EQ(b.under_way_note,
            "The talks have moved on from this opening: the package on the table after the "
            "concession log's entry 4 ('premium support in a package'), Annual subscription price "
            "124,000, Contract term 2y, Payment terms net60 and Support tier premium, is worth "
            "133,000 to us. The concession plan, MESO and the give-get pairs start there; the "
            "opening below is the worksheet as planned, for reference.");
  EXPECT_EQ(b.concession_plan->pacing.rfind("The plan starts from the package on the table after "
                                            "the concession log's entry 4",
                                            0),
            0u);
  EXPECT_NE(b.concession_plan->pacing.find("That is already below where the plan lands (139,000): "
                                           "no planned concession is left."),
            std::string::npos);
  // MESO at the table's value could differ only on the terms the log shows CloudCo gave (net60,
  // premium): asking them back is re-trading, so there is no MESO move.
  EXPECT_DOUBLE_EQ(b.meso->target, 133000);
  EXPECT_TRUE(b.meso->packages.empty());
  EXPECT_EQ(b.position_given, (std::vector<bool>{false, false, true, true}));
  EXPECT_FALSE(b.give_get.empty());
  EXPECT_LE(b.give_get.size(), 8u);
  for (const GiveGet& gg : b.give_get) {
    EXPECT_NE(gg.get.issue, "payment");
    EXPECT_NE(gg.get.issue, "support");
  }
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_EQ(b.notes.front().rfind("No MESO move: ", 0), 0u) << b.notes.front();
  // The power-weighted prediction is the equal-power deal here: both land on CloudCo's price floor.
  ASSERT_TRUE(b.even_split_value);
  EXPECT_DOUBLE_EQ(*b.even_split_value, 124000);
  // The power pitfalls come first, then the plan's.
  ASSERT_FALSE(b.pitfalls.empty());
  EXPECT_EQ(b.pitfalls.front().id, PitfallId::kUnsupportedClaim);
  EXPECT_NE(FindPitfall(b, PitfallId::kHardPowerInRepeatedRelationship), nullptr);
  EXPECT_EQ(b.pitfalls.back().id, PitfallId::kDeadlineReliance);
  const power::Pitfall* one_way = FindPitfall(b, PitfallId::kOneWayConcession);
  ASSERT_NE(one_way, nullptr);
  EXPECT_EQ(one_way->message,
            "CloudCo's concession 'first price move' gave 16,000 (worth 16,000 to Acme Corp) and "
            "asked nothing in return. Pair every concession with a get or a condition.");
  EXPECT_EQ(FindPitfall(b, PitfallId::kFaceThreat), nullptr);  // a direct culture
  EXPECT_EQ(FindPitfall(b, PitfallId::kAnchorWithoutEvidence), nullptr);
  // Acme's own deadline and the date CloudCo sets for it carry much of CloudCo's weight.
  const power::Pitfall* deadlines = FindPitfall(b, PitfallId::kDeadlineReliance);
  ASSERT_NE(deadlines, nullptr);
  EXPECT_EQ(deadlines->message.rfind("Deadlines carry ", 0), 0u) << deadlines->message;
  EXPECT_GT(b.assumptions.size(), b.power.assumptions.size());
}

TEST(BriefTest, WithoutAConcessionLogThePlanStartsAtTheOpening) {
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();
  const Brief b = Build(c);
  ASSERT_TRUE(b.anchor && b.meso && b.concession_plan);
  EXPECT_FALSE(b.under_way);
  EXPECT_TRUE(b.under_way_note.empty());
  EXPECT_EQ(b.concession_plan->start, b.anchor->outcome);
  EXPECT_DOUBLE_EQ(b.concession_plan->start_value, 153000);
  EXPECT_EQ(b.concession_plan->steps.size(), 4u);
  EXPECT_DOUBLE_EQ(b.meso->target, b.concession_plan->steps.front().our_value_after);
}

TEST(BriefTest, TheirOwnMovesInTheLogNeverLowerOurPosition) {
  // Acme's one-way counter (112,000, nothing asked in return) is their position, not ours: the
  // package our plan starts from keeps our 134,000. A trade of theirs (the same move for
  // premium) stands whole.
  Case c = LoadExample("sales-renewal");
  c.concessions.resize(2);
  Case traded = c;
  c.concessions[1].get.clear();
  const Brief b = Build(c);
  ASSERT_TRUE(b.position && b.concession_plan);
  EXPECT_TRUE(b.under_way);
  const Case& fc = b.power.floored.c;
  EXPECT_EQ(text::OutcomeText(fc, *b.position),
            "Annual subscription price 134,000, Contract term 3y, Payment terms net60 and Support "
            "tier premium");
  EXPECT_EQ(b.concession_plan->start, *b.position);
  EXPECT_FALSE(b.concession_plan->steps.empty());
  const Brief t = Build(traded);
  ASSERT_TRUE(t.position);
  EXPECT_EQ(text::OutcomeText(t.power.floored.c, *t.position),
            "Annual subscription price 112,000, Contract term 3y, Payment terms net60 and Support "
            "tier premium");
}

// With offers recorded, our last one is on the table: the plan goes on from it (130,000 with
// quarterly payments, worth 150,000 to us), never back above it, and the note says so.
TEST(BriefTest, WithOffersRecordedThePlanGoesOnFromOurLastOffer) {
  const Brief b = Build(LoadExample("sales-renewal-live"));
  ASSERT_TRUE(b.under_way && b.position && b.concession_plan);
  const Case& fc = b.power.floored.c;
  EXPECT_EQ(text::OutcomeText(fc, *b.position),
            "Annual subscription price 130,000, Contract term 3y, Payment terms quarterly and "
            "Support tier premium");
  EXPECT_EQ(b.position_source, "our last offer (round 3, 2026-11-25)");
  EXPECT_EQ(b.concession_plan->start, *b.position);
  EXPECT_DOUBLE_EQ(b.concession_plan->start_value, 150000);
  for (const PlannedConcession& s : b.concession_plan->steps) {
    EXPECT_LT(s.our_value_after, 150000) << s.condition;
  }
  EXPECT_NE(b.under_way_note.find("The talks have moved on from this opening: our last offer "
                                  "(round 3, 2026-11-25)"),
            std::string::npos)
      << b.under_way_note;
}

// The hiring offer as a one-off: the plan lands at the safe end of the credible range (a cost of
// 184,000), above the predicted deal (197,000): the brief says why and what the room between
// is, so the two headline figures do not read as a contradiction. Where the plan lands on the
// predicted deal (the internal promotion), there is nothing to explain.
TEST(BriefTest, APlanLandingAboveThePredictedDealSaysWhy) {
  Case one_off = LoadExample("hiring-offer");
  one_off.relationship = Relationship::kOneOff;
  const Brief b = Build(one_off);
  ASSERT_NE(b.verdict.approach, Approach::kValueFirst);
  ASSERT_TRUE(b.concession_plan && b.power.prediction && b.power.prediction->deal);
  EXPECT_EQ(b.concession_plan->landing,
            "The plan lands at a cost of 184,000, above the predicted deal (a cost of 197,000): "
            "Dana Okafor is better off with that package than with their BATNA at its best, so "
            "no planned step goes below it. The predicted deal is where the talks end if Dana "
            "Okafor holds out with "
            "their bargaining weight (55% to our 45%); the room between is reserve, to decide "
            "on before the talks, never a planned step.");
  const Brief promotion = Build(LoadExample("internal-promotion"));
  ASSERT_TRUE(promotion.concession_plan);
  EXPECT_EQ(promotion.concession_plan->landing, "");
}

// As written, the hiring offer is a repeated relationship and the verdict leads with value: the
// weight of the future tempers how hard to press (METHOD.md), so the plan concedes on to the
// predicted deal instead of stopping at the safe end, the opening still inside the credible
// range, and the pacing says so (before the concession log, so the plan starts at the opening).
TEST(BriefTest, LeadingWithValueThePlanLandsAtThePredictedDeal) {
  Case c = LoadExample("hiring-offer");
  c.concessions.clear();
  const Brief b = Build(c);
  ASSERT_EQ(b.verdict.approach, Approach::kValueFirst);
  ASSERT_TRUE(b.concession_plan && b.anchor && b.power.prediction && b.power.prediction->deal);
  EXPECT_DOUBLE_EQ(b.concession_plan->target_value, b.anchor->predicted_value);
  EXPECT_DOUBLE_EQ(b.anchor->predicted_value, -197000);
  EXPECT_GE(b.anchor->our_value, b.anchor->credible_low - 1e-6);
  EXPECT_EQ(b.concession_plan->landing, "");
  EXPECT_NE(b.concession_plan->pacing.find(
                "Leading with value, the plan concedes on to the predicted deal (a cost of "
                "197,000) rather than stopping at the safe end of the credible range (a cost of "
                "184,000), where they would get no more than their best alternative"),
            std::string::npos)
      << b.concession_plan->pacing;
  ASSERT_FALSE(b.concession_plan->steps.empty());
  // Past the safe end (184,000), within the landing point.
  EXPECT_LT(b.concession_plan->steps.back().our_value_after, -184000);
  EXPECT_GE(b.concession_plan->steps.back().our_value_after, -197000);
}

TEST(BriefTest, AnAnchorWithoutEvidenceIsFlagged) {
  Case c = LoadExample("sales-renewal");
  ::parley::testing::StripEvidence(c);
  const Brief b = Build(c);
  const power::Pitfall* p = FindPitfall(b, PitfallId::kAnchorWithoutEvidence);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->party, "cloudco");
  EXPECT_EQ(p->message.rfind("The opening has no benchmark, cost, precedent or legal standard "
                             "behind it that we may cite",
                             0),
            0u)
      << p->message;
  EXPECT_EQ(Check(b, "anchor-defensible").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "batna-known").status, CheckStatus::kFail);
  // Without evidence for the deadline, the validity move says to find it first.
  EXPECT_NE(FindMove(b.playbook, "validity-date").say.find("has no evidence yet"),
            std::string::npos);
}

TEST(BriefTest, WithoutAZopaThereIsNoMesoOrPlan) {
  Case c = LoadExample("sales-renewal");
  for (Party& p : c.parties) {
    if (p.id == "cloudco") p.batna->value = 400000;  // nothing beats walking away
  }
  const Brief b = Build(c);
  EXPECT_FALSE(b.meso);
  EXPECT_FALSE(b.concession_plan);
  EXPECT_FALSE(b.anchor);  // nothing is worth our walk-away: nothing to open with
  EXPECT_EQ(b.verdict.approach, Approach::kWalkAway);
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_EQ(b.notes[0].rfind("No package is worth our walk-away", 0), 0u);
  EXPECT_EQ(Check(b, "zopa-checked").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "meso-ready").status, CheckStatus::kUnknown);
  EXPECT_NE(FindPitfall(b, PitfallId::kNoZopa), nullptr);
}

TEST(BriefTest, OptionsAreChecked) {
  const Case c = LoadExample("sales-renewal");
  PlanOptions options;
  options.repeated_gain_share = 0;
  EXPECT_THROW(Build(c, options), Error);
  options = {};
  options.future_deals = 0;
  EXPECT_THROW(Build(c, options), Error);
  options = {};
  options.deadline_weight_share = 2;
  EXPECT_THROW(Build(c, options), Error);
  options = {};
  options.give_get_pairs = 101;
  EXPECT_THROW(Build(c, options), Error);
  options = {};
  options.power.as = "acmee";
  EXPECT_THROW(Build(c, options), Error);
}

TEST(BriefTest, FromTheOtherChair) {
  PlanOptions options;
  options.power.as = "acme";
  const Brief b = Build(LoadExample("sales-renewal"), options);
  EXPECT_EQ(b.us, "acme");
  EXPECT_EQ(b.them, "cloudco");
  ASSERT_TRUE(b.anchor);
  // Acme's anchor is the best frontier deal for Acme that CloudCo still accepts.
  EXPECT_GE(b.anchor->our_value, b.anchor->predicted_value);
}

}  // namespace
}  // namespace parley::plan
