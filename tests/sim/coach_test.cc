#include "parley/sim/coach.h"

#include <gtest/gtest.h>

namespace parley::sim {
namespace {

// A money position: our walk-away 87,000; we opened at 171,000 and conceded to 161,000.
CoachMove CoachOffer(double value) {
  CoachMove m;
  m.action = ActionKind::kOffer;
  m.value = value;
  m.walk_away = 87'000;
  m.our_offers = {171'000, 161'000};
  m.their_offers = {76'000, 76'000};
  return m;
}

std::vector<std::string> Rules(const std::vector<CoachComment>& comments) {
  std::vector<std::string> out;
  for (const CoachComment& c : comments) out.push_back(c.rule);
  return out;
}

TEST(CoachTest, OneWayConcessionAndALargerStep) {
  const std::vector<CoachComment> c = CoachComments(CoachOffer(141'000));
  ASSERT_EQ(Rules(c), (std::vector<std::string>{"one-way", "bigger-step"}));
  EXPECT_EQ(c[0].text,
            "A one-way concession: we gave 10,000 and now 20,000 while their last offer did not "
            "move toward us (76,000 to us, after 76,000). Wait for a move from them before the "
            "next one.");
  EXPECT_EQ(c[1].text,
            "A larger move than the last: 20,000 now after 10,000. Concessions that grow tell "
            "them there is more to come; make each smaller than the one before.");
}

TEST(CoachTest, NoCommentWhenTheyMovedAndTheStepShrinks) {
  CoachMove m = CoachOffer(156'000);  // 5,000 after 10,000
  m.their_offers = {76'000, 80'000};
  EXPECT_TRUE(CoachComments(m).empty());
  m.their_offers = {76'000, 76'000};  // they did not move: one-way, but the step shrank
  EXPECT_EQ(Rules(CoachComments(m)), (std::vector<std::string>{"one-way"}));
  m.our_offers = {161'000};  // a single concession so far: nothing to compare
  EXPECT_EQ(CoachComments(CoachOffer(156'000)).size(), 1u);
  EXPECT_TRUE(CoachComments(m).empty());
}

TEST(CoachTest, BelowTheWalkAwayAndTheFloor) {
  CoachMove m = CoachOffer(80'000);
  m.their_offers = {76'000, 90'000};
  m.our_offers = {171'000};
  m.floor_broken = "price min 105,000";
  const std::vector<CoachComment> c = CoachComments(m);
  ASSERT_EQ(Rules(c), (std::vector<std::string>{"below-walk-away", "below-floor"}));
  EXPECT_EQ(c[0].text,
            "This offer is worth 80,000 to us, 7,000 below our walk-away (87,000): no deal is "
            "better.");
  EXPECT_EQ(c[1].text, "This offer breaks our floor: price min 105,000.");
}

TEST(CoachTest, BeyondThePlansNextStep) {
  CoachMove m = CoachOffer(150'000);
  m.our_offers = {171'000};
  m.plan_next = 158'000;
  const std::vector<CoachComment> c = CoachComments(m);
  ASSERT_EQ(Rules(c), (std::vector<std::string>{"beyond-plan"}));
  EXPECT_EQ(c[0].text,
            "This offer gives away more than the plan's next step: it keeps 150,000 for us where "
            "the plan's next offer keeps 158,000 (8,000 more given).");
}

TEST(CoachTest, ValueLeftOnTheTableWhenAccepting) {
  CoachMove m;
  m.action = ActionKind::kAccept;
  m.value = 120'000;
  m.their_value = -130'000;
  m.walk_away = 87'000;
  m.plan_next = 135'000;
  m.better = {{126'000, -127'000}};
  const std::vector<CoachComment> c = CoachComments(m);
  ASSERT_EQ(Rules(c), (std::vector<std::string>{"dominated", "accept-below-plan"}));
  EXPECT_EQ(c[0].text,
            "Value left on the table: a deal on the frontier is worth 126,000 to us (6,000 more) "
            "and 3,000 more for them; this one is worth 120,000 to us.");
  EXPECT_EQ(c[1].text,
            "Accepting 120,000 when our next planned offer keeps 135,000: 15,000 left on the "
            "table by not countering.");
  // Walking away is never coached on values.
  m.action = ActionKind::kWalk;
  EXPECT_TRUE(CoachComments(m).empty());
}

TEST(CoachTest, SummaryCountsTheRulesAndPlacesTheDeal) {
  const std::vector<std::vector<CoachComment>> comments = {
      {}, {{"one-way", "x"}, {"bigger-step", "y"}}, {{"one-way", "z"}}};
  const CoachSummary s = SummarizeCoaching(comments, 140'000, 146'000, 87'000, true, 0);
  EXPECT_EQ(s.moves, 3u);
  EXPECT_EQ(s.lines, (std::vector<std::string>{
                         "3 moves, 3 comments: one-way 2, bigger-step 1.",
                         "The deal is worth 140,000 to us: 6,000 below the plan's landing "
                         "point (146,000)."}));
  const CoachSummary none = SummarizeCoaching({{}}, std::nullopt, 146'000, 87'000, true, 0);
  EXPECT_EQ(
      none.lines,
      (std::vector<std::string>{
          "1 move, no comment: the plan's discipline held.",
          "No deal: we keep our walk-away, 87,000; the plan's landing point was worth 146,000 to "
          "us."}));
}

}  // namespace
}  // namespace parley::sim
