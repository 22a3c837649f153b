// Tests of reading an outcome from its terms: numbers and options, every problem at once, and
// the noun of the message.
#include "parley/core/outcome_terms.h"

#include <gtest/gtest.h>

#include "parley/core/error.h"
#include "testing/case_builders.h"

namespace parley {
namespace {

Case TwoIssues() {
  Case c;
  c.title = "t";
  c.issues = {testing::NumberIssue("price", 100, 200, 50),
              testing::OptionsIssue("support", {"basic", "premium"})};
  c.parties = {testing::MakeParty("a", Side::kUs), testing::MakeParty("b", Side::kThem)};
  return c;
}

TEST(OutcomeTermsTest, ReadsNumbersAndOptions) {
  const ParsedOutcome p = TryParseOutcome(TwoIssues(), {{"support", "premium"}, {"price", "150"}});
  ASSERT_TRUE(p.outcome.has_value());
  EXPECT_EQ(*p.outcome, (Outcome{1, 1}));
  EXPECT_TRUE(p.problems.empty());
}

TEST(OutcomeTermsTest, NamesTheGapsWithItsNoun) {
  const ParsedOutcome p = TryParseOutcome(TwoIssues(), {{"price", "100"}}, "offer");
  EXPECT_FALSE(p.outcome.has_value());
  EXPECT_EQ(p.problems, (std::vector<std::string>{
                            "the offer leaves out 'support'; an offer gives every issue a value"}));
}

TEST(OutcomeTermsTest, ABadValueIsOneProblemNotAGapToo) {
  const ParsedOutcome p = TryParseOutcome(TwoIssues(), {{"price", "100"}, {"support", "gold"}});
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_NE(p.problems[0].find("gold"), std::string::npos) << p.problems[0];
}

TEST(OutcomeTermsTest, ParseOutcomeThrowsInvalidInput) {
  try {
    ParseOutcome(TwoIssues(), {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
    EXPECT_STREQ(e.what(),
                 "the outcome leaves out 'price', 'support'; an outcome gives every issue a value");
  }
}

}  // namespace
}  // namespace parley
