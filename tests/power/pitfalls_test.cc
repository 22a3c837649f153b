// Tests of the power pitfalls: a well-prepared case that triggers none, one small edit of it per
// pitfall (with the party and the case fields reported, and the thresholds at their boundary),
// floors that leave no deal, and the documented order; the ids' names and the table of rules.
#include "parley/power/pitfalls.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case_check.h"
#include "parley/power/analysis.h"
#include "parley/power/leverage.h"
#include "parley/power/perception.h"
#include "parley/power/prediction.h"
#include "parley/power/sources.h"
#include "testing/case_builders.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeDeadline;
using ::parley::testing::MakeEvidence;
using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::MoneyBatnaRange;
using ::parley::testing::NumberFloor;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Score;
using ::parley::testing::Table;
using ::parley::testing::Term;

constexpr int kSituational = static_cast<int>(PowerSource::kSituational);
constexpr int kKnowledge = static_cast<int>(PowerSource::kKnowledge);
constexpr int kInformation = static_cast<int>(PowerSource::kInformation);
constexpr int kOrganizational = static_cast<int>(PowerSource::kOrganizational);
constexpr int kPersonal = static_cast<int>(PowerSource::kPersonal);
constexpr int kPlanning = static_cast<int>(PowerSource::kPlanning);

// Price 100..200 and a support tier. a (us) sells; b buys and values support far more than it
// costs a, so price carries (100/130 + 100/160) / 2 = 70% of the value range: not price-only.
// a: BATNA 120, a dated deadline, all six sources 3 with evidence (mean 3), feels 3, a floor.
// b: BATNA -190, situational and organizational 4 with evidence (mean 3, and no more than half
// of its scored power on one source), appears 3.
// Every claim has evidence; deals such as 150/standard suit both.
Case WellPrepared() {
  Case c = testing::TwoMoneyParties(
      {NumberIssue("price", 100, 200, 10),
       OptionsIssue("support", {"standard", "premium", "named"})},
      {Term("price", LinearValue{1}),
       Term("support", Table({{"standard", 0}, {"premium", -10}, {"named", -30}}))},
      {Term("price", LinearValue{-1}),
       Term("support", Table({{"standard", 0}, {"premium", 40}, {"named", 60}}))});
  c.evidence = {MakeEvidence("e1", "2026-02-01"), MakeEvidence("quote"), MakeEvidence("policy")};
  Party& a = c.parties[0];
  a.batna = MoneyBatna(120, {"e1"});
  a.deadline = MakeDeadline("2026-03-01", 5, {"e1"});
  for (int s = 0; s < kPowerSourceCount; ++s) a.power[s] = Score(3, {"e1"});
  a.perceived_power = 3;
  Party& b = c.parties[1];
  b.batna = MoneyBatna(-190, {"quote"});
  b.deadline = MakeDeadline("2026-04-01", -1, {"quote"});
  b.power[kSituational] = Score(4, {"quote"});
  b.power[kOrganizational] = Score(4, {"e1"});
  b.perceived_power = 3;
  c.floors = {NumberFloor("a", "price", 100, std::nullopt, {"policy"})};
  return c;
}

void ExpectValid(const Case& c) {
  for (const CaseProblem& p : CheckCase(c)) {
    EXPECT_TRUE(p.warning) << FormatCasePath(p.path) << ": " << p.message;
  }
}

// Every input of FindPowerPitfalls, computed from the case.
std::vector<Pitfall> Pitfalls(const Case& c, const PowerOptions& options = {},
                              const std::string& perspective = "a") {
  ExpectValid(c);
  const SourceAssessment sources = AssessSources(c, options);
  const Perception perception = ComparePerception(c, sources, perspective, options);
  std::optional<analysis::Frontier> frontier;
  std::optional<Leverage> leverage;
  std::optional<Prediction> prediction;
  if (c.values.size() >= 2) {
    frontier = analysis::ComputeFrontier(c);
    leverage = ComputeLeverage(c, *frontier, sources, options);
    prediction = PredictDeal(c, *frontier, *leverage, perspective, options);
  }
  PitfallInputs in;
  in.c = &c;
  in.sources = &sources;
  in.perception = &perception;
  in.leverage = leverage ? &*leverage : nullptr;
  in.prediction = prediction ? &*prediction : nullptr;
  in.perspective = perspective;
  return FindPowerPitfalls(in, options);
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// "id|party|field,field".
std::string Summary(const Pitfall& p) {
  std::string fields;
  for (const CasePath& f : p.fields) {
    if (!fields.empty()) fields += ",";
    fields += FormatCasePath(f);
  }
  return std::string(PitfallName(p.id)) + "|" + p.party + "|" + fields;
}

std::vector<std::string> Summaries(const std::vector<Pitfall>& pitfalls) {
  std::vector<std::string> out;
  for (const Pitfall& p : pitfalls) out.push_back(Summary(p));
  return out;
}

using Lines = std::vector<std::string>;

TEST(PitfallsTest, WellPreparedCaseHasNone) {
  const Case c = WellPrepared();
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
  // From b's chair b has set no floors and scored no personal power.
  EXPECT_EQ(Summaries(Pitfalls(c, {}, "b")),
            (Lines{"ignoring-personal-power|b|parties[1].power.personal", "unprepared|b|floors"}));
  // The whole pipeline agrees.
  EXPECT_EQ(Summaries(AnalysePower(c, PowerOptions{}).pitfalls), Lines{});
}

TEST(PitfallsTest, UnsupportedClaim) {
  Case c = WellPrepared();
  c.parties[1].batna->evidence.clear();
  c.parties[0].power[kKnowledge]->evidence.clear();
  c.floors[0].evidence.clear();
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p),
            (Lines{"unsupported-claim|a|parties[0].power.knowledge",
                   "unsupported-claim|a|floors.a.price", "unsupported-claim|b|parties[1].batna"}));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_PRED2(StartsWith, p[0].message,
               "a's knowledge power score (3) has no evidence: a bluff "
               "risk.");
  EXPECT_PRED2(StartsWith, p[1].message, "a's floor on price has no evidence");
  EXPECT_PRED2(StartsWith, p[2].message, "b's BATNA has no evidence");
  c.parties[1].name = "Buyer Inc";
  EXPECT_PRED2(StartsWith, Pitfalls(c)[2].message, "Buyer Inc's BATNA has no evidence");
}

TEST(PitfallsTest, UnderestimatingPower) {
  Case c = WellPrepared();
  c.parties[0].perceived_power = 2.5;  // assessed 3: exactly the threshold below
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"underestimating-power|a|parties[0].perceived_power"});
  // Felt share 2.5 / (2.5 + 3) = 45%; assessed balance 18 / (18 + 18) = 50%.
  EXPECT_PRED2(StartsWith, p[0].message,
               "a feels 2.5 of 5 but the assessment says 3.0 (0.5 points weaker than it "
               "is; felt share of power 45%, assessed 50%).");
  c.parties[0].perceived_power = 2.51;
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
  PowerOptions wide;
  wide.perception_threshold = 1;
  c.parties[0].perceived_power = 2.1;
  EXPECT_EQ(Summaries(Pitfalls(c, wide)), Lines{});
  c.parties[0].perceived_power = 2;
  EXPECT_EQ(Summaries(Pitfalls(c, wide)),
            Lines{"underestimating-power|a|parties[0].perceived_power"});
  // Felt stronger than assessed is not this pitfall.
  c.parties[0].perceived_power = 5;
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
}

TEST(PitfallsTest, OverestimatingTheOtherSideAsPerceived) {
  Case c = WellPrepared();
  c.parties[1].perceived_power = 3.5;  // assessed 3: exactly the threshold above
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"overestimating-other-side|b|parties[1].perceived_power"});
  EXPECT_PRED2(StartsWith, p[0].message,
               "b appears 3.5 of 5 but the assessment says 3.0 (0.5 "
               "points stronger than the evidence shows).");
  c.parties[1].perceived_power = 3.49;
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
  // Our own overestimate is not this pitfall.
  c.parties[0].perceived_power = 5;
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
}

TEST(PitfallsTest, OverestimatingTheOtherSideWithoutEvidence) {
  Case c = WellPrepared();
  // b: situational 4.5 asserted (2 points above the neutral 2.5), organizational 4 and
  // information 3 with evidence. Its mean 19/6 is within 0.5 of the 3 it appears.
  c.parties[1].power[kSituational] = Score(4.5);
  c.parties[1].power[kOrganizational] = Score(4, {"e1"});
  c.parties[1].power[kInformation] = Score(3, {"e1"});
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), (Lines{"unsupported-claim|b|parties[1].power.situational",
                                 "overestimating-other-side|b|parties[1].power.situational"}));
  EXPECT_PRED2(StartsWith, p[1].message,
               "We credit b with 2.0 points of power above the neutral "
               "2.5 that no evidence backs.");
  c.parties[1].power[kSituational] = Score(4.4);
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{"unsupported-claim|b|parties[1].power.situational"});
  // Two asserted sources add up; evidenced and neutral-or-lower ones do not count.
  c.parties[1].power[kSituational] = Score(3.5);
  c.parties[1].power[kKnowledge] = Score(3.5);
  c.parties[1].power[kPersonal] = Score(1);
  EXPECT_EQ(Summaries(Pitfalls(c)),
            (Lines{"unsupported-claim|b|parties[1].power.situational",
                   "unsupported-claim|b|parties[1].power.knowledge",
                   "unsupported-claim|b|parties[1].power.personal",
                   "overestimating-other-side|b|parties[1].power.situational,"
                   "parties[1].power.knowledge"}));
}

TEST(PitfallsTest, OverReliance) {
  Case c = WellPrepared();
  // a: situational 5, personal 2, knowledge 1 scored (8 points): 5 is 62% of them.
  c.parties[0].power = {};
  c.parties[0].power[kSituational] = Score(5, {"e1"});
  c.parties[0].power[kPersonal] = Score(2, {"e1"});
  c.parties[0].power[kKnowledge] = Score(1, {"e1"});
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"over-reliance|a|parties[0].power.situational"});
  EXPECT_EQ(p[0].message,
            "a's power rests on one source: situational carries 62% of its scored power (5 of 8 "
            "points). If that source fails, little is left.");
  // Exactly half is not over-reliance (b in the well-prepared case: 4 of 8); more is, for any
  // party.
  c.parties[0].power[kKnowledge] = Score(3, {"e1"});
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
  c.parties[1].power[kOrganizational] = Score(4.5, {"e1"});
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{"over-reliance|b|parties[1].power.organizational"});
}

TEST(PitfallsTest, IgnoringPersonalPower) {
  Case c = WellPrepared();
  c.parties[0].power[kPersonal] = Score(1.5, {"e1"});
  std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"ignoring-personal-power|a|parties[0].power.personal"});
  EXPECT_PRED2(StartsWith, p[0].message, "a scores its personal power 1.5 of 5");
  c.parties[0].power[kPersonal].reset();
  p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"ignoring-personal-power|a|parties[0].power.personal"});
  EXPECT_PRED2(StartsWith, p[0].message, "a has not assessed its personal power");
  c.parties[0].power[kPersonal] = Score(2, {"e1"});
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
  // Only the perspective's personal power counts (b never scored it).
  EXPECT_EQ(Summaries(Pitfalls(WellPrepared())), Lines{});
}

TEST(PitfallsTest, UnpreparedNoBatna) {
  Case c = WellPrepared();
  c.parties[0].batna.reset();
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"unprepared|a|parties[0].batna"});
  EXPECT_PRED2(StartsWith, p[0].message, "a has no BATNA");
}

TEST(PitfallsTest, UnpreparedNoFloors) {
  Case c = WellPrepared();
  c.floors.clear();
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{"unprepared|a|floors"});
  // Another party's floor is not ours.
  c.floors = {NumberFloor("b", "price", std::nullopt, 190, {"quote"})};
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{"unprepared|a|floors"});
}

TEST(PitfallsTest, UnpreparedNoEvidence) {
  Case c = WellPrepared();
  c.evidence.clear();
  for (Party& p : c.parties) {
    p.batna->evidence.clear();
    p.deadline->evidence.clear();
    for (auto& s : p.power) {
      if (s) s->evidence.clear();
    }
  }
  c.floors[0].evidence.clear();
  std::vector<std::string> others;
  for (const Pitfall& p : Pitfalls(c)) {
    if (p.id != PitfallId::kUnsupportedClaim) others.push_back(Summary(p));
  }
  // b's two scores of 4 are now 3 points above neutral with no evidence.
  EXPECT_EQ(others, (Lines{"overestimating-other-side|b|parties[1].power.situational,"
                           "parties[1].power.organizational",
                           "unprepared|a|evidence"}));
}

TEST(PitfallsTest, UnpreparedNothingKnownAboutAParty) {
  Case c = WellPrepared();
  c.parties.push_back(MakeParty("c", Side::kThem));
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"unprepared|a|parties[2]"});
  EXPECT_PRED2(StartsWith, p[0].message, "Nothing is known about c: no BATNA, no power scores");
  // One known fact is enough.
  c.parties[2].power[kPersonal] = Score(3, {"e1"});
  c.parties[2].power[kPlanning] = Score(3, {"e1"});
  EXPECT_EQ(Summaries(Pitfalls(c)), Lines{});
}

TEST(PitfallsTest, PriceOnly) {
  Case c = WellPrepared();
  c.values[0].terms[1] = Term("support", Table({{"premium", -1}, {"named", -2}}));
  c.values[1].terms[1] = Term("support", Table({{"premium", 1}, {"named", 2}}));
  const std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"price-only||issues[0]"});
  EXPECT_PRED2(StartsWith, p[0].message, "price carries 98% of what the negotiation can move");
  // The well-prepared case: (100/130 + 100/160) / 2 = 0.697 of the range is price.
  PowerOptions options;
  options.price_only_share = 0.69;
  EXPECT_EQ(Summaries(Pitfalls(WellPrepared(), options)), Lines{"price-only||issues[0]"});
  options.price_only_share = 0.70;
  EXPECT_EQ(Summaries(Pitfalls(WellPrepared(), options)), Lines{});
}

TEST(PitfallsTest, NoZopa) {
  Case c = WellPrepared();
  c.parties[0].batna = MoneyBatna(205, {"e1"});  // above a's best deal (200): no ZOPA
  std::vector<Pitfall> p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"no-zopa||parties"});
  EXPECT_PRED2(StartsWith, p[0].message,
               "No deal is acceptable to every party at the point "
               "estimate");
  EXPECT_PRED_FORMAT2(::testing::IsNotSubstring, "draws", p[0].message);
  // With a BATNA range, the share of draws with a deal: 185..255 has midpoint 220; the best
  // deal b accepts is worth 190 to a (200 with premium support), so a deal exists when a's draw
  // is at most 190 (5 / 70, about 7%).
  c.parties[0].batna = MoneyBatnaRange(185, 255, {"e1"});
  p = Pitfalls(c);
  EXPECT_EQ(Summaries(p), Lines{"no-zopa||parties"});
  EXPECT_PRED_FORMAT2(::testing::IsSubstring,
                      "Over the uncertain BATNAs, a deal exists in 7% of draws.", p[0].message);
}

TEST(PitfallsTest, FloorsThatLeaveNoDealAreNoZopa) {
  Case c = WellPrepared();
  c.floors = {NumberFloor("a", "price", 180, std::nullopt, {"policy"}),
              NumberFloor("b", "price", std::nullopt, 150, {"quote"})};
  ExpectValid(c);
  const PowerReport r = AnalysePower(c, PowerOptions{});
  EXPECT_FALSE(r.floored.feasible);
  EXPECT_FALSE(r.prediction.has_value());
  EXPECT_TRUE(r.levers.empty());
  EXPECT_EQ(Summaries(r.pitfalls), Lines{"no-zopa||floors"});
  EXPECT_PRED2(StartsWith, r.pitfalls[0].message,
               "The floors leave no possible deal: b's floor on price (max 150) leaves "
               "no value of the issue that every floor allows.");
}

TEST(PitfallsTest, OrderIsByIdThenPartyInCaseOrder) {
  Case c = WellPrepared();
  c.parties[1].batna->evidence.clear();                    // unsupported-claim b
  c.parties[0].power[kKnowledge]->evidence.clear();        // unsupported-claim a
  c.parties[0].perceived_power = 1;                        // underestimating-power
  c.parties[1].perceived_power = 5;                        // overestimating-other-side
  c.parties[1].power[kOrganizational] = Score(5, {"e1"});  // over-reliance b (5 of 9)
  c.parties[0].power[kSituational] = Score(5, {"e1"});     // a: 5 of 20, not over-reliant
  c.parties[0].power[kPersonal] = Score(1, {"e1"});        // ignoring-personal-power
  c.floors.clear();                                        // unprepared
  c.parties[0].batna = MoneyBatna(250, {"e1"});            // no-zopa
  EXPECT_EQ(Summaries(Pitfalls(c)), (Lines{"unsupported-claim|a|parties[0].power.knowledge",
                                           "unsupported-claim|b|parties[1].batna",
                                           "underestimating-power|a|parties[0].perceived_power",
                                           "overestimating-other-side|b|parties[1].perceived_power",
                                           "over-reliance|b|parties[1].power.organizational",
                                           "ignoring-personal-power|a|parties[0].power.personal",
                                           "unprepared|a|floors", "no-zopa||parties"}));
}

TEST(PitfallsTest, EveryIdHasADistinctNameThatRoundTrips) {
  ASSERT_EQ(AllPitfallIds().size(), static_cast<std::size_t>(kPitfallIdCount));
  std::set<std::string> names;
  for (const PitfallId id : AllPitfallIds()) {
    const std::string name = PitfallName(id);
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(PitfallIdFromName(name), id) << name;
  }
  EXPECT_EQ(std::string(PitfallName(PitfallId::kUnsupportedClaim)), "unsupported-claim");
  EXPECT_EQ(std::string(PitfallName(PitfallId::kDeadlineReliance)), "deadline-reliance");
  EXPECT_EQ(PitfallIdFromName("deadline-reliance"), PitfallId::kDeadlineReliance);
  EXPECT_EQ(PitfallIdFromName("deadline_reliance"), std::nullopt);
  EXPECT_EQ(PitfallIdFromName(""), std::nullopt);
}

TEST(PitfallsTest, TheTableHasOneRowPerPowerPitfallInOrder) {
  const std::vector<PitfallId> expected{PitfallId::kUnsupportedClaim,
                                        PitfallId::kUnderestimatingPower,
                                        PitfallId::kOverestimatingOtherSide,
                                        PitfallId::kOverReliance,
                                        PitfallId::kIgnoringPersonalPower,
                                        PitfallId::kUnprepared,
                                        PitfallId::kPriceOnly,
                                        PitfallId::kNoZopa,
                                        PitfallId::kDatePassed};
  std::vector<PitfallId> ids;
  for (const PowerPitfallRule& rule : PowerPitfallRules()) {
    ids.push_back(rule.id);
    ASSERT_NE(rule.title, nullptr);
    EXPECT_FALSE(std::string(rule.title).empty()) << PitfallName(rule.id);
    EXPECT_NE(rule.find, nullptr) << PitfallName(rule.id);
  }
  EXPECT_EQ(ids, expected);
  // Only a claim without evidence is about conduct among the power pitfalls.
  for (const PowerPitfallRule& rule : PowerPitfallRules()) {
    EXPECT_EQ(rule.kind == PitfallKind::kConduct, rule.id == PitfallId::kUnsupportedClaim)
        << PitfallName(rule.id);
  }
}

TEST(PitfallsTest, FindingIsEachRuleInTurn) {
  Case c = WellPrepared();
  c.parties[1].batna->evidence.clear();
  c.parties[0].perceived_power = 1;
  c.floors.clear();
  c.parties[0].batna = MoneyBatna(250, {"e1"});
  const std::vector<Pitfall> all = Pitfalls(c);
  // The same inputs, rule by rule.
  const SourceAssessment sources = AssessSources(c, PowerOptions{});
  const Perception perception = ComparePerception(c, sources, "a", PowerOptions{});
  const analysis::Frontier frontier = analysis::ComputeFrontier(c);
  const Leverage leverage = ComputeLeverage(c, frontier, sources, PowerOptions{});
  const Prediction prediction = PredictDeal(c, frontier, leverage, "a", PowerOptions{});
  PitfallInputs in;
  in.c = &c;
  in.sources = &sources;
  in.perception = &perception;
  in.leverage = &leverage;
  in.prediction = &prediction;
  in.perspective = "a";
  std::vector<std::string> by_rule;
  for (const PowerPitfallRule& rule : PowerPitfallRules()) {
    for (const Pitfall& p : rule.find(in, PowerOptions{})) {
      EXPECT_EQ(p.id, rule.id);
      by_rule.push_back(Summary(p));
    }
  }
  EXPECT_EQ(by_rule, Summaries(all));
  EXPECT_FALSE(by_rule.empty());
}

}  // namespace
}  // namespace parley::power
