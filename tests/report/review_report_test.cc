// What `parley review` prints, on the sales renewal example closed at 120,000 for one year,
// net 30, standard support: the party rows worked out by hand, the sections in order, and the
// JSON keys in documented order with the review's figures.
#include "parley/report/review_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "brief_fixture.h"
#include "parley/core/case.h"
#include "parley/core/outcome_terms.h"
#include "parley/plan/review.h"
#include "parley/power/analysis.h"
#include "parley/report/outcome_format.h"
#include "testing/examples.h"
#include "testing/json_keys.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

const plan::Review& TheReview() {
  static const plan::Review r = [] {
    power::PowerOptions options;
    options.samples = 200;
    const Outcome outcome = ParseOutcome(
        Renewal(),
        {{"price", "120000"}, {"term", "1y"}, {"payment", "net30"}, {"support", "standard"}});
    return plan::ReviewOutcome(Renewal(), outcome, power::AnalysePower(Renewal(), options));
  }();
  return r;
}

// Within the floors (price 105,000 to 135,000, no named engineer) CloudCo's values run from
// 99,000 (105,000, 1y, net60, premium) to 160,000 (135,000, 3y, net30, standard) and its
// walk-away is 100,000 - 13,000 = 87,000: the outcome is worth 120,000, utility 21/61 (as
// evaluate reads it), a gain of 33,000. Acme's run from -141,000 to -92,000 and its walk-away
// is the midpoint -130,000: -120,000 is utility 21/49, a gain of 10,000. Shares of the 43,000
// surplus: 77% and 23%.
TEST(ReviewReportTest, TextWorkedOutByHand) {
  const std::string text = RenderReviewText(Renewal(), TheReview());
  const std::string head =
      "Review: Enterprise SaaS renewal with Acme\n"
      "From the chair of CloudCo (cloudco); money in USD, utilities 0..1 on each party's scale "
      "over the deals within the floors\n"
      "\n"
      "Outcome:   price=120000, term=1y, payment=net30, support=standard\n"
      "Predicted: ";
  EXPECT_EQ(text.substr(0, head.size()), head);
  ASSERT_TRUE(TheReview().predicted);
  EXPECT_NE(text.find("\nPredicted: " + PackageText(Renewal(), *TheReview().predicted) + "\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n  CloudCo        120,000   0.3443       87,000       33,000    77%   "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  Acme Corp     -120,000   0.4286     -130,000       10,000    23%   "),
            std::string::npos);
}

TEST(ReviewReportTest, SectionsInOrder) {
  const plan::Review& r = TheReview();
  const std::string text = RenderReviewText(Renewal(), r);
  std::size_t at = 0;
  for (const char* heading :
       {"\n  party ", "\nLeft on the table:\n", "\nFloors: CloudCo kept every one of its floors\n",
        "\nConcessions (valued against holding out):\n", "\nReview questions:\n"}) {
    const std::size_t found = text.find(heading, at);
    ASSERT_NE(found, std::string::npos) << heading << "\n" << text;
    at = found + 1;
  }
  // The first price move asked nothing back; two entries carry a trigger.
  EXPECT_NE(text.find("\n  one-way: 'first price move' by CloudCo\n"), std::string::npos);
  EXPECT_NE(text.find("\n  trigger: 'payment terms for a longer term' by CloudCo: only if the "
                      "2-year term is signed by 2026-12-15, when the migration slot is released\n"),
            std::string::npos)
      << text;
  const Json j = ReviewJson(Renewal(), "renewal.yaml", r);
  EXPECT_TRUE(j["concessions"]["entries"][0]["trigger"].is_null());
  EXPECT_EQ(j["concessions"]["entries"][3]["trigger"],
            "only together with the 2-year term; premium alone stays a paid add-on");
  // Every floor limit, each held.
  ASSERT_EQ(r.floors.size(), 3u);  // CloudCo's price min and support exclusion, Acme's price max
  for (const plan::FloorCheck& f : r.floors) {
    EXPECT_NE(text.find(" " + f.issue + " "), std::string::npos);
    EXPECT_NE(text.find(" " + f.limit + " "), std::string::npos) << f.limit;
    EXPECT_NE(text.find(" held    at " + f.value + "\n"), std::string::npos) << f.value;
  }
  EXPECT_EQ(text.find("CROSSED"), std::string::npos);
  // The questions numbered in order, with their answers.
  ASSERT_EQ(r.questions.size(), 7u);
  std::size_t q_at = text.find("\nReview questions:\n");
  for (std::size_t k = 0; k < r.questions.size(); ++k) {
    const std::size_t found =
        text.find("\n" + std::to_string(k + 1) + ". " + r.questions[k].question + "\n", q_at);
    ASSERT_NE(found, std::string::npos) << r.questions[k].id;
    q_at = found + 1;
    for (const std::string& line : r.questions[k].answer) {
      EXPECT_NE(text.find("   - " + line + "\n", found), std::string::npos);
    }
  }
}

TEST(ReviewReportTest, JsonKeysInDocumentedOrder) {
  const Json j = ReviewJson(Renewal(), "renewal.yaml", TheReview());
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"command", "file", "perspective", "outcome", "predicted",
                                      "share_in_money", "parties", "left_on_table",
                                      "floors_respected", "floors", "concessions", "questions"}));
  EXPECT_EQ(Keys(j["parties"]), (std::vector<std::string>{"cloudco", "acme"}));
  EXPECT_EQ(Keys(j["parties"]["cloudco"]),
            (std::vector<std::string>{
                "money", "value", "utility", "reservation_value", "disagreement", "gain", "share",
                "beats_batna", "predicted_value", "predicted_utility", "predicted_gain",
                "predicted_share", "captured_vs_predicted", "share_vs_predicted"}));
  EXPECT_EQ(Keys(j["left_on_table"]),
            (std::vector<std::string>{"efficient", "dominated_by_count", "outcome", "gain",
                                      "joint_utility", "joint_money", "relaxed_floors"}));
  ASSERT_FALSE(j["floors"].empty());
  EXPECT_EQ(Keys(j["floors"][0]), (std::vector<std::string>{"party", "issue", "limit", "value",
                                                            "respected", "evidence"}));
  EXPECT_EQ(Keys(j["concessions"]), (std::vector<std::string>{"entries", "totals"}));
  EXPECT_EQ(Keys(j["concessions"]["entries"][0]),
            (std::vector<std::string>{"item", "giver", "receiver", "given", "received", "one_way",
                                      "trigger"}));
  EXPECT_EQ(Keys(j["questions"][0]),
            (std::vector<std::string>{"id", "question", "answer", "after_meeting"}));
}

TEST(ReviewReportTest, JsonFiguresWorkedOutByHand) {
  const plan::Review& r = TheReview();
  const Json j = ReviewJson(Renewal(), "renewal.yaml", r);
  EXPECT_EQ(j["command"], "review");
  EXPECT_EQ(j["file"], "renewal.yaml");
  EXPECT_EQ(j["perspective"], "cloudco");
  EXPECT_EQ(
      j["outcome"],
      (Json{{"price", 120000.0}, {"term", "1y"}, {"payment", "net30"}, {"support", "standard"}}));
  EXPECT_EQ(j["predicted"], OutcomeJson(Renewal(), *r.predicted));
  EXPECT_EQ(j["share_in_money"], true);
  const Json& cloudco = j["parties"]["cloudco"];
  EXPECT_EQ(cloudco["money"], true);
  EXPECT_EQ(cloudco["value"], 120000.0);
  EXPECT_EQ(cloudco["reservation_value"], 87000.0);
  EXPECT_EQ(cloudco["gain"], 33000.0);
  EXPECT_NEAR(cloudco["utility"].get<double>(), 21.0 / 61, 1e-12);
  EXPECT_NEAR(cloudco["share"].get<double>(), 33.0 / 43, 1e-12);
  EXPECT_EQ(cloudco["beats_batna"], true);
  EXPECT_EQ(cloudco["predicted_gain"], *r.parties[0].predicted_gain);
  EXPECT_NEAR(cloudco["captured_vs_predicted"].get<double>(),
              33000.0 - *r.parties[0].predicted_gain, 1e-6);
  const Json& acme = j["parties"]["acme"];
  EXPECT_EQ(acme["reservation_value"], -130000.0);
  EXPECT_EQ(acme["gain"], 10000.0);
  EXPECT_NEAR(acme["share"].get<double>(), 10.0 / 43, 1e-12);

  EXPECT_EQ(j["left_on_table"]["efficient"], r.left_on_table.efficient);
  EXPECT_EQ(j["left_on_table"]["dominated_by_count"], r.left_on_table.dominated_by);
  EXPECT_EQ(j["floors_respected"], true);
  ASSERT_EQ(j["floors"].size(), r.floors.size());
  for (std::size_t k = 0; k < r.floors.size(); ++k) {
    const plan::FloorCheck& f = r.floors[k];
    EXPECT_EQ(j["floors"][k], (Json{{"party", f.party},
                                    {"issue", f.issue},
                                    {"limit", f.limit},
                                    {"value", f.value},
                                    {"respected", f.respected},
                                    {"evidence", f.evidence}}));
  }
  EXPECT_EQ(j["floors"][0]["party"], "cloudco");
  EXPECT_EQ(j["floors"][0]["issue"], "price");
  EXPECT_EQ(j["floors"][0]["evidence"], Json::array({"discount-policy"}));
  EXPECT_EQ(j["floors"][1]["limit"], "excludes named-engineer");
  EXPECT_EQ(j["floors"][1]["value"], "standard");
  EXPECT_EQ(j["floors"][2]["party"], "acme");
  EXPECT_EQ(j["concessions"]["entries"].size(), 4u);
  EXPECT_EQ(j["concessions"]["entries"][0]["one_way"], true);
  std::vector<std::string> ids;
  for (const Json& q : j["questions"]) ids.push_back(q["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"power-trust", "standards", "deadlines", "surplus",
                                           "concessions", "floors", "role-reversal"}));
}

}  // namespace
}  // namespace parley::report
