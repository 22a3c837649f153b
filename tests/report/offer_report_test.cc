// What `parley evaluate` prints, on a small case worked out by hand: the party table with money
// separators, acceptance, the best improvement with its gains, and the JSON in documented order.
#include "parley/report/offer_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/analysis/offer.h"
#include "parley/report/outcome_format.h"
#include "support_case.h"
#include "testing/case_builders.h"
#include "testing/json_keys.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

// SupportCase() (support_case.h): walk-aways a 105,000, b -125,000.
// 110,000 with standard support: worth 110,000 to a (utility 15/35) and -110,000 to b (20/45).
// Only 120,000 with premium (115,000 and -105,000) dominates it: each side gains 5,000.
const Outcome kStandard110 = {1, 0};
// 120,000 with premium: on the frontier.
const Outcome kPremium120 = {2, 1};

TEST(OfferReportTest, DominatedOfferTextWorkedOutByHand) {
  const Case c = SupportCase();
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  EXPECT_EQ(RenderOfferText(c, f, analysis::ScoreOffer(c, f, kStandard110)),
            "Support renewal\n"
            "Offer: price=110000, support=standard\n"
            "Utilities run from 0 (a party's worst deal) to 1 (its best); values are in USD.\n"
            "\n"
            "  party                     value   utility   walk-away utility  accepts\n"
            "  a                       110,000    0.4286              0.2857  yes\n"
            "  b                      -110,000    0.4444              0.1111  yes\n"
            "\n"
            "Every party would accept this offer (each utility is at least its walk-away).\n"
            "Not Pareto-efficient: 1 frontier point is better for some party and worse for none.\n"
            "\n"
            "Best improvement (the largest gain for the party that gains least):\n"
            "  price=120000, support=premium\n"
            "    a                gains 0.1429 utility (+5,000 USD)\n"
            "    b                gains 0.1111 utility (+5,000 USD)\n"
            "    every party would accept it\n"
            "Left on the table: the gains above, which both sides could still have at no cost "
            "to either.\n");
}

TEST(OfferReportTest, EfficientAndRefusedOffers) {
  const Case c = SupportCase();
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const std::string efficient = RenderOfferText(c, f, analysis::ScoreOffer(c, f, kPremium120));
  const std::string last =
      "Pareto-efficient: no package is better for one party without being worse for another; "
      "nothing is left on the table.\n";
  ASSERT_GE(efficient.size(), last.size());
  EXPECT_EQ(efficient.substr(efficient.size() - last.size()), last);
  EXPECT_EQ(efficient.find("Best improvement"), std::string::npos);

  // 100,000 standard is worth 100,000 to a, below its 105,000 walk-away.
  const std::string refused = RenderOfferText(c, f, analysis::ScoreOffer(c, f, {0, 0}));
  EXPECT_NE(refused.find("\n  a                       100,000    0.1429              0.2857  no\n"),
            std::string::npos)
      << refused;
  EXPECT_NE(
      refused.find("\nNot every party would accept this offer: it is below someone's walk-away.\n"),
      std::string::npos);
}

TEST(OfferReportTest, JsonKeysInDocumentedOrder) {
  const Case c = SupportCase();
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const Json j = OfferJson(c, "deal.yaml", f, analysis::ScoreOffer(c, f, kStandard110));
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"command", "file", "offer", "parties", "acceptable",
                                               "efficient", "dominated_by_count",
                                               "best_improvement", "tied_improvements"}));
  EXPECT_EQ(j["command"], "evaluate");
  EXPECT_EQ(j["file"], "deal.yaml");
  EXPECT_EQ(Keys(j["parties"]), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Keys(j["parties"]["a"]), (std::vector<std::string>{"value", "utility", "disagreement",
                                                               "accepts", "floors_broken"}));
  EXPECT_EQ(
      Keys(j["best_improvement"]),
      (std::vector<std::string>{"outcome", "utility", "value", "gain", "min_gain", "acceptable"}));
  EXPECT_EQ(Keys(j["best_improvement"]["gain"]["a"]),
            (std::vector<std::string>{"utility", "value"}));
}

TEST(OfferReportTest, JsonValuesWorkedOutByHand) {
  const Case c = SupportCase();
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const Json j = OfferJson(c, "deal.yaml", f, analysis::ScoreOffer(c, f, kStandard110));
  EXPECT_EQ(j["offer"], OutcomeJson(c, kStandard110));
  EXPECT_EQ(j["offer"]["price"], 110000.0);
  EXPECT_EQ(j["parties"]["a"]["value"], 110000.0);
  EXPECT_EQ(j["parties"]["b"]["value"], -110000.0);
  EXPECT_NEAR(j["parties"]["a"]["utility"].get<double>(), 15.0 / 35, 1e-12);
  EXPECT_NEAR(j["parties"]["b"]["disagreement"].get<double>(), 1.0 / 9, 1e-12);
  EXPECT_EQ(j["acceptable"], true);
  EXPECT_EQ(j["efficient"], false);
  EXPECT_EQ(j["dominated_by_count"], 1);
  const Json& best = j["best_improvement"];
  EXPECT_EQ(best["outcome"], (Json{{"price", 120000.0}, {"support", "premium"}}));
  EXPECT_EQ(best["value"], (Json{{"a", 115000.0}, {"b", -105000.0}}));
  EXPECT_NEAR(best["gain"]["a"]["value"].get<double>(), 5000, 1e-6);
  EXPECT_NEAR(best["gain"]["b"]["value"].get<double>(), 5000, 1e-6);
  EXPECT_NEAR(best["gain"]["a"]["utility"].get<double>(), 5.0 / 35, 1e-12);
  EXPECT_NEAR(best["min_gain"].get<double>(), 5.0 / 45, 1e-12);
  EXPECT_EQ(best["acceptable"], true);
  EXPECT_TRUE(j["tied_improvements"].is_array());
  EXPECT_TRUE(j["tied_improvements"].empty());

  const Json efficient = OfferJson(c, "deal.yaml", f, analysis::ScoreOffer(c, f, kPremium120));
  EXPECT_EQ(efficient["efficient"], true);
  EXPECT_EQ(efficient["dominated_by_count"], 0);
  EXPECT_TRUE(efficient["best_improvement"].is_null());
}

}  // namespace
}  // namespace parley::report
