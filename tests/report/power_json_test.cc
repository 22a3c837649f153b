// The power report as JSON (the `parley power --format json` contract), on the sales renewal
// example: keys in their documented order, the command and file in front and the svg at the
// end, figures equal to the report's, and each pitfall as {id, party, message, fields}.
#include "parley/report/power_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "brief_fixture.h"
#include "parley/core/case.h"
#include "parley/power/analysis.h"
#include "parley/power/pitfalls.h"
#include "parley/report/outcome_format.h"
#include "testing/examples.h"
#include "testing/json_keys.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

const std::vector<std::string> kReportKeys = {
    "perspective", "options",     "balance",    "parties",    "sources",  "structural",
    "lenses",      "unsupported", "perception", "floors",     "leverage", "weights",
    "prediction",  "levers",      "pitfalls",   "assumptions"};

TEST(PowerJsonTest, KeysInDocumentedOrder) {
  const Json j = PowerReportJson(RenewalPower());
  EXPECT_EQ(Keys(j), kReportKeys);
  EXPECT_EQ(
      Keys(j["options"]),
      (std::vector<std::string>{"seed", "samples", "unscored_score", "power_band", "base_rate",
                                "deadline_weight", "today", "perception_threshold", "batna_step",
                                "deadline_step_weeks", "delay_cost_cut", "price_only_share"}));
  EXPECT_EQ(Keys(j["sources"]),
            (std::vector<std::string>{"situational", "knowledge", "information", "organizational",
                                      "personal", "planning"}));
  EXPECT_EQ(
      Keys(j["sources"]["situational"]["cloudco"]),
      (std::vector<std::string>{"score", "share", "confidence", "confidence_level", "evidence"}));
  EXPECT_EQ(Keys(j["perception"]),
            (std::vector<std::string>{"perspective", "felt_share", "assessed_share", "parties"}));
  EXPECT_EQ(Keys(j["leverage"]), (std::vector<std::string>{"today", "today_source",
                                                           "unknown_deadline_weeks", "parties"}));
  EXPECT_EQ(Keys(j["prediction"]),
            (std::vector<std::string>{"parties", "disagreement", "outcome", "utility", "value",
                                      "gain", "share", "share_in_money", "ties", "perspective",
                                      "seed", "samples", "uncertain", "zopa_probability",
                                      "expected_value", "percentiles", "frequencies"}));
  ASSERT_FALSE(j["levers"].empty());
  EXPECT_EQ(Keys(j["levers"][0]),
            (std::vector<std::string>{"lever", "party", "source", "description", "step", "gain",
                                      "before", "after", "money", "model"}));
}

TEST(PowerJsonTest, CommandAndFileInFrontSvgAtTheEnd) {
  std::vector<std::string> keys = {"command", "file"};
  keys.insert(keys.end(), kReportKeys.begin(), kReportKeys.end());
  const Json plain = PowerJson(RenewalPower(), "renewal.yaml");
  EXPECT_EQ(Keys(plain), keys);
  EXPECT_EQ(plain["command"], "power");
  EXPECT_EQ(plain["file"], "renewal.yaml");
  keys.push_back("svg");
  const Json with_svg = PowerJson(RenewalPower(), "renewal.yaml", "radar.svg");
  EXPECT_EQ(Keys(with_svg), keys);
  EXPECT_EQ(with_svg["svg"], "radar.svg");
}

TEST(PowerJsonTest, FiguresEqualTheReport) {
  const power::PowerReport& r = RenewalPower();
  const Json j = PowerReportJson(r);
  EXPECT_EQ(j["perspective"], "cloudco");
  EXPECT_EQ(j["options"]["samples"], 200);
  EXPECT_EQ(j["options"]["seed"], 1);
  EXPECT_TRUE(j["options"]["batna_step"].is_null());
  ASSERT_EQ(r.sources.parties.size(), 2u);
  double sum = 0;
  for (std::size_t p = 0; p < r.sources.parties.size(); ++p) {
    EXPECT_EQ(j["balance"][r.sources.parties[p]], r.sources.balance[p]);
    sum += j["balance"][r.sources.parties[p]].get<double>();
  }
  EXPECT_NEAR(sum, 1, 1e-12);
  // From the example: CloudCo's situational score cites two pieces of evidence, Acme does not
  // score knowledge, and CloudCo's organizational score is asserted.
  const Json& situational = j["sources"]["situational"]["cloudco"];
  EXPECT_EQ(situational["score"], 4.0);
  EXPECT_EQ(situational["confidence"], "evidenced");
  EXPECT_EQ(situational["evidence"], Json::array({"capacity-plan", "pipeline-q1"}));
  EXPECT_EQ(j["sources"]["knowledge"]["acme"]["confidence"], "unscored");
  EXPECT_EQ(j["sources"]["organizational"]["cloudco"]["confidence"], "asserted");
  EXPECT_EQ(j["perception"]["parties"]["cloudco"]["felt"], 2.0);

  ASSERT_TRUE(r.prediction && r.prediction->deal);
  const Json& prediction = j["prediction"];
  EXPECT_EQ(prediction["outcome"], OutcomeJson(r.floored.c, r.prediction->deal->outcome));
  EXPECT_EQ(prediction["samples"], 200);
  EXPECT_EQ(prediction["zopa_probability"], r.prediction->zopa_probability);
  EXPECT_EQ(prediction["expected_value"], r.prediction->expected_value);
  EXPECT_EQ(prediction["uncertain"][0]["field"], "batna.range");
  EXPECT_EQ(prediction["uncertain"][0]["party"], "acme");

  ASSERT_EQ(j["levers"].size(), r.levers.size());
  for (std::size_t k = 0; k < r.levers.size(); ++k) {
    EXPECT_EQ(j["levers"][k]["lever"], r.levers[k].lever);
    EXPECT_EQ(j["levers"][k]["gain"], r.levers[k].gain);
  }
  ASSERT_EQ(j["pitfalls"].size(), r.pitfalls.size());
  for (std::size_t k = 0; k < r.pitfalls.size(); ++k) {
    EXPECT_EQ(j["pitfalls"][k], PitfallJson(r.pitfalls[k]));
  }
  EXPECT_EQ(j["assumptions"], r.assumptions);
}

TEST(PowerJsonTest, PitfallShape) {
  power::Pitfall p;
  p.id = power::PitfallId::kNoZopa;
  p.message = "no deal is acceptable to every party";
  p.fields = {{std::string("parties"), std::size_t{1}, std::string("batna")},
              {std::string("floors")}};
  const Json j = PitfallJson(p);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"id", "party", "message", "fields"}));
  EXPECT_EQ(j["id"], "no-zopa");
  EXPECT_TRUE(j["party"].is_null());
  EXPECT_EQ(j["message"], "no deal is acceptable to every party");
  EXPECT_EQ(j["fields"], Json::array({"parties[1].batna", "floors"}));

  p.id = power::PitfallId::kIgnoringPersonalPower;
  p.party = "acme";
  p.fields.clear();
  const Json k = PitfallJson(p);
  EXPECT_EQ(k["id"], "ignoring-personal-power");
  EXPECT_EQ(k["party"], "acme");
  EXPECT_TRUE(k["fields"].is_array());
  EXPECT_TRUE(k["fields"].empty());
}

}  // namespace
}  // namespace parley::report
