// Tests of the perception check: verdicts on both sides of the threshold, the felt share of
// power, and the chair it is computed from.
#include "parley/power/perception.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/power/sources.h"
#include "testing/case_builders.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::Score;

// a scores 3 everywhere (mean 3, total 18), b 2 everywhere (mean 2, total 12), c nothing (2.5,
// total 15).
Case ThreeParties() {
  Case c;
  c.title = "perception";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem), MakeParty("c", Side::kThem)};
  for (int s = 0; s < kPowerSourceCount; ++s) {
    c.parties[0].power[s] = Score(3);
    c.parties[1].power[s] = Score(2);
  }
  return c;
}

Perception Check(const Case& c, const std::string& perspective, const PowerOptions& options = {}) {
  return ComparePerception(c, AssessSources(c, options), perspective, options);
}

TEST(PerceptionTest, VerdictNames) {
  EXPECT_STREQ(PerceptionVerdictName(PerceptionVerdict::kNotStated), "not-stated");
  EXPECT_STREQ(PerceptionVerdictName(PerceptionVerdict::kAccurate), "accurate");
  EXPECT_STREQ(PerceptionVerdictName(PerceptionVerdict::kUnderestimates), "underestimates");
  EXPECT_STREQ(PerceptionVerdictName(PerceptionVerdict::kOverestimates), "overestimates");
}

TEST(PerceptionTest, VerdictsAtTheThreshold) {
  struct Row {
    double felt;
    PerceptionVerdict verdict;
  };
  // Assessed 3, threshold 0.5: a gap of exactly 0.5 is reported, anything smaller is not.
  for (const Row& row :
       {Row{2.5, PerceptionVerdict::kUnderestimates}, Row{2.51, PerceptionVerdict::kAccurate},
        Row{3, PerceptionVerdict::kAccurate}, Row{3.49, PerceptionVerdict::kAccurate},
        Row{3.5, PerceptionVerdict::kOverestimates}, Row{0, PerceptionVerdict::kUnderestimates},
        Row{5, PerceptionVerdict::kOverestimates}}) {
    Case c = ThreeParties();
    c.parties[0].perceived_power = row.felt;
    const Perception p = Check(c, "a");
    ASSERT_EQ(p.parties.size(), 3u);
    const PartyPerception& a = p.parties[0];
    EXPECT_EQ(a.party, "a");
    EXPECT_EQ(a.felt, row.felt);
    EXPECT_EQ(a.assessed, 3);
    EXPECT_NEAR(a.gap, row.felt - 3, 1e-15);
    EXPECT_EQ(a.verdict, row.verdict) << row.felt;
  }
  // Another threshold.
  Case c = ThreeParties();
  c.parties[1].perceived_power = 3;  // b: assessed 2
  PowerOptions options;
  options.perception_threshold = 1;
  EXPECT_EQ(Check(c, "a", options).parties[1].verdict, PerceptionVerdict::kOverestimates);
  options.perception_threshold = 1.25;
  EXPECT_EQ(Check(c, "a", options).parties[1].verdict, PerceptionVerdict::kAccurate);
}

TEST(PerceptionTest, NotStated) {
  const Perception p = Check(ThreeParties(), "a");
  for (const PartyPerception& pp : p.parties) {
    EXPECT_FALSE(pp.felt.has_value());
    EXPECT_EQ(pp.gap, 0);
    EXPECT_EQ(pp.verdict, PerceptionVerdict::kNotStated);
  }
  EXPECT_EQ(p.parties[1].assessed, 2);
  EXPECT_EQ(p.parties[2].assessed, 2.5);
  EXPECT_FALSE(p.felt_share.has_value());
  EXPECT_DOUBLE_EQ(p.assessed_share, 18.0 / 45);
}

// A felt power equal to the assessment is accurate whatever the threshold, including 0 (which
// ValidateOptions allows): it is neither above nor below the assessment.
TEST(PerceptionTest, EqualFeltPowerIsAccurateAtZeroThreshold) {
  Case c = ThreeParties();
  c.parties[0].perceived_power = 3;
  PowerOptions options;
  options.perception_threshold = 0;
  const Perception p = Check(c, "a", options);
  EXPECT_EQ(p.parties[0].gap, 0);
  EXPECT_EQ(p.parties[0].verdict, PerceptionVerdict::kAccurate)
      << PerceptionVerdictName(p.parties[0].verdict);
  c.parties[0].perceived_power = 3.25;
  EXPECT_EQ(Check(c, "a", options).parties[0].verdict, PerceptionVerdict::kOverestimates);
}

TEST(PerceptionTest, FeltShare) {
  Case c = ThreeParties();
  c.parties[0].perceived_power = 2;
  c.parties[1].perceived_power = 4;
  // c states nothing: its assessed mean 2.5 stands in for its felt power.
  Perception p = Check(c, "a");
  EXPECT_EQ(p.perspective, "a");
  ASSERT_TRUE(p.felt_share.has_value());
  EXPECT_DOUBLE_EQ(*p.felt_share, 2 / 8.5);
  EXPECT_DOUBLE_EQ(p.assessed_share, 18.0 / 45);
  p = Check(c, "b");
  EXPECT_EQ(p.perspective, "b");
  EXPECT_DOUBLE_EQ(*p.felt_share, 4 / 8.5);
  EXPECT_DOUBLE_EQ(p.assessed_share, 12.0 / 45);
  // The verdicts do not depend on the chair.
  EXPECT_EQ(p.parties[0].verdict, PerceptionVerdict::kUnderestimates);
  EXPECT_EQ(p.parties[1].verdict, PerceptionVerdict::kOverestimates);
  p = Check(c, "c");
  EXPECT_FALSE(p.felt_share.has_value());
  EXPECT_DOUBLE_EQ(p.assessed_share, 15.0 / 45);

  // A felt power of 0 gives a share of 0; when everything is 0 the share is equal.
  c.parties[0].perceived_power = 0;
  EXPECT_EQ(*Check(c, "a").felt_share, 0);
  c.parties[1].perceived_power = 0;
  c.parties[2].perceived_power = 0;
  EXPECT_DOUBLE_EQ(*Check(c, "a").felt_share, 1.0 / 3);
}

}  // namespace
}  // namespace parley::power
