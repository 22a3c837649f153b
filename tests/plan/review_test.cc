#include "parley/plan/review.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "parley/analysis/deal_space.h"
#include "parley/analysis/offer.h"
#include "parley/analysis/walk_away.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/power/analysis.h"
#include "parley/report/outcome_format.h"
#include "testing/case_builders.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;

// The sales renewal, worked by hand (values in USD a year):
//   CloudCo = price + term {0, 15000, 25000} + payment {0, -2000, -1000}
//             + support {0, -4000, -12000}; worst 76,000, best 175,000 (range 99,000);
//             walk-away 100,000 - 13,000 of costs = 87,000.
//   Acme    = -price + term {0, -4000, -6000} + payment {0, 6000, 3000}
//             + support {0, 7000, 10000}; worst -156,000, best -74,000 (range 82,000);
//             walk-away the middle of [-140,000, -120,000] = -130,000.
// Utilities are on the scales of the deals within the floors (price 105,000 to 135,000, no
// named engineer), as evaluate reads them: CloudCo's deals run from 99,000 to 160,000 (range
// 61,000), Acme's from -141,000 to -92,000 (range 49,000).
// Joint value per issue: term {0, 11000, 19000}, payment {0, 4000, 2000}, support {0, 3000,
// -2000}: 3y, net60 and premium create the most (26,000), whatever the price.
// Floors: CloudCo's price >= 105,000 and no named engineer; Acme's price <= 135,000.
// The predicted deal is 105,000, 3y, net60, premium: 124,000 to CloudCo and -98,000 to Acme.

power::PowerOptions Options() {
  power::PowerOptions o;
  o.samples = 0;  // the point estimate is all a review uses
  return o;
}

Review ReviewOf(const Case& c, const OutcomeTerms& terms,
                const power::PowerOptions& options = Options()) {
  return ReviewOutcome(c, ParseOutcome(c, terms), power::AnalysePower(c, options));
}

OutcomeTerms Terms(const std::string& price, const std::string& term, const std::string& payment,
                   const std::string& support) {
  return {{"price", price}, {"term", term}, {"payment", payment}, {"support", support}};
}

// What brute force over every outcome says was left on the table: among the outcomes `allowed`
// keeps, those that dominate `o` in value (money form, so dominance in value is dominance in
// utility), the largest joint gain, and how many distinct value pairs of the allowed space's
// Pareto set dominate `o`.
struct Brute {
  double best_joint = 0;
  std::size_t dominating_frontier_points = 0;
};

Brute BruteLeftOnTable(const Case& c, const Outcome& o,
                       const std::function<bool(const Outcome&)>& allowed) {
  const PartyValuation us(c, "cloudco"), them(c, "acme");
  const std::pair<double, double> at_o{us.Value(o), them.Value(o)};
  auto dominates = [](std::pair<double, double> a, std::pair<double, double> b) {
    return a.first >= b.first && a.second >= b.second && (a.first > b.first || a.second > b.second);
  };
  std::set<std::pair<double, double>> points;
  OutcomeSpace space(c.issues);
  Outcome x = space.First();
  do {
    if (allowed(x)) points.insert({us.Value(x), them.Value(x)});
  } while (space.Next(x));
  Brute b;
  for (const auto& p : points) {
    if (!dominates(p, at_o)) continue;
    b.best_joint = std::max(b.best_joint, p.first + p.second - at_o.first - at_o.second);
    const bool optimal =
        std::none_of(points.begin(), points.end(), [&](const auto& q) { return dominates(q, p); });
    b.dominating_frontier_points += optimal;
  }
  return b;
}

// Floors of the sales renewal, on the original grid.
double Price(const Case& c, const Outcome& o) { return c.issues[0].NumberAt(o[0]); }
bool PriceFloors(const Case& c, const Outcome& o) {
  return Price(c, o) >= 105000 && Price(c, o) <= 135000;
}
bool AllFloors(const Case& c, const Outcome& o) {
  return PriceFloors(c, o) && c.issues[3].options[o[3]] != "named-engineer";
}

TEST(ReviewTest, ThePredictedDealCapturesExactlyWhatWasPredicted) {
  const Case c = LoadExample("sales-renewal");
  // The predicted deal: 120,000, 3y, net60, premium.
  const Review r = ReviewOf(c, Terms("120000", "3y", "net60", "premium"));
  EXPECT_EQ(r.perspective, "cloudco");
  ASSERT_TRUE(r.predicted.has_value());
  EXPECT_EQ(*r.predicted, r.outcome);
  EXPECT_TRUE(r.share_in_money);
  ASSERT_EQ(r.parties.size(), 2u);

  const PartyReview& us = r.parties[0];
  EXPECT_EQ(us.party, "cloudco");
  EXPECT_TRUE(us.money);
  EXPECT_DOUBLE_EQ(us.value, 139000);
  EXPECT_NEAR(us.utility, 40000.0 / 61000, 1e-12);  // on the scale within the floors
  EXPECT_DOUBLE_EQ(us.reservation_value, 87000);
  EXPECT_NEAR(us.disagreement, -12000.0 / 61000, 1e-12);
  EXPECT_DOUBLE_EQ(us.gain, 52000);
  EXPECT_NEAR(us.share, 52.0 / 69, 1e-12);
  EXPECT_TRUE(us.beats_batna);
  EXPECT_DOUBLE_EQ(*us.predicted_value, 139000);
  EXPECT_DOUBLE_EQ(*us.predicted_gain, 52000);
  EXPECT_DOUBLE_EQ(*us.captured_vs_predicted, 0);
  EXPECT_DOUBLE_EQ(*us.share_vs_predicted, 0);

  const PartyReview& them = r.parties[1];
  EXPECT_EQ(them.party, "acme");
  EXPECT_DOUBLE_EQ(them.value, -113000);
  EXPECT_NEAR(them.utility, 28000.0 / 49000, 1e-12);
  EXPECT_DOUBLE_EQ(them.gain, 17000);
  EXPECT_NEAR(them.share, 17.0 / 69, 1e-12);
  EXPECT_DOUBLE_EQ(*them.captured_vs_predicted, 0);
  EXPECT_EQ(them.reservation_range, std::make_pair(-140000.0, -120000.0));

  EXPECT_TRUE(r.left_on_table.efficient);
  EXPECT_EQ(r.left_on_table.dominated_by, 0u);
  EXPECT_FALSE(r.left_on_table.package.has_value());
  EXPECT_EQ(r.left_on_table.value_gain, std::vector<double>(2, 0.0));
  EXPECT_DOUBLE_EQ(r.left_on_table.joint_utility, 0);
  EXPECT_DOUBLE_EQ(*r.left_on_table.joint_money, 0);
  EXPECT_TRUE(r.left_on_table.relaxed_floors.empty());
  EXPECT_TRUE(r.floors_respected);
}

TEST(ReviewTest, ADominatedOutcomeInsideTheFloorsLeavesTheHandComputedGap) {
  const Case c = LoadExample("sales-renewal");
  const Review r = ReviewOf(c, Terms("120000", "1y", "net30", "standard"));
  // 120,000 to CloudCo (33,000 over 87,000), -120,000 to Acme (10,000 over -130,000).
  EXPECT_DOUBLE_EQ(r.parties[0].gain, 33000);
  EXPECT_DOUBLE_EQ(r.parties[1].gain, 10000);
  EXPECT_NEAR(r.parties[0].share, 33.0 / 43, 1e-12);
  EXPECT_NEAR(r.parties[1].share, 10.0 / 43, 1e-12);
  EXPECT_DOUBLE_EQ(*r.parties[0].captured_vs_predicted, 33000 - 52000);
  EXPECT_DOUBLE_EQ(*r.parties[1].captured_vs_predicted, 10000 - 17000);
  EXPECT_NEAR(*r.parties[0].share_vs_predicted, 33.0 / 43 - 52.0 / 69, 1e-12);
  EXPECT_TRUE(r.floors_respected);

  // 3y, net60 and premium add 26,000 jointly. Every price from 105,000 (CloudCo's floor) to
  // 127,000 (where Acme is back at -120,000) dominates; the most even split is at 114,000:
  // +13,000 each.
  const LeftOnTable& left = r.left_on_table;
  EXPECT_FALSE(left.efficient);
  ASSERT_TRUE(left.package.has_value());
  EXPECT_EQ(*left.package, ParseOutcome(c, Terms("114000", "3y", "net60", "premium")));
  EXPECT_DOUBLE_EQ(left.value_gain[0], 13000);
  EXPECT_DOUBLE_EQ(left.value_gain[1], 13000);
  EXPECT_DOUBLE_EQ(*left.joint_money, 26000);
  EXPECT_NEAR(left.utility_gain[0], 13000.0 / 61000, 1e-12);
  EXPECT_NEAR(left.utility_gain[1], 13000.0 / 49000, 1e-12);
  EXPECT_NEAR(left.joint_utility, 13000.0 / 61000 + 13000.0 / 49000, 1e-12);
  EXPECT_TRUE(left.relaxed_floors.empty());

  const Brute brute =
      BruteLeftOnTable(c, r.outcome, [&](const Outcome& o) { return AllFloors(c, o); });
  EXPECT_DOUBLE_EQ(brute.best_joint, 26000);
  EXPECT_EQ(left.dominated_by, brute.dominating_frontier_points);
}

TEST(ReviewTest, AnOutcomeThatCrossesAFloorIsMeasuredWithoutThatFloor) {
  const Case c = LoadExample("sales-renewal");
  const Review r = ReviewOf(c, Terms("120000", "1y", "net30", "named-engineer"));
  // 108,000 to CloudCo, -110,000 to Acme.
  EXPECT_DOUBLE_EQ(r.parties[0].value, 108000);
  EXPECT_DOUBLE_EQ(r.parties[1].value, -110000);
  EXPECT_DOUBLE_EQ(r.parties[0].gain, 21000);
  EXPECT_DOUBLE_EQ(r.parties[1].gain, 20000);
  EXPECT_DOUBLE_EQ(*r.parties[0].captured_vs_predicted, 21000 - 52000);
  EXPECT_DOUBLE_EQ(*r.parties[1].captured_vs_predicted, 20000 - 17000);

  EXPECT_FALSE(r.floors_respected);
  ASSERT_EQ(r.floors.size(), 3u);
  EXPECT_EQ(r.floors[0].party, "cloudco");
  EXPECT_EQ(r.floors[0].limit, "min 105,000");
  EXPECT_EQ(r.floors[0].value, "120,000");
  EXPECT_TRUE(r.floors[0].respected);
  EXPECT_EQ(r.floors[1].limit, "excludes named-engineer");
  EXPECT_FALSE(r.floors[1].respected);
  EXPECT_TRUE(r.floors[1].evidence.empty());
  EXPECT_EQ(r.floors[2].party, "acme");
  EXPECT_EQ(r.floors[2].limit, "max 135,000");
  EXPECT_TRUE(r.floors[2].respected);

  // The joint value goes from -2,000 to 26,000: 28,000. Prices from 105,000 to 117,000
  // dominate; the most even split within the price floor is at 105,000 (+16,000 and +12,000).
  const LeftOnTable& left = r.left_on_table;
  EXPECT_EQ(left.relaxed_floors,
            std::vector<std::string>{"cloudco's floor on support (excludes named-engineer)"});
  EXPECT_EQ(*left.package, ParseOutcome(c, Terms("105000", "3y", "net60", "premium")));
  EXPECT_DOUBLE_EQ(left.value_gain[0], 16000);
  EXPECT_DOUBLE_EQ(left.value_gain[1], 12000);
  EXPECT_DOUBLE_EQ(*left.joint_money, 28000);
  const Brute brute =
      BruteLeftOnTable(c, r.outcome, [&](const Outcome& o) { return PriceFloors(c, o); });
  EXPECT_DOUBLE_EQ(brute.best_joint, 28000);
  EXPECT_EQ(left.dominated_by, brute.dominating_frontier_points);
}

// The same outcome has the same utility and disagreement utility in `review` as in `evaluate`
// (analysis::ScoreOffer on the deal space within the floors), inside and outside the floors, and
// the same acceptance where the floors hold; the walk-away is the one every command states.
TEST(ReviewTest, UtilitiesAreThoseOfEvaluateOnEveryOutcome) {
  const Case c = LoadExample("sales-renewal");
  const power::PowerReport report = power::AnalysePower(c, Options());
  const analysis::Frontier frontier = analysis::ComputeDealFrontier(c);
  const OutcomeSpace space(c.issues);
  std::size_t crossed = 0, checked = 0;
  for (std::uint64_t k = 0; k < *space.Size64(); k += 7) {
    const Outcome o = space.At(k);
    const Review r = ReviewOutcome(c, o, report);
    const analysis::OfferScore score = analysis::ScoreOffer(c, frontier, o);
    ASSERT_EQ(r.parties.size(), score.parties.size());
    for (std::size_t i = 0; i < r.parties.size(); ++i) {
      EXPECT_EQ(r.parties[i].party, score.parties[i].party);
      EXPECT_NEAR(r.parties[i].utility, score.parties[i].utility, 1e-12) << k;
      EXPECT_NEAR(r.parties[i].disagreement, score.parties[i].disagreement, 1e-12) << k;
      EXPECT_DOUBLE_EQ(r.parties[i].value, score.parties[i].value) << k;
      if (score.parties[i].floors_broken.empty()) {
        EXPECT_EQ(r.parties[i].beats_batna, score.parties[i].accepts) << k;
      }
      EXPECT_DOUBLE_EQ(r.parties[i].reservation_value,
                       analysis::PartyWalkAway(c, r.parties[i].party).value);
    }
    crossed += r.floors_respected ? 0 : 1;
    ++checked;
  }
  EXPECT_GT(crossed, 0u);  // outcomes outside our floors were among them
  EXPECT_EQ(checked, 236u);
}

TEST(ReviewTest, LeftOnTableMatchesBruteForceAndSharesSumToOneOverEveryOutcome) {
  const Case c = LoadExample("sales-renewal");
  const power::PowerReport report = power::AnalysePower(c, Options());
  OutcomeSpace space(c.issues);
  Outcome o = space.First();
  std::size_t count = 0;
  do {
    ++count;
    const Review r = ReviewOutcome(c, o, report);
    double total = 0;
    for (const PartyReview& p : r.parties) total += p.share;
    EXPECT_NEAR(total, 1, 1e-12);
    const bool in_floors = AllFloors(c, o);
    // CloudCo's own floors: price at least 105,000 and no named engineer.
    EXPECT_EQ(r.floors_respected,
              Price(c, o) >= 105000 && c.issues[3].options[o[3]] != "named-engineer");
    const bool support_crossed = c.issues[3].options[o[3]] == "named-engineer";
    const Brute brute = BruteLeftOnTable(c, o, [&](const Outcome& x) {
      const double price = Price(c, x);
      const bool price_ok =
          (Price(c, o) < 105000 || price >= 105000) && (Price(c, o) > 135000 || price <= 135000);
      return price_ok && (support_crossed || c.issues[3].options[x[3]] != "named-engineer");
    });
    EXPECT_NEAR(r.left_on_table.joint_money.value_or(-1), brute.best_joint, 1e-6)
        << report::PackageText(c, o);
    EXPECT_EQ(r.left_on_table.dominated_by, brute.dominating_frontier_points);
    EXPECT_EQ(r.left_on_table.efficient, brute.best_joint == 0);
    EXPECT_EQ(r.left_on_table.relaxed_floors.empty(), in_floors);
  } while (space.Next(o));
  EXPECT_EQ(count, 1647u);
}

TEST(ReviewTest, ConcessionsAndFloorsComeFromTheCase) {
  const Case c = LoadExample("sales-renewal");
  const Review r = ReviewOf(c, Terms("120000", "1y", "net30", "standard"));
  ASSERT_EQ(r.concessions.totals.size(), 2u);
  EXPECT_EQ(r.concessions.totals[0].party, "cloudco");
  EXPECT_DOUBLE_EQ(r.concessions.totals[0].given, 22000);
  EXPECT_DOUBLE_EQ(r.concessions.totals[0].received, 27000);
  EXPECT_EQ(r.concessions.totals[0].one_way, 1u);
  EXPECT_DOUBLE_EQ(r.concessions.totals[1].given, 22000);
  EXPECT_DOUBLE_EQ(r.concessions.totals[1].received, 7000);
}

TEST(ReviewTest, TheQuestionsOfTheMethodCarryTheCasesAnswers) {
  const Case c = LoadExample("sales-renewal");
  const Review r = ReviewOf(c, Terms("120000", "1y", "net30", "standard"));
  std::vector<std::string> ids;
  for (const ReviewQuestion& q : r.questions) ids.push_back(q.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"power-trust", "standards", "deadlines", "surplus",
                                           "concessions", "floors", "role-reversal"}));
  const std::string unknown = "unknown \u2014 answer after the meeting";

  const ReviewQuestion& power = r.questions[0];
  EXPECT_EQ(power.answer[0], "Six-source balance of power: CloudCo 55% and Acme Corp 45%.");
  EXPECT_EQ(power.answer[1],
            "CloudCo captured 77% of the surplus against 75% predicted: its power converted "
            "into a larger share than the model expected. The surplus was smaller than "
            "predicted, so its gain fell short of the prediction all the same.");
  EXPECT_EQ(power.after_meeting.rfind(unknown, 0), 0u);

  const ReviewQuestion& standards = r.questions[1];
  ASSERT_EQ(standards.answer.size(), 3u);
  EXPECT_EQ(standards.answer[0],
            "benchmark-2026 (benchmark): Comparable deployments (200-500 seats) are priced "
            "between 110k and 140k a year [Industry price survey, 2026 edition, 2026-06-30]");
  EXPECT_EQ(standards.answer[1].rfind("acme-contract (legal): ", 0), 0u);
  EXPECT_EQ(standards.answer[2],
            "Check each against the outcome: price=120000, term=1y, payment=net30, "
            "support=standard.");

  const ReviewQuestion& deadlines = r.questions[2];
  ASSERT_EQ(deadlines.answer.size(), 3u);
  EXPECT_EQ(deadlines.answer[0],
            "CloudCo set 2026-12-15 for Acme Corp (the migration team and the Q1 slot are held "
            "only until the 15th); evidence: capacity-plan (Three version 5 migration slots "
            "remain in Q1; each needs the 4-person migration team for 6 weeks).");
  EXPECT_EQ(deadlines.answer[1],
            "CloudCo: no date, 2,000 a week of delay; no evidence: treat as unverified.");
  EXPECT_EQ(deadlines.answer[2],
            "Acme Corp: 2026-12-31 (5.9 weeks after the analysis date 2026-11-20), 2,500 a week "
            "of delay; evidence: acme-contract (The current contract ends 2026-12-31 and rolls to "
            "month-to-month at list price).");

  const ReviewQuestion& surplus = r.questions[3];
  EXPECT_EQ(surplus.answer,
            (std::vector<std::string>{
                "CloudCo: 33,000 over its walk-away of 87,000, 77% of the surplus; predicted "
                "52,000 and 75%: 19,000 less than predicted.",
                "Acme Corp: 10,000 over its walk-away of -130,000, 23% of the surplus; predicted "
                "17,000 and 25%: 7,000 less than predicted.",
                "Left on the table: 26,000 jointly (CloudCo 13,000 and Acme Corp 13,000) at "
                "price=114000, term=3y, payment=net60, support=premium."}));
  EXPECT_TRUE(surplus.after_meeting.empty());

  const ReviewQuestion& concessions = r.questions[4];
  EXPECT_EQ(concessions.answer,
            (std::vector<std::string>{
                "CloudCo gave 22,000 and received 27,000 over 3 entries; one-way (nothing asked "
                "in return): 'first price move'.",
                "Acme Corp gave 22,000 and received 7,000 over 1 entry; none one-way."}));

  const ReviewQuestion& floors = r.questions[5];
  ASSERT_EQ(floors.answer.size(), 3u);
  EXPECT_EQ(floors.answer[0],
            "CloudCo's floor on price (min 105,000): held at 120,000; evidence: discount-policy "
            "(Discounts beyond 30% off list (below 105k) need the CFO's written approval).");
  EXPECT_EQ(floors.answer[1],
            "CloudCo's floor on support (excludes named-engineer): held at standard; no "
            "evidence: treat as unverified.");

  const ReviewQuestion& reversal = r.questions[6];
  EXPECT_EQ(reversal.answer,
            (std::vector<std::string>{
                "Acme Corp: value -120,000, 10,000 better than its walk-away of -130,000 (it "
                "beats its BATNA); 23% of the surplus, 25% predicted. It beats its BATNA across "
                "the whole range (-140,000 to -120,000)."}));
}

// Names ending in s take the possessive "Harbor Hotels'", never "Harbor Hotels's".
TEST(ReviewTest, PossessivesOfNamesEndingInSHaveNoExtraS) {
  Case c = LoadExample("sales-renewal");
  c.parties[0].name = "Harbor Hotels";
  c.parties[1].name = "Fresh Foods";
  const Review r = ReviewOf(c, Terms("120000", "1y", "net30", "standard"));
  const ReviewQuestion& floors = r.questions[5];
  ASSERT_FALSE(floors.answer.empty());
  EXPECT_EQ(floors.answer[0].rfind("Harbor Hotels' floor on price (min 105,000)", 0), 0u)
      << floors.answer[0];
  bool bluffs = false;
  for (const ReviewQuestion& q : r.questions) {
    for (const std::string& line : q.answer) {
      EXPECT_EQ(line.find("s's "), std::string::npos) << line;
      bluffs = bluffs || line.find("Fresh Foods' ") != std::string::npos;
    }
  }
  EXPECT_TRUE(bluffs);  // the unsupported claims of the power question name Fresh Foods'
}

TEST(ReviewTest, RoleReversalReviewsFromTheOtherChair) {
  const Case c = LoadExample("sales-renewal");
  power::PowerOptions options = Options();
  options.as = "acme";
  // Crosses CloudCo's floor, not Acme's: from Acme's chair its own floors held.
  const Review r = ReviewOf(c, Terms("120000", "1y", "net30", "named-engineer"), options);
  EXPECT_EQ(r.perspective, "acme");
  EXPECT_TRUE(r.floors_respected);
  EXPECT_EQ(r.questions[6].answer.size(), 1u);
  EXPECT_EQ(r.questions[6].answer[0].rfind("CloudCo: value 108,000", 0), 0u);
}

TEST(ReviewTest, BadTermsAreNamedWithHints) {
  const Case c = LoadExample("sales-renewal");
  const ParsedOutcome typo = TryParseOutcome(
      c, {{"prise", "120000"}, {"term", "1y"}, {"payment", "net30"}, {"support", "premum"}});
  EXPECT_FALSE(typo.outcome.has_value());
  EXPECT_EQ(typo.problems,
            (std::vector<std::string>{
                "unknown issue 'prise' (did you mean 'price'?)",
                "issue 'support' has no option 'premum' (did you mean 'premium'?)",
                "the outcome leaves out 'price'; an outcome gives every issue a value"}));
  EXPECT_EQ(TryParseOutcome(c, Terms("120500", "1y", "net30", "standard")).problems,
            std::vector<std::string>{"issue 'price' cannot take 120500: values run from 90000 to "
                                     "150000 in steps of 1000 (nearest: 121000)"});
  EXPECT_EQ(TryParseOutcome(c, Terms("cheap", "1y", "net30", "standard")).problems,
            std::vector<std::string>{"issue 'price' takes a number, not 'cheap'"});
  EXPECT_EQ(TryParseOutcome(c, {{"price", "120000"}, {"term", "1y"}}).problems,
            std::vector<std::string>{
                "the outcome leaves out 'payment', 'support'; an outcome gives every issue a "
                "value"});
  try {
    ParseOutcome(c, {{"price", "120000"},
                     {"price", "121000"},
                     {"term", "1y"},
                     {"payment", "net30"},
                     {"support", "standard"}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
    EXPECT_STREQ(e.what(), "issue 'price' is given more than once");
  }
}

TEST(ReviewTest, ErrorsWhenThereIsNothingToCompareWith) {
  const Case c = LoadExample("sales-renewal");
  const power::PowerReport report = power::AnalysePower(c, Options());
  try {
    ReviewOutcome(c, Outcome{0, 0, 0}, report);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
  EXPECT_THROW(ReviewOutcome(c, Outcome{61, 0, 0, 0}, report), Error);

  Case one = c;
  one.values.pop_back();
  const power::PowerReport alone = power::AnalysePower(one, Options());
  try {
    ReviewOutcome(one, Outcome{30, 0, 0, 0}, alone);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
  }
}

TEST(ReviewTest, UtilityFormCasesAreReviewedInUtility) {
  using namespace ::parley::testing;
  Case c;
  c.title = "utility";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {OptionsIssue("x", {"x1", "x2"}), OptionsIssue("y", {"y1", "y2"})};
  // a: x 0.6, y 0.4; b: x 0.3, y 0.7. a likes x1 and y1; b likes x2 and y2.
  c.values = {UtilityValues("a", {Term("x", Table({{"x1", 1}, {"x2", 0}}), 0.6),
                                  Term("y", Table({{"y1", 1}, {"y2", 0}}), 0.4)}),
              UtilityValues("b", {Term("x", Table({{"x1", 0}, {"x2", 1}}), 0.3),
                                  Term("y", Table({{"y1", 0}, {"y2", 1}}), 0.7)})};
  // x2, y1 gives a 0.4 and b 0.3; x1, y2 gives a 0.6 and b 0.7 and is the only outcome that
  // dominates it (x1, y1 is 1 and 0; x2, y2 is 0 and 1).
  const Review r = ReviewOf(c, {{"x", "x2"}, {"y", "y1"}});
  EXPECT_FALSE(r.share_in_money);
  EXPECT_FALSE(r.parties[0].money);
  EXPECT_DOUBLE_EQ(r.parties[0].value, 0.4);
  EXPECT_DOUBLE_EQ(r.parties[1].value, 0.3);
  EXPECT_NEAR(r.parties[0].share + r.parties[1].share, 1, 1e-12);
  const LeftOnTable& left = r.left_on_table;
  EXPECT_FALSE(left.joint_money.has_value());
  ASSERT_TRUE(left.package.has_value());
  EXPECT_EQ(*left.package, (Outcome{0, 1}));
  EXPECT_NEAR(left.utility_gain[0], 0.2, 1e-12);
  EXPECT_NEAR(left.utility_gain[1], 0.4, 1e-12);
  EXPECT_NEAR(left.joint_utility, 0.6, 1e-12);
  EXPECT_NEAR(left.value_gain[1], 0.4, 1e-12);
  EXPECT_EQ(left.dominated_by, 1u);
}

}  // namespace
}  // namespace parley::plan
