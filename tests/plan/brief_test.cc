#include "parley/plan/brief.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "testing/case_builders.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;
using power::PitfallId;

const std::vector<std::string>& Examples() {
  static const std::vector<std::string> names{"sales-renewal", "procurement-components",
                                              "hiring-offer", "partnership-cobranding",
                                              "internal-promotion"};
  return names;
}

Brief Build(const Case& c, PlanOptions options = {}) {
  options.power.samples = 500;
  return BuildBrief(c, options);
}

const power::Pitfall* FindPitfall(const Brief& b, PitfallId id) {
  for (const power::Pitfall& p : b.pitfalls) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const CheckItem& Check(const Brief& b, const std::string& id) {
  for (const CheckItem& item : b.checklist) {
    if (item.id == id) return item;
  }
  throw std::runtime_error("no checklist item " + id);
}

std::vector<std::string> MoveIds(const Brief& b) {
  std::vector<std::string> ids;
  for (const PlayPhase& phase : b.playbook.phases) {
    for (const PlayMove& m : phase.moves) ids.push_back(m.id);
  }
  return ids;
}

const PlayMove& FindMove(const Brief& b, const std::string& id) {
  for (const PlayPhase& phase : b.playbook.phases) {
    for (const PlayMove& m : phase.moves) {
      if (m.id == id) return m;
    }
  }
  throw std::runtime_error("no move " + id);
}

TEST(BriefTest, SalesRenewalHasEveryPart) {
  const Brief b = Build(LoadExample("sales-renewal"));
  EXPECT_EQ(b.us, "cloudco");
  EXPECT_EQ(b.them, "acme");
  ASSERT_TRUE(b.tradeables && b.anchor && b.meso && b.concession_plan);
  EXPECT_DOUBLE_EQ(b.anchor->our_value, 159000);
  EXPECT_EQ(b.concession_plan->steps.size(), 4u);
  EXPECT_FALSE(b.give_get.empty());
  EXPECT_LE(b.give_get.size(), 8u);
  EXPECT_TRUE(b.notes.empty());
  // The power-weighted prediction is the even split here: both land on CloudCo's price floor.
  ASSERT_TRUE(b.even_split_value);
  EXPECT_DOUBLE_EQ(*b.even_split_value, 124000);
  // The power pitfalls come first, then the plan's.
  ASSERT_FALSE(b.pitfalls.empty());
  EXPECT_EQ(b.pitfalls.front().id, PitfallId::kUnsupportedClaim);
  EXPECT_EQ(b.pitfalls.back().id, PitfallId::kHardPowerInRepeatedRelationship);
  const power::Pitfall* one_way = FindPitfall(b, PitfallId::kOneWayConcession);
  ASSERT_NE(one_way, nullptr);
  EXPECT_EQ(one_way->message,
            "CloudCo's concession 'first price move' gave 16,000 (worth 16,000 to Acme Corp) and "
            "asked nothing in return. Pair every concession with a get or a condition.");
  EXPECT_EQ(FindPitfall(b, PitfallId::kFaceThreat), nullptr);  // a direct culture
  EXPECT_EQ(FindPitfall(b, PitfallId::kAnchorWithoutEvidence), nullptr);
  EXPECT_EQ(FindPitfall(b, PitfallId::kDeadlineReliance), nullptr);
  EXPECT_GT(b.assumptions.size(), b.power.assumptions.size());
}

TEST(BriefTest, ChecklistIsEvaluatedAgainstTheCase) {
  const Brief b = Build(LoadExample("sales-renewal"));
  ASSERT_EQ(b.checklist.size(), 19u);
  EXPECT_EQ(b.checklist.front().kind, "do");
  EXPECT_EQ(b.checklist.back().kind, "avoid");
  EXPECT_EQ(Check(b, "batna-known").status, CheckStatus::kPass);
  EXPECT_EQ(Check(b, "batna-known").reason, "Our BATNA cites pipeline-q1.");
  EXPECT_EQ(Check(b, "floors-set").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "floors-set").reason, "1 of our 2 floors cite evidence.");
  EXPECT_EQ(Check(b, "perception-checked").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "perception-checked").reason,
            "We feel 2.0 against an assessed 3.3 (gap -1.3): act on the assessment, not the "
            "feeling.");
  EXPECT_EQ(Check(b, "value-before-price").reason,
            "Integrative or compatible issues to trade: term, payment and support.");
  EXPECT_EQ(Check(b, "no-one-way-concessions").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "no-one-way-concessions").reason,
            "1 of our 3 logged concessions asked nothing in return.");
  EXPECT_EQ(Check(b, "no-last-minute-squeeze").status, CheckStatus::kPass);
  EXPECT_EQ(Check(b, "no-face-threat").status, CheckStatus::kPass);
  EXPECT_EQ(Check(b, "power-assessed").status, CheckStatus::kUnknown);
}

TEST(BriefTest, PlaybookScriptsCarryTheCaseFigures) {
  const Brief b = Build(LoadExample("sales-renewal"));
  EXPECT_EQ(b.playbook.context, "sales");
  ASSERT_EQ(b.playbook.phases.size(), 5u);
  EXPECT_EQ(FindMove(b, "floor-with-evidence").say,
            "We can't go below 105000 on Annual subscription price: Discounts beyond 30% off "
            "list (below 105k) need the CFO's written approval (CloudCo pricing policy v4). If "
            "this is the pressure point for you, we can move Support tier from standard to "
            "premium, provided we get Contract term from 2y to 3y.");
  EXPECT_EQ(FindMove(b, "validity-date")
                .say.rfind("This offer holds until 2026-12-15, because "
                           "Three version 5 migration slots remain",
                           0),
            0u);
  EXPECT_EQ(FindMove(b, "concession-with-get").say,
            "If you can agree the rest of the package by 2026-11-25, we can move Annual "
            "subscription price to 121000 and Support tier to premium, worth 21,000 to you.");
  EXPECT_NE(FindMove(b, "conditional-acceptance")
                .say.find("sign-off by R. Lindqvist (CFO) by "
                          "2026-12-15"),
            std::string::npos);
  EXPECT_NE(FindMove(b, "sponsor-escalation").say.find("before 2026-12-15"), std::string::npos);
  EXPECT_EQ(FindMove(b, "contingent-remedy").say,
            "If we don't deliver Support tier premium as agreed, you receive a credit worth "
            "7,000; if Contract term 3y is not honoured on your side, our terms on it revert.");
  // The warnings: our unsupported claims (perceived, not backed), then hard power in this
  // repeated relationship; none of Acme's claims.
  ASSERT_FALSE(b.playbook.warnings.empty());
  for (const power::Pitfall& w : b.playbook.warnings) {
    EXPECT_TRUE(w.id == PitfallId::kUnsupportedClaim ||
                w.id == PitfallId::kHardPowerInRepeatedRelationship)
        << power::PitfallName(w.id);
    EXPECT_EQ(w.party, "cloudco");
  }
  EXPECT_EQ(b.playbook.warnings.back().id, PitfallId::kHardPowerInRepeatedRelationship);
}

TEST(BriefTest, EveryContextHasItsMovesAndEveryMoveIsComplete) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected{
      {"sales-renewal", {"discovery", "objection-by-standards", "sponsor-escalation"}},
      {"procurement-components", {"competitive-tension", "should-cost", "sponsor-escalation"}},
      {"hiring-offer", {"role-scarcity", "staged-scope"}},
      {"partnership-cobranding", {"coalition-prerequisites", "sponsor-escalation"}},
      {"internal-promotion", {"scope-control", "staged-commitment"}}};
  for (const auto& [name, ids] : expected) {
    const Brief b = Build(LoadExample(name));
    const std::vector<std::string> have = MoveIds(b);
    for (const std::string& id : ids) {
      EXPECT_NE(std::find(have.begin(), have.end(), id), have.end()) << name << " " << id;
    }
    ASSERT_EQ(b.playbook.phases.size(), 5u);
    for (std::size_t k = 0; k < 5; ++k) {
      EXPECT_EQ(b.playbook.phases[k].phase, PhaseNames()[k]);
      EXPECT_FALSE(b.playbook.phases[k].moves.empty()) << name << " " << PhaseNames()[k];
      for (const PlayMove& m : b.playbook.phases[k].moves) {
        for (const std::string* field :
             {&m.id, &m.name, &m.when, &m.say, &m.signal, &m.risk, &m.safeguard}) {
          EXPECT_FALSE(field->empty()) << name << " " << m.id;
        }
        // Scripts are filled from the case: no placeholder is left where the case has data.
        EXPECT_EQ(m.say.find('['), std::string::npos) << name << " " << m.id << ": " << m.say;
      }
    }
  }
  // Without a context only the shared moves are written.
  Case c = LoadExample("sales-renewal");
  c.context.reset();
  const Brief other = Build(c);
  EXPECT_EQ(other.playbook.context, "other");
  EXPECT_EQ(MoveIds(other).size(), 10u);
}

TEST(BriefTest, AnAnchorWithoutEvidenceIsFlagged) {
  Case c = LoadExample("sales-renewal");
  ::parley::testing::StripEvidence(c);
  const Brief b = Build(c);
  const power::Pitfall* p = FindPitfall(b, PitfallId::kAnchorWithoutEvidence);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->party, "cloudco");
  EXPECT_EQ(p->message.rfind("The opening (worth 159,000 to us) has no benchmark", 0), 0u);
  EXPECT_EQ(Check(b, "anchor-defensible").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "batna-known").status, CheckStatus::kFail);
  // Without evidence for the deadline, the validity move says to find it first.
  EXPECT_NE(FindMove(b, "validity-date").say.find("has no evidence yet"), std::string::npos);
}

TEST(BriefTest, FaceThreatInAnIndirectCulture) {
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

TEST(BriefTest, HardPowerInARepeatedRelationship) {
  // Pressing for the anchor (159,000) rather than the even split (124,000) gains 35,000. Each
  // renewal brings CloudCo 124,000 - 87,000 = 37,000 over its walk-away; three more renewals are
  // 111,000 of trust at stake, and 35,000 is less than half of it.
  const Brief b = Build(LoadExample("sales-renewal"));
  const power::Pitfall* p = FindPitfall(b, PitfallId::kHardPowerInRepeatedRelationship);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->message.rfind("The relationship with Acme Corp is repeated. Pressing for the "
                             "anchor (159,000) rather than an even split (124,000) gains "
                             "35,000, less than 50% of the 111,000 of surplus that 3 more deals "
                             "like this one would bring us (37,000 each), the trust at stake.",
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
  // With one future deal (37,000) at stake, 35,000 is not small next to half of it.
  PlanOptions one_deal;
  one_deal.future_deals = 1;
  const Brief next_only = Build(LoadExample("sales-renewal"), one_deal);
  EXPECT_EQ(FindPitfall(next_only, PitfallId::kHardPowerInRepeatedRelationship), nullptr);
  EXPECT_EQ(Check(next_only, "no-hard-power-when-repeated").status, CheckStatus::kPass);
  one_deal.repeated_gain_share = 1.0;
  const Brief whole_deal = Build(LoadExample("sales-renewal"), one_deal);
  const power::Pitfall* whole =
      FindPitfall(whole_deal, PitfallId::kHardPowerInRepeatedRelationship);
  ASSERT_NE(whole, nullptr);
  EXPECT_NE(whole->message.find("less than 100% of the 37,000 of surplus that one more deal like "
                                "this one would bring us, the trust"),
            std::string::npos)
      << whole->message;
  Case one_off = LoadExample("sales-renewal");
  one_off.relationship = Relationship::kOneOff;
  EXPECT_EQ(FindPitfall(Build(one_off), PitfallId::kHardPowerInRepeatedRelationship), nullptr);
}

TEST(BriefTest, DeadlineReliance) {
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

TEST(BriefTest, WithoutAZopaThereIsNoMesoOrPlan) {
  Case c = LoadExample("sales-renewal");
  for (Party& p : c.parties) {
    if (p.id == "cloudco") p.batna->value = 400000;  // nothing beats walking away
  }
  const Brief b = Build(c);
  EXPECT_FALSE(b.meso);
  EXPECT_FALSE(b.concession_plan);
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_EQ(b.notes[0].rfind("No deal beats both sides' alternatives (no ZOPA)", 0), 0u);
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
