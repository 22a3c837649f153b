// Tests of the six-source assessment: scores, unscored defaults, confidence, shares and balance,
// and the list of unsupported claims, on hand-built cases; evidence monotonicity as a property.
#include "parley/power/sources.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/evidence_coverage.h"
#include "testing/case_builders.h"
#include "testing/random_cases.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeDeadline;
using ::parley::testing::MakeEvidence;
using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::NumberFloor;
using ::parley::testing::Score;

constexpr int kSituational = static_cast<int>(PowerSource::kSituational);
constexpr int kKnowledge = static_cast<int>(PowerSource::kKnowledge);
constexpr int kOrganizational = static_cast<int>(PowerSource::kOrganizational);
constexpr int kPersonal = static_cast<int>(PowerSource::kPersonal);

double Sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

// Three parties: a scores two sources, b two others, c none.
Case ThreeParties() {
  Case c;
  c.title = "three";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem), MakeParty("c", Side::kThem)};
  c.evidence = {MakeEvidence("e1"), MakeEvidence("e2")};
  c.parties[0].power[kSituational] = Score(4, {"e1"});
  c.parties[0].power[kSituational]->note = "a live alternative";
  c.parties[0].power[kKnowledge] = Score(2);
  c.parties[1].power[kOrganizational] = Score(5, {"e1", "e2"});
  c.parties[1].power[kPersonal] = Score(0);
  return c;
}

TEST(SourcesTest, ConfidenceNames) {
  EXPECT_STREQ(ConfidenceName(Confidence::kUnscored), "unscored");
  EXPECT_STREQ(ConfidenceName(Confidence::kAsserted), "asserted");
  EXPECT_STREQ(ConfidenceName(Confidence::kEvidenced), "evidenced");
}

TEST(SourcesTest, ConfidenceLevels) {
  EXPECT_EQ(ConfidenceLevel(Confidence::kUnscored, 0), 0.0);
  EXPECT_EQ(ConfidenceLevel(Confidence::kUnscored, 3), 0.0);
  EXPECT_EQ(ConfidenceLevel(Confidence::kAsserted, 0), 0.5);
  EXPECT_EQ(ConfidenceLevel(Confidence::kEvidenced, 1), 0.75);
  EXPECT_EQ(ConfidenceLevel(Confidence::kEvidenced, 2), 0.875);
  EXPECT_EQ(ConfidenceLevel(Confidence::kEvidenced, 3), 0.9375);
  for (std::size_t n = 1; n < 40; ++n) {
    EXPECT_GE(ConfidenceLevel(Confidence::kEvidenced, n),
              ConfidenceLevel(Confidence::kEvidenced, n - 1));
    EXPECT_LT(ConfidenceLevel(Confidence::kEvidenced, n), 1.0);
  }
}

TEST(SourcesTest, ScoresUnscoredDefaultsAndConfidence) {
  const Case c = ThreeParties();
  const SourceAssessment a = AssessSources(c, PowerOptions{});
  ASSERT_EQ(a.parties, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(a.power.size(), 3u);

  const PartySources& pa = a.power[0];
  EXPECT_EQ(pa.party, "a");
  EXPECT_EQ(pa.scored, 2);
  for (int s = 0; s < kPowerSourceCount; ++s) {
    EXPECT_EQ(pa.sources[s].source, static_cast<PowerSource>(s));
  }
  EXPECT_EQ(pa.sources[kSituational].score, 4);
  EXPECT_EQ(pa.sources[kSituational].confidence, Confidence::kEvidenced);
  EXPECT_EQ(pa.sources[kSituational].confidence_level, 0.75);
  EXPECT_EQ(pa.sources[kSituational].evidence, std::vector<std::string>{"e1"});
  EXPECT_EQ(pa.sources[kSituational].note, "a live alternative");
  EXPECT_EQ(pa.sources[kKnowledge].score, 2);
  EXPECT_EQ(pa.sources[kKnowledge].confidence, Confidence::kAsserted);
  EXPECT_EQ(pa.sources[kKnowledge].confidence_level, 0.5);
  for (int s : {2, 3, 4, 5}) {
    EXPECT_EQ(pa.sources[s].score, 2.5) << s;
    EXPECT_EQ(pa.sources[s].confidence, Confidence::kUnscored) << s;
    EXPECT_EQ(pa.sources[s].confidence_level, 0.0) << s;
    EXPECT_TRUE(pa.sources[s].evidence.empty());
  }
  EXPECT_DOUBLE_EQ(pa.total, 16);
  EXPECT_DOUBLE_EQ(pa.mean, 16.0 / 6);
  EXPECT_DOUBLE_EQ(pa.confidence, 1.25 / 6);

  const PartySources& pb = a.power[1];
  EXPECT_EQ(pb.scored, 2);
  EXPECT_EQ(pb.sources[kOrganizational].confidence_level, 0.875);
  EXPECT_EQ(pb.sources[kPersonal].score, 0);
  EXPECT_EQ(pb.sources[kPersonal].confidence, Confidence::kAsserted);
  EXPECT_DOUBLE_EQ(pb.total, 15);
  EXPECT_DOUBLE_EQ(pb.confidence, 1.375 / 6);

  const PartySources& pc = a.power[2];
  EXPECT_EQ(pc.scored, 0);
  EXPECT_DOUBLE_EQ(pc.total, 15);
  EXPECT_DOUBLE_EQ(pc.mean, 2.5);
  EXPECT_EQ(pc.confidence, 0.0);

  // Another assumed score for unscored sources.
  PowerOptions options;
  options.unscored_score = 1;
  const SourceAssessment b = AssessSources(c, options);
  EXPECT_EQ(b.power[2].sources[kPersonal].score, 1);
  EXPECT_DOUBLE_EQ(b.power[0].total, 4 + 2 + 4 * 1);
  EXPECT_DOUBLE_EQ(b.power[2].total, 6);
}

TEST(SourcesTest, SharesAndBalanceSumToOne) {
  const SourceAssessment a = AssessSources(ThreeParties(), PowerOptions{});
  ASSERT_EQ(a.balance.size(), 3u);
  EXPECT_DOUBLE_EQ(a.balance[0], 16.0 / 46);
  EXPECT_DOUBLE_EQ(a.balance[1], 15.0 / 46);
  EXPECT_DOUBLE_EQ(a.balance[2], 15.0 / 46);
  EXPECT_NEAR(Sum(a.balance), 1, 1e-15);
  // situational: 4, 2.5, 2.5; personal: 2.5, 0, 2.5.
  EXPECT_DOUBLE_EQ(a.source_share[kSituational][0], 4.0 / 9);
  EXPECT_DOUBLE_EQ(a.source_share[kSituational][1], 2.5 / 9);
  EXPECT_DOUBLE_EQ(a.source_share[kPersonal][0], 0.5);
  EXPECT_EQ(a.source_share[kPersonal][1], 0.0);
  EXPECT_DOUBLE_EQ(a.source_share[kPersonal][2], 0.5);
  for (int s = 0; s < kPowerSourceCount; ++s) {
    ASSERT_EQ(a.source_share[s].size(), 3u);
    EXPECT_NEAR(Sum(a.source_share[s]), 1, 1e-15) << s;
  }
}

TEST(SourcesTest, AllZeroScoresShareEqually) {
  Case c = ThreeParties();
  for (Party& p : c.parties) p.power = {};
  c.parties[0].power[kPersonal] = Score(0);
  PowerOptions options;
  options.unscored_score = 0;
  const SourceAssessment a = AssessSources(c, options);
  for (int s = 0; s < kPowerSourceCount; ++s) {
    for (double share : a.source_share[s]) EXPECT_DOUBLE_EQ(share, 1.0 / 3);
  }
  for (double share : a.balance) EXPECT_DOUBLE_EQ(share, 1.0 / 3);
}

TEST(SourcesTest, UnsupportedListsExactlyTheClaimsWithoutEvidence) {
  Case c = ThreeParties();  // a: situational (evidenced), knowledge (asserted)
  c.issues = {testing::NumberIssue("price", 0, 10, 1), testing::NumberIssue("qty", 0, 10, 1)};
  c.parties[0].batna = MoneyBatna(5, {"e2"});
  c.parties[0].deadline = MakeDeadline("2026-03-01", 10);  // no evidence
  c.floors = {NumberFloor("a", "price", 2, std::nullopt),
              NumberFloor("a", "qty", std::nullopt, 9, {"e1"})};
  c.parties[1].batna = MoneyBatna(-5);                                   // no evidence
  c.parties[1].deadline = MakeDeadline("2026-04-01", -1, {"e1", "e2"});  // evidenced
  const SourceAssessment a = AssessSources(c, PowerOptions{});
  // Party by party: power scores in source order, BATNA, deadline, floors.
  struct Expected {
    ClaimKind kind;
    std::string party, subject;
  };
  const std::vector<Expected> expected = {
      {ClaimKind::kPowerScore, "a", "power.knowledge"},
      {ClaimKind::kDeadline, "a", "deadline"},
      {ClaimKind::kFloor, "a", "floor.price"},
      {ClaimKind::kPowerScore, "b", "power.personal"},
      {ClaimKind::kBatna, "b", "batna"},
  };
  ASSERT_EQ(a.unsupported.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(a.unsupported[k].kind, expected[k].kind) << k;
    EXPECT_EQ(a.unsupported[k].party, expected[k].party) << k;
    EXPECT_EQ(a.unsupported[k].subject, expected[k].subject) << k;
    EXPECT_TRUE(a.unsupported[k].evidence.empty()) << k;
  }
  // Every claim of the case is either listed as unsupported or has evidence.
  std::size_t unsupported = 0;
  for (const Claim& claim : ListClaims(c)) unsupported += claim.Supported() ? 0 : 1;
  EXPECT_EQ(unsupported, a.unsupported.size());
}

// Adding a piece of evidence to a score never lowers its confidence level nor the party's
// confidence; scoring an unscored source with evidence raises both.
RC_GTEST_PROP(SourcesProperty, EvidenceNeverLowersConfidence, ()) {
  Case c;
  c.title = "evidence";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  for (const std::string& id : testing::RandomEvidenceIds()) c.evidence.push_back(MakeEvidence(id));
  for (Party& p : c.parties) testing::RandomPower(p);
  const std::size_t party = *rc::gen::inRange(0, 2);
  const int s = *rc::gen::inRange(0, kPowerSourceCount);
  const SourceAssessment before = AssessSources(c, PowerOptions{});

  Case more = c;
  auto& score = more.parties[party].power[s];
  if (score) {
    // RandomPower uses the first ids; the last one is never among them.
    RC_PRE(score->evidence.size() < testing::RandomEvidenceIds().size());
    score->evidence.push_back(testing::RandomEvidenceIds().back());
  } else {
    score = Score(*rc::gen::inRange(0, 6) * 1.0, {"e0"});
  }
  const SourceAssessment after = AssessSources(more, PowerOptions{});
  const SourceScore& b = before.power[party].sources[s];
  const SourceScore& a = after.power[party].sources[s];
  RC_ASSERT(a.confidence == Confidence::kEvidenced);
  RC_ASSERT(a.confidence_level > b.confidence_level);
  RC_ASSERT(a.confidence_level == ConfidenceLevel(a.confidence, a.evidence.size()));
  RC_ASSERT(after.power[party].confidence > before.power[party].confidence);
  // The other party is untouched; shares still sum to 1.
  RC_ASSERT(after.power[1 - party].confidence == before.power[1 - party].confidence);
  RC_ASSERT(std::abs(Sum(after.balance) - 1) < 1e-12);
  for (int k = 0; k < kPowerSourceCount; ++k) {
    RC_ASSERT(std::abs(Sum(after.source_share[k]) - 1) < 1e-12);
  }
}

}  // namespace
}  // namespace parley::power
