// The brief as JSON (the `parley plan --format json` contract): every key in its order, values
// equal to the brief's, absent parts and non-finite numbers as null, and text that parses back.
#include "parley/report/brief_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "brief_fixture.h"
#include "parley/plan/brief.h"
#include "parley/report/outcome_format.h"
#include "parley/report/power_json.h"
#include "testing/examples.h"
#include "testing/json_keys.h"

namespace parley::report {
namespace {

using Json = nlohmann::ordered_json;

using testing::Keys;

TEST(BriefJsonTest, TopLevelKeysInOrder) {
  const Json j = BriefJson(RenewalBrief());
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"verdict",
                                               "us",
                                               "them",
                                               "options",
                                               "power",
                                               "stakeholders",
                                               "tradeables",
                                               "give_get",
                                               "give_get_from",
                                               "under_way",
                                               "under_way_note",
                                               "anchor",
                                               "meso",
                                               "concessions",
                                               "playbook",
                                               "they_may_cite",
                                               "checklist",
                                               "pitfalls",
                                               "even_split_value",
                                               "weight_without_deadlines",
                                               "notes",
                                               "assumptions"}));
  EXPECT_EQ(j["us"], "cloudco");
  EXPECT_EQ(j["them"], "acme");
  ASSERT_FALSE(j["they_may_cite"].empty());
  EXPECT_EQ(Keys(j["they_may_cite"][0]),
            (std::vector<std::string>{"evidence", "party", "claim", "source", "reply"}));
  EXPECT_EQ(j["they_may_cite"][0]["evidence"], "competitor-quote");
  EXPECT_EQ(j["they_may_cite"][0]["party"], "acme");
}

TEST(BriefJsonTest, NestedKeysInOrder) {
  const Json j = BriefJson(RenewalBrief());
  EXPECT_EQ(Keys(j["options"]),
            (std::vector<std::string>{"meso", "concessions", "give_get_pairs", "future_deals",
                                      "repeated_gain_share", "deadline_weight_share", "power"}));
  EXPECT_EQ(Keys(j["options"]["meso"]),
            (std::vector<std::string>{"count", "tolerance", "target", "near_frontier"}));
  EXPECT_EQ(Keys(j["options"]["concessions"]),
            (std::vector<std::string>{"max_steps", "min_days_apart"}));
  EXPECT_EQ(Keys(j["tradeables"]),
            (std::vector<std::string>{"money", "issues", "gives", "gets", "mutual"}));
  ASSERT_FALSE(j["tradeables"]["issues"].empty());
  EXPECT_EQ(Keys(j["tradeables"]["issues"][0]),
            (std::vector<std::string>{"issue", "nature", "our_range", "their_range", "our_priority",
                                      "their_priority"}));
  const std::vector<std::string> move = {"issue",      "from",         "to",
                                         "our_change", "their_change", "ratio"};
  ASSERT_FALSE(j["tradeables"]["gives"].empty());
  EXPECT_EQ(Keys(j["tradeables"]["gives"][0]), move);
  ASSERT_FALSE(j["give_get"].empty());
  EXPECT_EQ(Keys(j["give_get"][0]),
            (std::vector<std::string>{"give", "get", "our_net", "their_net", "both_gain"}));
  EXPECT_EQ(Keys(j["give_get"][0]["get"]), move);
  EXPECT_EQ(
      Keys(j["anchor"]),
      (std::vector<std::string>{
          "outcome", "our_value", "their_value", "credible_low", "credible_high", "predicted_value",
          "walk_away", "room_to_prediction", "room_to_walk_away", "evidence", "evidence_notes",
          "rationale", "ambitious", "ambitious_value", "tempering"}));
  EXPECT_EQ(Keys(j["give_get_from"]), (std::vector<std::string>{"source", "outcome"}));
  EXPECT_EQ(Keys(j["meso"]),
            (std::vector<std::string>{"target", "tolerance_value", "balancing_issue", "packages",
                                      "shortfall"}));
  // The renewal's log leaves no MESO choice that does not ask back a term CloudCo gave; before
  // any concession it has packages.
  EXPECT_TRUE(j["meso"]["packages"].empty());
  Case before = Renewal();
  before.concessions.clear();
  plan::PlanOptions quick;
  quick.power.samples = 200;
  const Json opening = BriefJson(plan::BuildBrief(before, quick));
  ASSERT_FALSE(opening["meso"]["packages"].empty());
  EXPECT_EQ(Keys(opening["meso"]["packages"][0]),
            (std::vector<std::string>{"outcome", "our_value", "their_value", "our_utility",
                                      "their_utility", "frontier_gap", "acceptance",
                                      "distinct_issues", "reveals"}));
  EXPECT_EQ(Keys(j["concessions"]), (std::vector<std::string>{"log", "plan"}));
  EXPECT_EQ(Keys(j["concessions"]["log"]), (std::vector<std::string>{"entries", "totals"}));
  ASSERT_FALSE(j["concessions"]["log"]["entries"].empty());
  EXPECT_EQ(Keys(j["concessions"]["log"]["entries"][0]),
            (std::vector<std::string>{"index", "item", "giver", "receiver", "give", "get", "given",
                                      "received", "receiver_gain", "receiver_cost", "one_way",
                                      "trigger"}));
  EXPECT_EQ(Keys(j["concessions"]["log"]["totals"][0]),
            (std::vector<std::string>{"party", "given", "received", "entries", "one_way"}));
  const Json& plan = j["concessions"]["plan"];
  EXPECT_EQ(Keys(plan), (std::vector<std::string>{"start", "start_value", "target_value",
                                                  "walk_away", "planned_sizes", "steps", "conceded",
                                                  "reserve", "today", "close_date", "close_party",
                                                  "close_what", "pacing", "landing"}));
  // The renewal's log has moved the talks past every step; without it the plan has steps.
  EXPECT_TRUE(plan["steps"].empty());
  EXPECT_TRUE(j["under_way"].get<bool>());
  const Json& fresh = opening;
  EXPECT_FALSE(fresh["under_way"].get<bool>());
  EXPECT_TRUE(fresh["under_way_note"].is_null());
  ASSERT_FALSE(fresh["concessions"]["plan"]["steps"].empty());
  EXPECT_EQ(Keys(fresh["concessions"]["plan"]["steps"][0]),
            (std::vector<std::string>{"step", "date", "day", "gives", "gets", "condition",
                                      "get_valued", "size", "their_gain", "our_value_after",
                                      "their_value_after", "package"}));
  ASSERT_FALSE(fresh["concessions"]["plan"]["steps"][0]["gives"].empty());
  EXPECT_EQ(Keys(fresh["concessions"]["plan"]["steps"][0]["gives"][0]),
            (std::vector<std::string>{"issue", "from", "to", "our_change", "their_change"}));
  EXPECT_EQ(Keys(j["playbook"]), (std::vector<std::string>{"context", "phases", "warnings"}));
  ASSERT_FALSE(j["playbook"]["phases"].empty());
  EXPECT_EQ(Keys(j["playbook"]["phases"][0]), (std::vector<std::string>{"phase", "moves"}));
  ASSERT_FALSE(j["playbook"]["phases"][0]["moves"].empty());
  EXPECT_EQ(Keys(j["playbook"]["phases"][0]["moves"][0]),
            (std::vector<std::string>{"id", "name", "when", "say", "signal", "risk", "safeguard"}));
  ASSERT_FALSE(j["checklist"].empty());
  EXPECT_EQ(Keys(j["checklist"][0]),
            (std::vector<std::string>{"id", "kind", "item", "status", "reason"}));
  ASSERT_FALSE(j["pitfalls"].empty());
  EXPECT_EQ(Keys(j["pitfalls"][0]), (std::vector<std::string>{"id", "party", "message", "fields"}));
}

TEST(BriefJsonTest, ValuesAreTheBriefs) {
  const plan::Brief& b = RenewalBrief();
  const Json j = BriefJson(b);
  const Case& fc = b.power.floored.c;

  EXPECT_EQ(j["power"], PowerReportJson(b.power));
  EXPECT_EQ(j["options"]["power"], PowerReportJson(b.power)["options"]);
  EXPECT_EQ(j["options"]["meso"]["count"], b.options.meso.count);
  EXPECT_TRUE(j["options"]["meso"]["target"].is_null());
  EXPECT_EQ(j["options"]["concessions"]["max_steps"], b.options.concessions.max_steps);
  EXPECT_EQ(j["options"]["give_get_pairs"], b.options.give_get_pairs);

  // The anchor of docs/plan.md: the ambitious one is 159,000 to us, credible down to 146,000;
  // the verdict (value first) tempers the opening to 153,000.
  ASSERT_TRUE(b.anchor);
  EXPECT_EQ(j["anchor"]["our_value"].get<double>(), 153000);
  EXPECT_EQ(j["anchor"]["ambitious_value"].get<double>(), 159000);
  EXPECT_EQ(j["anchor"]["ambitious"]["price"], 135000);
  EXPECT_EQ(j["anchor"]["tempering"], b.anchor->tempering);
  EXPECT_EQ(j["anchor"]["credible_low"].get<double>(), 146000);
  EXPECT_EQ(j["anchor"]["walk_away"].get<double>(), b.anchor->walk_away);
  EXPECT_EQ(j["anchor"]["outcome"], OutcomeJson(fc, b.anchor->outcome));
  EXPECT_EQ(j["anchor"]["outcome"]["price"], 134000);
  EXPECT_EQ(j["anchor"]["outcome"]["term"], "3y");
  EXPECT_EQ(j["anchor"]["rationale"], b.anchor->rationale);

  ASSERT_TRUE(b.concession_plan);
  const plan::ConcessionPlan& p = *b.concession_plan;
  const Json& plan = j["concessions"]["plan"];
  EXPECT_EQ(plan["start"], OutcomeJson(fc, p.start));
  EXPECT_EQ(plan["start_value"].get<double>(), p.start_value);
  EXPECT_EQ(plan["reserve"].get<double>(), p.reserve);
  ASSERT_EQ(plan["steps"].size(), p.steps.size());
  for (std::size_t k = 0; k < p.steps.size(); ++k) {
    const plan::PlannedConcession& s = p.steps[k];
    const Json& js = plan["steps"][k];
    EXPECT_EQ(js["step"], s.step);
    if (s.date.empty()) {
      EXPECT_TRUE(js["date"].is_null());
    } else {
      EXPECT_EQ(js["date"], s.date);
    }
    EXPECT_EQ(js["day"].is_null(), !s.day.has_value());
    EXPECT_EQ(js["condition"], s.condition);
    EXPECT_EQ(js["get_valued"], s.get_valued);
    EXPECT_EQ(js["size"].get<double>(), s.size);
    EXPECT_EQ(js["their_gain"].get<double>(), s.their_gain);
    EXPECT_EQ(js["our_value_after"].get<double>(), s.our_value_after);
    EXPECT_EQ(js["package"], OutcomeJson(fc, s.package));
    ASSERT_EQ(js["gives"].size(), s.gives.size());
    for (std::size_t g = 0; g < s.gives.size(); ++g) {
      EXPECT_EQ(js["gives"][g]["issue"], s.gives[g].issue);
      EXPECT_EQ(js["gives"][g]["our_change"].get<double>(), s.gives[g].our_change);
      // A number issue's values are numbers, as in an outcome.
      if (s.gives[g].issue == "price") {
        EXPECT_TRUE(js["gives"][g]["to"].is_number());
      }
    }
  }

  ASSERT_EQ(j["checklist"].size(), b.checklist.size());
  for (std::size_t k = 0; k < b.checklist.size(); ++k) {
    EXPECT_EQ(j["checklist"][k]["id"], b.checklist[k].id);
    EXPECT_EQ(j["checklist"][k]["status"], plan::CheckStatusName(b.checklist[k].status));
    EXPECT_EQ(j["checklist"][k]["reason"], b.checklist[k].reason);
  }
  ASSERT_EQ(j["pitfalls"].size(), b.pitfalls.size());
  for (std::size_t k = 0; k < b.pitfalls.size(); ++k) {
    EXPECT_EQ(j["pitfalls"][k], PitfallJson(b.pitfalls[k]));
  }
  ASSERT_TRUE(b.tradeables);
  ASSERT_EQ(j["tradeables"]["gives"].size(), b.tradeables->gives.size());
  EXPECT_EQ(j["tradeables"]["gives"][0]["issue"], b.tradeables->gives[0].issue);
  EXPECT_EQ(j["tradeables"]["issues"][0]["nature"],
            plan::IssueNatureName(b.tradeables->issues[0].nature));
  ASSERT_EQ(j["meso"]["packages"].size(), b.meso->packages.size());
  for (std::size_t k = 0; k < b.meso->packages.size(); ++k) {
    EXPECT_EQ(j["meso"]["packages"][k]["acceptance"].get<double>(), b.meso->packages[k].acceptance);
  }
  EXPECT_EQ(j["meso"]["shortfall"], b.meso->shortfall);
  EXPECT_EQ(j["concessions"]["log"]["entries"].size(), b.concessions.entries.size());
  EXPECT_EQ(j["playbook"]["context"], "sales");
  EXPECT_EQ(j["playbook"]["phases"].size(), b.playbook.phases.size());
  EXPECT_EQ(j["notes"], b.notes);
  EXPECT_EQ(j["assumptions"], b.assumptions);
  if (b.even_split_value) {
    EXPECT_EQ(j["even_split_value"].get<double>(), *b.even_split_value);
  } else {
    EXPECT_TRUE(j["even_split_value"].is_null());
  }
}

TEST(BriefJsonTest, InfiniteRatiosAndNonFiniteNumbersAreNull) {
  plan::Brief b = RenewalBrief();
  ASSERT_TRUE(b.tradeables && !b.tradeables->gives.empty() && b.anchor);
  b.tradeables->gives[0].ratio = std::numeric_limits<double>::infinity();
  b.anchor->our_value = std::numeric_limits<double>::quiet_NaN();
  b.even_split_value = -std::numeric_limits<double>::infinity();
  const Json j = BriefJson(b);
  EXPECT_TRUE(j["tradeables"]["gives"][0]["ratio"].is_null());
  EXPECT_TRUE(j["tradeables"]["gives"][0]["our_change"].is_number());
  EXPECT_TRUE(j["anchor"]["our_value"].is_null());
  EXPECT_TRUE(j["even_split_value"].is_null());
  // Moves both sides gain from have an infinite ratio.
  ASSERT_EQ(j["tradeables"]["mutual"].size(), b.tradeables->mutual.size());
  for (std::size_t k = 0; k < b.tradeables->mutual.size(); ++k) {
    EXPECT_EQ(j["tradeables"]["mutual"][k]["ratio"].is_null(),
              !std::isfinite(b.tradeables->mutual[k].ratio));
  }
  const std::string text = j.dump(2);
  for (const char* bad : {":NaN", ":nan", ":inf", ":-inf", ":Infinity", ":-Infinity"}) {
    EXPECT_EQ(text.find(std::string("\"") + bad), std::string::npos) << bad;
    // A number, not text that starts with the letters ("...: informal influence ...").
    for (const char* after : {",", "\n"}) {
      EXPECT_EQ(text.find(std::string(": ") + (bad + 1) + after), std::string::npos) << bad;
    }
  }
  EXPECT_EQ(Json::parse(text), j);
}

TEST(BriefJsonTest, AbsentPartsAreNull) {
  plan::Brief b = RenewalBrief();
  b.them.clear();
  b.tradeables.reset();
  b.give_get.clear();
  b.position.reset();
  b.anchor.reset();
  b.meso.reset();
  b.concession_plan.reset();
  b.even_split_value.reset();
  b.weight_without_deadlines.reset();
  const Json j = BriefJson(b);
  EXPECT_EQ(Keys(j).size(), 22u);  // with the stakeholder part: the renewal maps stakeholders
  EXPECT_TRUE(j["give_get_from"].is_null());
  EXPECT_TRUE(j["them"].is_null());
  EXPECT_TRUE(j["tradeables"].is_null());
  EXPECT_TRUE(j["give_get"].is_array() && j["give_get"].empty());
  EXPECT_TRUE(j["anchor"].is_null());
  EXPECT_TRUE(j["meso"].is_null());
  EXPECT_TRUE(j["concessions"]["plan"].is_null());
  EXPECT_TRUE(j["concessions"]["log"].is_object());
  EXPECT_TRUE(j["even_split_value"].is_null());
  EXPECT_TRUE(j["weight_without_deadlines"].is_null());
}

TEST(BriefJsonTest, DumpParsesBackEqual) {
  const Json j = BriefJson(RenewalBrief());
  const std::string text = j.dump();
  const Json back = Json::parse(text);
  EXPECT_EQ(back, j);
  EXPECT_EQ(back.dump(), text);
  // The same brief always gives the same text.
  EXPECT_EQ(BriefJson(RenewalBrief()).dump(), text);
}

}  // namespace
}  // namespace parley::report
