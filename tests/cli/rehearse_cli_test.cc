// End-to-end tests of `parley rehearse --interactive`: a session driven by a script of lines on
// standard input, the coach's comments, the end of input and the errors.
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::Parley;
using parley::testing::Result;

constexpr const char* kSession =
    "rehearse examples/sales-renewal.yaml --interactive --them boulware --rounds 10";

bool Has(const std::string& out, const std::string& line) {
  return out.find(line + "\n") != std::string::npos;
}

// We open at the anchor, concede 10,000 then 20,000 while they hold, and accept their first
// offer: every rule on our side of the table fires, with its numbers.
TEST(CliRehearseInteractiveTest, CoachedSessionToADeal) {
  const Result r =
      Parley(std::string(kSession) + " < tests/data/interactive/sales-renewal.session");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string& out = r.out;
  for (const char* line : {
           "Interactive rehearsal: you play CloudCo against Acme Corp (boulware), 10 rounds, you "
           "move first.",
           "> offer price=150000,term=3y,payment=net30,support=premium",
           "coach: no comment.",
           "Round 2 of 10. On the table, Acme Corp's offer: price=90000, term=1y, payment=net60, "
           "support=named-engineer",
           "  worth 76,000 to us (utility -0.3770); Acme Corp's utility 1.3673",
           // After an opening above Acme's price ceiling, the plan's next offer moves inside it
           // (135,000), so 140,000 gives away nothing beyond the plan; 120,000 then does.
           "coach [beyond-plan]: This offer gives away more than the plan's next step: it keeps "
           "141,000 for us where the plan's next offer keeps 156,000 (15,000 more given).",
           "coach [one-way]: A one-way concession: we gave 10,000 and now 20,000 while their "
           "last offer did not move toward us (76,000 to us, after 76,000). Wait for a move from "
           "them before the next one.",
           "coach [bigger-step]: A larger move than the last: 20,000 now after 10,000. "
           "Concessions that grow tell them there is more to come; make each smaller than the "
           "one before.",
           "coach [below-walk-away]: This deal is worth 76,000 to us, 11,000 below our walk-away "
           "(87,000): no deal is better.",
           "coach [below-floor]: This deal breaks our floor: price min 105,000; support excludes "
           "named-engineer.",
           "coach [accept-below-plan]: Accepting 76,000 when our next planned offer keeps "
           "140,000: 64,000 left on the table by not countering.",
           "Result: agreement in round 3 on Annual subscription price 90,000, Contract term 1y, "
           "Payment terms net60 and Support tier named-engineer.",
           "  distance to the Pareto frontier: 0.5264",
           "Coach's summary:",
           "  4 moves, 6 comments: below-walk-away 1, below-floor 1, one-way 1, bigger-step 1, "
           "beyond-plan 1, accept-below-plan 1.",
           "  The deal is worth 76,000 to us: 63,000 below the plan's landing point (139,000).",
       }) {
    EXPECT_TRUE(Has(out, line)) << line << "\n--- in ---\n" << out;
  }
}

// Help, mistakes and the plan never move; the end of input stops with the result so far.
TEST(CliRehearseInteractiveTest, EndOfInputIsQuit) {
  const Result r =
      Parley(std::string(kSession) + " < tests/data/interactive/sales-renewal-eof.session");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& out = r.out;
  for (const char* line : {
           "  plan                   what the brief advises now (parley next on the talks so far)",
           "error: unknown command 'ofer'; type help for the commands",
           "Next move: counter (rule: counter)",
           "> (end of input)",
           "Result: no deal: stopped in round 2 of 10, before the deadline.",
           "  1 move, no comment: the plan's discipline held.",
           "  No deal: we keep our walk-away, 87,000; the plan's landing point was worth 139,000 "
           "to us.",
       }) {
    EXPECT_TRUE(Has(out, line)) << line << "\n--- in ---\n" << out;
  }
  EXPECT_NE(out.find("error: offer: the offer leaves out"), std::string::npos) << out;
  // An empty input: the opening prompt, then the result (no moves).
  const Result empty = Parley(std::string(kSession) + " < /dev/null");
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_TRUE(Has(empty.out, "Result: no deal: stopped in round 1 of 10, before the deadline."))
      << empty.out;
  EXPECT_TRUE(Has(empty.out, "  0 moves, no comment: the plan's discipline held.")) << empty.out;
}

TEST(CliRehearseInteractiveTest, UsageErrors) {
  const Result json = Parley(std::string(kSession) + " --format json < /dev/null");
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_NE(json.err.find("--interactive prints text only"), std::string::npos) << json.err;
  const Result two = Parley(
      "rehearse examples/sales-renewal.yaml --interactive --them boulware,micro < /dev/null");
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_NE(two.err.find("--interactive plays one counterpart"), std::string::npos) << two.err;
  const Result brief =
      Parley("rehearse examples/sales-renewal.yaml --interactive --them parley < /dev/null");
  EXPECT_EQ(brief.exit_code, 2);
  EXPECT_NE(brief.err.find("cannot play our brief"), std::string::npos) << brief.err;
}

}  // namespace
