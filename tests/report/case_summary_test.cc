// What `parley show` prints: the summary text line by line on a small case worked out by hand,
// the JSON keys in their documented order, and exact outcome counts beyond 64 bits.
#include "parley/report/case_summary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "support_case.h"
#include "testing/case_builders.h"
#include "testing/examples.h"
#include "testing/json_keys.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

// Seller "a" (Seller Co, us) and buyer "b" (them) over price 100,000..130,000 step 10,000 and
// support standard | premium (premium costs a 5,000, is worth 15,000 to b), plus an observer
// stating no values. a's values run from 95,000 to 130,000 and its walk-away is
// 110,000 - 5,000 = 105,000, utility 10,000 / 35,000 = 0.2857; b's run from -130,000 to -85,000,
// its walk-away is the midpoint -125,000 of its range, utility 5,000 / 45,000 = 0.1111.
Case Summarised() {
  Case c = SupportCase();  // both walk-aways are set again below
  c.context = Context::kSales;
  c.relationship = Relationship::kRepeated;
  Party& a = c.parties[0];
  a.name = "Seller Co";
  a.batna = testing::MoneyBatna(110000, {"quote"});
  a.batna->description = "Sell to Globex";
  a.batna->costs.risk = 5000;
  a.deadline = testing::MakeDeadline("2026-12-15", 2000);
  a.power[static_cast<int>(PowerSource::kSituational)] = testing::Score(4, {"quote"});
  a.power[static_cast<int>(PowerSource::kPersonal)] = testing::Score(3);
  a.perceived_power = 2;
  c.parties[1].batna = testing::MoneyBatnaRange(-130000, -120000);
  c.parties.push_back(testing::MakeParty("observer", Side::kThem));
  c.evidence = {testing::MakeEvidence("quote")};
  return c;
}

TEST(CaseSummaryTest, PartiesTextWorkedOutByHand) {
  const std::string text = RenderCaseSummaryText(Summarised());
  const std::string expected_start =
      "Support renewal\n"
      "  sales, repeated relationship, money in USD\n"
      "\n"
      "Parties\n"
      "  Seller Co (a) [us], values in money form\n"
      "    BATNA:      Sell to Globex: value 110,000, less costs 5,000\n"
      "    Walk-away:  105,000; utility 0.2857 on a scale where its deals run from 95,000 to "
      "130,000\n"
      "    Deadline:   2026-12-15, 2,000 per week of delay\n"
      "    Power:      situational 4, personal 3\n"
      "    Feels:      2 of 5\n"
      "  b (b) [them], values in money form\n"
      "    BATNA:      range -130,000 to -120,000\n"
      "    Walk-away:  -125,000 (midpoint of -130,000 to -120,000); utility 0.1111 on a scale "
      "where its deals run from -130,000 to -85,000\n"
      "    Deadline:   none (no time pressure)\n"
      "  observer (observer) [them], values in none form\n"
      "    BATNA:      none stated\n"
      "    Deadline:   unknown (not stated)\n"
      "\n"
      "Issues\n"
      "  price    number   100000 to 130000 step 10000 (4 values)\n"
      "  support  options  standard | premium\n"
      "\n"
      "Outcome space: 4 x 2 = 8 outcomes\n";
  EXPECT_EQ(text.substr(0, expected_start.size()), expected_start);
}

TEST(CaseSummaryTest, EvidenceCoverageListsBackedAndUnsupportedClaims) {
  const std::string text = RenderCaseSummaryText(Summarised());
  // Claims: a's two power scores, a's BATNA and deadline, b's BATNA; two cite evidence.
  EXPECT_NE(text.find("\nEvidence coverage: 2 of 5 claims backed by evidence (1 evidence item)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  backed       a power.situational (quote)\n"), std::string::npos);
  EXPECT_NE(text.find("\n  backed       a batna (quote)\n"), std::string::npos);
  EXPECT_NE(text.find("\n  unsupported  a power.personal: no evidence, a bluff risk\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n  unsupported  a deadline: no evidence, a bluff risk\n"),
            std::string::npos);
  EXPECT_NE(text.find("\n  unsupported  b batna: no evidence, a bluff risk\n"), std::string::npos);
  // Backed claims come before unsupported ones, and the text ends with the counts.
  EXPECT_LT(text.find("  backed "), text.find("  unsupported "));
  const std::string end = "\nStakeholders: 0   Concessions logged: 0\n";
  ASSERT_GE(text.size(), end.size());
  EXPECT_EQ(text.substr(text.size() - end.size()), end);
}

TEST(CaseSummaryTest, JsonKeysInDocumentedOrder) {
  const Json j = CaseSummaryJson("deal.yaml", Summarised());
  EXPECT_EQ(Keys(j), (std::vector<std::string>{
                         "command", "file", "title", "context", "relationship", "horizon",
                         "culture", "currency", "parties", "issues", "outcome_count",
                         "evidence_coverage", "evidence_items", "stakeholders", "concessions",
                         "rounds", "stakeholder_list", "decision"}));
  EXPECT_EQ(j["command"], "show");
  EXPECT_EQ(j["file"], "deal.yaml");
  EXPECT_EQ(j["context"], "sales");
  EXPECT_EQ(j["relationship"], "repeated");
  EXPECT_TRUE(j["culture"].is_null());
  ASSERT_EQ(j["parties"].size(), 3u);
  EXPECT_EQ(Keys(j["parties"][0]),
            (std::vector<std::string>{"id", "name", "side", "form", "batna", "value_range",
                                      "reservation_value", "reservation_range", "reservation_basis",
                                      "disagreement_utility", "deadline", "sets", "power",
                                      "perceived_power"}));
  // A party stating no values has no valuation keys.
  EXPECT_EQ(Keys(j["parties"][2]),
            (std::vector<std::string>{"id", "name", "side", "form", "batna", "deadline", "sets",
                                      "power", "perceived_power"}));
  EXPECT_EQ(j["parties"][2]["form"], "none");
  EXPECT_TRUE(j["parties"][2]["batna"].is_null());
  EXPECT_EQ(Keys(j["parties"][0]["batna"]),
            (std::vector<std::string>{"description", "value", "costs", "evidence"}));
  EXPECT_EQ(Keys(j["parties"][1]["batna"]),
            (std::vector<std::string>{"description", "range", "costs", "evidence"}));
  EXPECT_EQ(Keys(j["issues"][0]),
            (std::vector<std::string>{"id", "name", "kind", "value_count", "range", "step"}));
  EXPECT_EQ(Keys(j["issues"][1]),
            (std::vector<std::string>{"id", "name", "kind", "value_count", "options"}));
  EXPECT_EQ(Keys(j["evidence_coverage"]),
            (std::vector<std::string>{"claims", "supported", "list"}));
}

TEST(CaseSummaryTest, JsonValuesWorkedOutByHand) {
  const Json j = CaseSummaryJson("deal.yaml", Summarised());
  const Json& a = j["parties"][0];
  EXPECT_EQ(a["name"], "Seller Co");
  EXPECT_EQ(a["side"], "us");
  EXPECT_EQ(a["form"], "money");
  EXPECT_EQ(a["batna"]["value"], 110000.0);
  EXPECT_EQ(a["batna"]["costs"], 5000.0);
  EXPECT_EQ(a["value_range"], Json::array({95000.0, 130000.0}));
  EXPECT_EQ(a["reservation_value"], 105000.0);
  EXPECT_NEAR(a["disagreement_utility"].get<double>(), 10000.0 / 35000.0, 1e-12);
  EXPECT_EQ(a["deadline"]["date"], "2026-12-15");
  EXPECT_EQ(a["deadline"]["cost_per_week"], 2000.0);
  EXPECT_TRUE(a["deadline"]["discount"].is_null());
  EXPECT_EQ(a["power"], (Json{{"situational", 4.0}, {"personal", 3.0}}));
  const Json& b = j["parties"][1];
  EXPECT_EQ(b["reservation_value"], -125000.0);
  EXPECT_EQ(b["reservation_range"], Json::array({-130000.0, -120000.0}));
  EXPECT_NEAR(b["disagreement_utility"].get<double>(), 5000.0 / 45000.0, 1e-12);
  EXPECT_EQ(j["issues"][0]["value_count"], "4");
  EXPECT_EQ(j["issues"][1]["options"], Json::array({"standard", "premium"}));
  EXPECT_EQ(j["outcome_count"], "8");
  EXPECT_EQ(j["evidence_coverage"]["claims"], 5);
  EXPECT_EQ(j["evidence_coverage"]["supported"], 2);
  EXPECT_EQ(j["evidence_items"], 1);
}

TEST(CaseSummaryTest, OutcomeCountBeyond64BitsIsExact) {
  Case c;
  c.title = "huge";
  for (const char* id : {"w", "x", "y", "z"})
    c.issues.push_back(testing::NumberIssue(id, 0, 1e6, 1));
  // (10^6 + 1)^4 = 10^24 + 4 10^18 + 6 10^12 + 4 10^6 + 1, beyond 2^64.
  const std::string count = "1000004000006000004000001";
  EXPECT_NE(
      RenderCaseSummaryText(c).find(
          "\nOutcome space: 1000001 x 1000001 x 1000001 x 1000001 = " + count + " outcomes\n"),
      std::string::npos);
  EXPECT_EQ(CaseSummaryJson("huge.yaml", c)["outcome_count"], count);
}

// `show` gives every stakeholder field and each party's decision rule, in text and JSON.
TEST(CaseSummaryTest, StakeholdersAndDecisionRulesInFull) {
  const Case c = ::parley::testing::LoadExample("buying-committee");
  const std::string text = RenderCaseSummaryText(c);
  EXPECT_NE(text.find("\n  Lee Park, CISO (h-ciso), Harbor Logistics [them]: role "
                      "technical-evaluator, formal 3, veto, stance -1, interest 4, urgency 3\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  Maya Lindqvist, VP operations (h-vpops), Harbor Logistics [them]: role "
                      "user, formal 3, stance +1, interest 5, urgency 4; listened to by h-cfo "
                      "60%, h-coo 50%, h-ciso 40%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  Procurement lead (h-procurement), Harbor Logistics [them]: role ?, "
                      "formal 2, stance -1, interest 2, urgency ?; listened to by h-cfo 20%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  Jo Carter, Account executive (t-ae), Tidewater Analytics [us]:"),
            std::string::npos);
  EXPECT_NE(text.find("Decision rules:\n  Harbor Logistics: weighted, quota 4, weights h-cfo 3, "
                      "h-coo 2, h-vpops 1, h-ciso 1\n  Tidewater Analytics: not stated (the "
                      "highest `formal` decides alone; docs/stakeholders.md)\n"),
            std::string::npos)
      << text;
  const Json j = CaseSummaryJson("committee.yaml", c);
  ASSERT_EQ(j["stakeholder_list"].size(), 7u);
  const Json& maya = j["stakeholder_list"][2];
  EXPECT_EQ(maya["id"], "h-vpops");
  EXPECT_EQ(maya["side"], "them");
  EXPECT_EQ(maya["role"], "user");
  EXPECT_EQ(maya["veto"], false);
  EXPECT_EQ(maya["influences"][0], (Json{{"on", "h-cfo"}, {"weight", 0.6}}));
  EXPECT_TRUE(j["stakeholder_list"][5]["role"].is_null());
  EXPECT_TRUE(j["stakeholder_list"][5]["urgency"].is_null());
  EXPECT_EQ(j["stakeholder_list"][3]["veto"], true);
  ASSERT_EQ(j["decision"].size(), 1u);
  EXPECT_EQ(j["decision"][0],
            (Json{{"party", "harbor"},
                  {"rule", "weighted"},
                  {"quota", 4.0},
                  {"weights", {{"h-cfo", 3.0}, {"h-coo", 2.0}, {"h-vpops", 1.0}, {"h-ciso", 1.0}}},
                  {"decider", nullptr}}));
}

}  // namespace
}  // namespace parley::report
