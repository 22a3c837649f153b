// End-to-end tests of `parley review` on the sales renewal (figures worked by hand in
// tests/plan/review_test.cc): the text report, the JSON contract, role reversal and errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_harness.h"

namespace {

using parley::testing::Parley;
using parley::testing::Result;
using Json = nlohmann::json;

const std::string kCase = "review examples/sales-renewal.yaml ";
// Inside every floor, dominated: 3y, net60 and premium would add 26,000 jointly.
const std::string kDominated = "--outcome price=120000,term=1y,payment=net30,support=standard";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CliReviewTest, TextReportShowsTheFiguresAndTheQuestions) {
  const Result r = Parley(kCase + kDominated);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string& out = r.out;
  EXPECT_TRUE(Has(out, "Review: Enterprise SaaS renewal with Acme\n")) << out;
  EXPECT_TRUE(Has(out, "Outcome:   price=120000, term=1y, payment=net30, support=standard\n"));
  EXPECT_TRUE(Has(out, "Predicted: price=120000, term=3y, payment=net60, support=premium\n"));
  EXPECT_TRUE(Has(out,
                  "  CloudCo        120,000   0.3443       87,000       33,000    77%         "
                  "52,000    75%       -19,000  yes\n"))
      << out;
  EXPECT_TRUE(Has(out,
                  "  Acme Corp     -120,000   0.4286     -130,000       10,000    23%         "
                  "17,000    25%        -7,000  yes\n"))
      << out;
  EXPECT_TRUE(Has(out, "  price=114000, term=3y, payment=net60, support=premium\n"));
  EXPECT_TRUE(Has(out, "    CloudCo   gains 0.2131 utility (+13,000)\n"));
  EXPECT_TRUE(Has(out, "    Acme Corp gains 0.2653 utility (+13,000)\n"));
  EXPECT_TRUE(Has(out, "  joint gain: 0.4784 utility, 26,000 in money\n"));
  EXPECT_TRUE(Has(out, "Floors: CloudCo kept every one of its floors\n"));
  EXPECT_TRUE(Has(out, "  one-way: 'first price move' by CloudCo\n"));
  EXPECT_TRUE(Has(out, "\n3. Were the deadlines real?\n"));
  EXPECT_TRUE(Has(out,
                  "   - Left on the table: 26,000 jointly (CloudCo 13,000 and Acme Corp 13,000) "
                  "at price=114000, term=3y, payment=net60, support=premium.\n"));
  EXPECT_TRUE(Has(out, "   ? unknown \u2014 answer after the meeting: "));
}

TEST(CliReviewTest, ThePredictedDealLeavesNothingOnTheTable) {
  const Result r = Parley(kCase + "--outcome price=120000,term=3y,payment=net60,support=premium");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Left on the table:\n  nothing: ")) << r.out;
  EXPECT_TRUE(Has(r.out, "52,000    75%             0  yes\n")) << r.out;
}

TEST(CliReviewTest, JsonHasTheDocumentedKeysAndFigures) {
  const Result r = Parley(kCase + kDominated + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  for (const char* key :
       {"command", "file", "perspective", "outcome", "predicted", "share_in_money", "parties",
        "left_on_table", "floors_respected", "floors", "concessions", "questions"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["command"], "review");
  EXPECT_EQ(j["file"], "examples/sales-renewal.yaml");
  EXPECT_EQ(j["perspective"], "cloudco");
  EXPECT_EQ(j["outcome"]["price"], 120000.0);
  EXPECT_EQ(j["outcome"]["support"], "standard");
  EXPECT_EQ(j["predicted"]["term"], "3y");

  const Json& us = j["parties"]["cloudco"];
  for (const char* key :
       {"money", "value", "utility", "reservation_value", "disagreement", "gain", "share",
        "beats_batna", "predicted_value", "predicted_utility", "predicted_gain", "predicted_share",
        "captured_vs_predicted", "share_vs_predicted"}) {
    EXPECT_TRUE(us.contains(key)) << key;
  }
  EXPECT_EQ(us["value"], 120000.0);
  EXPECT_EQ(us["gain"], 33000.0);
  EXPECT_EQ(us["predicted_value"], 139000.0);
  EXPECT_EQ(us["captured_vs_predicted"], -19000.0);
  EXPECT_EQ(us["beats_batna"], true);
  EXPECT_NEAR(us["share"].get<double>() + j["parties"]["acme"]["share"].get<double>(), 1, 1e-12);
  EXPECT_EQ(j["parties"]["acme"]["captured_vs_predicted"], -7000.0);

  const Json& left = j["left_on_table"];
  EXPECT_EQ(left["efficient"], false);
  EXPECT_EQ(left["outcome"]["price"], 114000.0);
  EXPECT_EQ(left["gain"]["cloudco"]["value"], 13000.0);
  EXPECT_EQ(left["gain"]["acme"]["value"], 13000.0);
  EXPECT_EQ(left["joint_money"], 26000.0);
  EXPECT_EQ(left["relaxed_floors"], Json::array());
  EXPECT_EQ(j["floors_respected"], true);
  EXPECT_EQ(j["floors"].size(), 3u);
  EXPECT_EQ(j["concessions"]["totals"]["cloudco"]["given"], 22000.0);
  EXPECT_EQ(j["concessions"]["totals"]["cloudco"]["received"], 27000.0);
  EXPECT_EQ(j["concessions"]["entries"][0]["one_way"], true);
  ASSERT_EQ(j["questions"].size(), 7u);
  EXPECT_EQ(j["questions"][3]["id"], "surplus");
  EXPECT_TRUE(j["questions"][3]["after_meeting"].is_null());
  EXPECT_EQ(j["questions"][2]["id"], "deadlines");
  // The date CloudCo set for Acme, then each party's own time pressure.
  EXPECT_EQ(j["questions"][2]["answer"].size(), 3u);
}

// On the buyer's produce case (with floors and no BATNA of ours), review and evaluate give the
// same outcome the same utilities and disagreement utilities, inside and outside the floors;
// review's walk-away is the one show states; each log entry's trigger is shown in text and JSON.
TEST(CliReviewTest, UtilitiesMatchEvaluateAndTriggersAreShown) {
  const std::string file = "tests/data/good/produce-buyer.yaml";
  for (const std::string terms :
       {"price=230000,payment=60,delivery=twice-weekly", "price=260000,payment=30,delivery=daily",
        "price=200000,payment=90,delivery=weekly"}) {
    const Result review = Parley("review " + file + " --outcome " + terms + " --format json");
    ASSERT_EQ(review.exit_code, 0) << review.err;
    const Result evaluate = Parley("evaluate " + file + " --offer " + terms + " --format json");
    ASSERT_EQ(evaluate.exit_code, 0) << evaluate.err;
    const Json r = Json::parse(review.out);
    const Json e = Json::parse(evaluate.out);
    for (const char* party : {"harbor", "fresh"}) {
      EXPECT_NEAR(r["parties"][party]["utility"].get<double>(),
                  e["parties"][party]["utility"].get<double>(), 1e-12)
          << terms << " " << party;
      EXPECT_NEAR(r["parties"][party]["disagreement"].get<double>(),
                  e["parties"][party]["disagreement"].get<double>(), 1e-12)
          << terms << " " << party;
    }
    EXPECT_EQ(r["parties"]["harbor"]["reservation_value"], -244000.0);
    EXPECT_TRUE(r["concessions"]["entries"][0]["trigger"].is_null());
    EXPECT_EQ(r["concessions"]["entries"][1]["trigger"], "only with daily delivery confirmed");
  }
  const Result text =
      Parley("review " + file + " --outcome price=230000,payment=60,delivery=twice-weekly");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(Has(text.out,
                  "  trigger: 'our move on price' by Harbor Hotels: only with daily delivery "
                  "confirmed\n"))
      << text.out;
  EXPECT_TRUE(Has(text.out, "  Harbor Hotels     -213,000   0.4844     -244,000")) << text.out;
}

TEST(CliReviewTest, ACrossedFloorIsReportedAndLeftOutOfTheYardstick) {
  const Result r = Parley(kCase +
                          "--outcome price=120000,term=1y,payment=net30,support=named-engineer "
                          "--format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["floors_respected"], false);
  EXPECT_EQ(j["left_on_table"]["relaxed_floors"],
            Json::array({"cloudco's floor on support (excludes named-engineer)"}));
  EXPECT_EQ(j["left_on_table"]["joint_money"], 28000.0);
  EXPECT_EQ(j["left_on_table"]["outcome"]["price"], 105000.0);

  // From Acme's chair its own floor held.
  const Result acme = Parley(kCase +
                             "--outcome price=120000,term=1y,payment=net30,support=named-engineer "
                             "--as acme --format json");
  ASSERT_EQ(acme.exit_code, 0) << acme.err;
  const Json a = Json::parse(acme.out);
  EXPECT_EQ(a["perspective"], "acme");
  EXPECT_EQ(a["floors_respected"], true);
}

TEST(CliReviewTest, BadOutcomesExitWithExactMessages) {
  Result r = Parley(kCase + "--outcome prise=120000,term=1y,payment=net30,support=premum");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "parley: error: --outcome: unknown issue 'prise' (did you mean 'price'?)\n"
            "parley: error: --outcome: issue 'support' has no option 'premum' (did you mean "
            "'premium'?)\n"
            "parley: error: --outcome: the outcome leaves out 'price'; an outcome gives every "
            "issue a value\n");
  r = Parley(kCase + "--outcome price=120500,term=1y,payment=net30,support=standard");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "parley: error: --outcome: issue 'price' cannot take 120500: values run from 90000 "
            "to 150000 in steps of 1000 (nearest: 121000)\n");
  r = Parley(kCase + "--outcome price=120000,term=1y");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "parley: error: --outcome: the outcome leaves out 'payment', 'support'; an outcome "
            "gives every issue a value\n");
  r = Parley(kCase + "--outcome price,term=1y");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "parley: error: --outcome takes issue=value pairs, not 'price'\n");
  r = Parley(kCase + kDominated + " --as acem");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "parley: error: --as: no party 'acem' in the case (did you mean 'acme'?)\n");
  EXPECT_EQ(Parley(kCase + kDominated + " --today 2026-13-01").exit_code, 2);
  EXPECT_EQ(Parley("review examples/sales-renewal.yaml").exit_code, 2);
  EXPECT_EQ(Parley("review tests/data/bad/references.yaml --outcome price=1").exit_code, 3);
}

TEST(CliReviewTest, HelpDescribesTheCommand) {
  const Result r = Parley("help review");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(Has(r.out, "--outcome")) << r.out;
  EXPECT_TRUE(Has(r.out, "docs/plan.md")) << r.out;
}

}  // namespace
