// Tests of the checklist: its table (one row per item, "do" items first), the verdicts on the
// examples, and verdicts read from the narrow inputs alone.
#include "parley/plan/checklist.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "parley/plan/brief.h"
#include "plan/brief_lookup.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using lookup::Build;
using lookup::Check;
using ::parley::testing::LoadExample;

TEST(ChecklistTest, TheTableHasOneRowPerItemDoItemsFirst) {
  const std::vector<CheckRule>& rules = ChecklistRules();
  ASSERT_EQ(rules.size(), 19u);
  std::set<std::string> ids;
  bool avoiding = false;
  for (const CheckRule& rule : rules) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
    EXPECT_FALSE(std::string(rule.item).empty()) << rule.id;
    EXPECT_NE(rule.judge, nullptr) << rule.id;
    // Every "do" item comes before every "avoid" item.
    if (rule.kind == CheckKind::kAvoid) avoiding = true;
    EXPECT_FALSE(avoiding && rule.kind == CheckKind::kDo) << rule.id;
  }
  EXPECT_EQ(std::string(rules.front().id), "batna-known");
  EXPECT_EQ(std::string(rules.back().id), "no-over-reliance");
  EXPECT_EQ(std::string(CheckKindName(CheckKind::kDo)), "do");
  EXPECT_EQ(std::string(CheckKindName(CheckKind::kAvoid)), "avoid");
}

TEST(ChecklistTest, EachItemIsItsRowJudged) {
  const Case c = LoadExample("procurement-components");
  const Brief b = Build(c);
  const PlanInputs in = PlanInputsOf(c, b);
  const std::vector<CheckItem> items = EvaluateChecklist(in);
  const std::vector<CheckRule>& rules = ChecklistRules();
  ASSERT_EQ(items.size(), rules.size());
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const CheckVerdict verdict = rules[k].judge(in);
    EXPECT_EQ(items[k].id, rules[k].id);
    EXPECT_EQ(items[k].kind, CheckKindName(rules[k].kind));
    EXPECT_EQ(items[k].item, rules[k].item);
    EXPECT_EQ(items[k].status, verdict.status) << items[k].id;
    EXPECT_EQ(items[k].reason, verdict.reason) << items[k].id;
    // The brief's checklist is the same evaluation.
    EXPECT_EQ(b.checklist[k].reason, items[k].reason) << items[k].id;
  }
}

// Acme's chair in the sales renewal: Acme's own deadline (the year's end) costs it weight, so
// deadlines carry none of its plan; the item says so with the two weights, never that ignoring
// them would move little.
TEST(ChecklistTest, DeadlinesThatCostUsWeightAreNamedAsSuch) {
  PlanOptions options;
  options.power.as = "acme";
  const Brief b = Build(LoadExample("sales-renewal"), options);
  ASSERT_TRUE(b.weight_without_deadlines);
  const power::PartyLeverage* mine = b.power.leverage->Find("acme");
  ASSERT_NE(mine, nullptr);
  ASSERT_LT(mine->weight + 0.05, *b.weight_without_deadlines);
  const CheckItem& item = Check(b, "no-deadline-reliance");
  EXPECT_EQ(item.status, CheckStatus::kPass);
  EXPECT_EQ(item.reason.rfind("Deadlines carry none of our bargaining weight: they cost us ", 0),
            0u)
      << item.reason;
  EXPECT_NE(item.reason.find(" with them, "), std::string::npos) << item.reason;
  // CloudCo's chair in the same case leans on those deadlines: the item fails.
  EXPECT_EQ(Check(Build(LoadExample("sales-renewal")), "no-deadline-reliance").status,
            CheckStatus::kFail);
}

// A counterpart whose name ends in s: "Fresh Foods' BATNA", through the shared possessive.
TEST(ChecklistTest, ThePossessiveOfANameEndingInSHasNoExtraS) {
  Case c = LoadExample("sales-renewal");
  c.parties[1].name = "Fresh Foods";
  const Brief b = Build(c);
  EXPECT_EQ(Check(b, "their-batna-estimated").reason,
            "Fresh Foods' BATNA is estimated as a range.");
}

TEST(ChecklistTest, ChecklistIsEvaluatedAgainstTheCase) {
  const Brief b = Build(LoadExample("sales-renewal"));
  ASSERT_EQ(b.checklist.size(), 19u);
  EXPECT_EQ(b.checklist.front().kind, "do");
  EXPECT_EQ(b.checklist.back().kind, "avoid");
  EXPECT_EQ(Check(b, "batna-known").status, CheckStatus::kPass);
  EXPECT_EQ(Check(b, "batna-known").reason, "Our BATNA cites pipeline-q1.");
  EXPECT_EQ(Check(b, "floors-set").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "floors-set").reason, "1 of our 2 floors cite evidence.");
  EXPECT_EQ(Check(b, "perception-checked").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "perception-checked").reason,
            "We feel 2.0 against an assessed 3.3 (gap -1.3): act on the assessment, not the "
            "feeling.");
  EXPECT_EQ(Check(b, "value-before-price").reason,
            "Integrative or compatible issues to trade: term, payment and support.");
  EXPECT_EQ(Check(b, "no-one-way-concessions").status, CheckStatus::kFail);
  EXPECT_EQ(Check(b, "no-one-way-concessions").reason,
            "1 of our 3 logged concessions asked nothing in return.");
  EXPECT_EQ(Check(b, "no-last-minute-squeeze").status, CheckStatus::kPass);
  EXPECT_EQ(Check(b, "no-face-threat").status, CheckStatus::kPass);
  EXPECT_EQ(Check(b, "power-assessed").status, CheckStatus::kUnknown);
}

TEST(ChecklistTest, PartsTheInputsLackAreUnknown) {
  const Case c = LoadExample("sales-renewal");
  const Brief b = Build(c);
  PlanInputs in = PlanInputsOf(c, b);
  in.anchor = nullptr;
  in.meso = nullptr;
  in.concession_plan = nullptr;
  in.tradeables = nullptr;
  in.prediction = nullptr;
  in.concessions = {};
  const std::vector<CheckItem> items = EvaluateChecklist(in);
  EXPECT_EQ(Check(items, "anchor-defensible").status, CheckStatus::kUnknown);
  EXPECT_EQ(Check(items, "anchor-defensible").reason, "No anchor was planned (see the notes).");
  EXPECT_EQ(Check(items, "meso-ready").status, CheckStatus::kUnknown);
  EXPECT_EQ(Check(items, "concessions-planned").status, CheckStatus::kUnknown);
  EXPECT_EQ(Check(items, "no-last-minute-squeeze").reason, "The plan has no dated close.");
  EXPECT_EQ(Check(items, "value-before-price").status, CheckStatus::kUnknown);
  EXPECT_EQ(Check(items, "zopa-checked").reason,
            "No prediction: fewer than two parties state values.");
  EXPECT_EQ(Check(items, "no-one-way-concessions").status, CheckStatus::kUnknown);
  // The pitfalls found decide the items that name them.
  EXPECT_EQ(Check(items, "no-hard-power-when-repeated").status, CheckStatus::kFail);
  in.pitfalls = {};
  EXPECT_EQ(Check(EvaluateChecklist(in), "no-hard-power-when-repeated").status, CheckStatus::kPass);
  EXPECT_EQ(Check(EvaluateChecklist(in), "no-over-reliance").status, CheckStatus::kPass);
}

}  // namespace
}  // namespace parley::plan
