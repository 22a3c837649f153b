// parley stakeholders end to end: the JSON keys on the buying-committee example, the text, a
// case without a decision rule, a bad decision rule and a usage error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"

namespace parley::testing {
namespace {

TEST(StakeholdersCliTest, JsonHasTheDocumentedKeys) {
  const Result r = Parley("stakeholders examples/buying-committee.yaml --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("command"), "stakeholders");
  ASSERT_EQ(j.at("stakeholders").size(), 7u);
  for (const auto& s : j.at("stakeholders")) {
    for (const char* key : {"id", "formal_power", "informal_influence", "decides", "salience",
                            "quadrant", "real_power", "unknown"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
  }
  EXPECT_EQ(j.at("real_deciders"), (nlohmann::json{"t-ae", "h-vpops", "h-ciso"}));
  EXPECT_EQ(j.at("engagement_order").size(), 6u);
  EXPECT_EQ(j.at("engagement_order")[0], "h-planner");
  const auto& harbor = j.at("parties")[1];
  EXPECT_EQ(harbor.at("decision_rule").at("rule"), "weighted");
  EXPECT_EQ(harbor.at("org_chart_decider"), "h-cfo");
  EXPECT_TRUE(harbor.at("differs_from_org_chart"));
  EXPECT_EQ(harbor.at("engagement")[0].at("reason").get<std::string>().substr(0, 21),
            "supports us (stance +");
}

// --svg writes the influence graph through the atomic write, never over a file without
// --force, and says so in the text and the JSON.
TEST(StakeholdersCliTest, SvgWritesTheInfluenceGraphAndNeverReplacesWithoutForce) {
  const fs::path dir = TempDir("stakeholders-svg");
  const std::string svg = (dir / "committee.svg").string();
  const Result first = Parley("stakeholders examples/buying-committee.yaml --svg '" + svg + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("wrote " + svg + "\n"), std::string::npos) << first.out;
  const std::string drawn = Slurp(svg);
  EXPECT_EQ(drawn.rfind("<svg", 0), 0u);
  EXPECT_NE(drawn.find("id=\"member-h-ciso\""), std::string::npos);
  const Result again = Parley("stakeholders examples/buying-committee.yaml --svg '" + svg + "'");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already exists; pass --force to replace it"), std::string::npos)
      << again.err;
  EXPECT_EQ(again.out, "");
  const Result forced = Parley("stakeholders examples/buying-committee.yaml --format json --svg '" +
                               svg + "' --force");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(nlohmann::json::parse(forced.out).at("svg").at("file"), svg);
  EXPECT_EQ(Slurp(svg), drawn);
  const Result folder =
      Parley("stakeholders examples/buying-committee.yaml --svg '" + dir.string() + "' --force");
  EXPECT_EQ(folder.exit_code, 2);
}

TEST(StakeholdersCliTest, TextNamesTheRealDecider) {
  const Result r = Parley("stakeholders examples/buying-committee.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Not the org chart: Dana Ruiz holds the title"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1. h-planner: supports us"), std::string::npos) << r.out;
}

TEST(StakeholdersCliTest, WithoutADecisionRuleTheHighestFormalIsAssumed) {
  const Result r = Parley("stakeholders examples/sales-renewal.yaml --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& acme = j.at("parties")[1];
  EXPECT_EQ(acme.at("party"), "acme");
  EXPECT_TRUE(acme.at("decision_rule").at("assumed"));
  EXPECT_EQ(acme.at("decision_rule").at("decider"), "acme-cfo");
}

TEST(StakeholdersCliTest, ExitCodes) {
  EXPECT_EQ(Parley("stakeholders").exit_code, 2);
  EXPECT_EQ(Parley("stakeholders tests/data/bad/references.yaml").exit_code, 3);
  EXPECT_EQ(Parley("stakeholders no/such/file.yaml").exit_code, 3);
}

}  // namespace
}  // namespace parley::testing
