// An outcome written for people ("issue=value, ...") and for JSON ({issue: value}): issues in
// case order, numbers as numbers, options as text, grid values snapped.
#include "parley/report/outcome_format.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "testing/case_builders.h"

namespace parley::report {
namespace {

// Price 100,000..130,000 step 10,000 (4 values), support standard | premium, a share 0..1
// step 0.1 (whose fourth value is 0.30000000000000004 when computed as 3 * 0.1).
Case ThreeIssues() {
  Case c;
  c.title = "three issues";
  c.issues = {testing::NumberIssue("price", 100000, 130000, 10000),
              testing::OptionsIssue("support", {"standard", "premium"}),
              testing::NumberIssue("share", 0, 1, 0.1)};
  return c;
}

TEST(OutcomeFormatTest, PackageTextInCaseOrder) {
  const Case c = ThreeIssues();
  EXPECT_EQ(PackageText(c, Outcome{2, 1, 0}), "price=120000, support=premium, share=0");
  EXPECT_EQ(PackageText(c, Outcome{0, 0, 10}), "price=100000, support=standard, share=1");
}

TEST(OutcomeFormatTest, JsonNumbersAsNumbersOptionsAsText) {
  const Case c = ThreeIssues();
  const nlohmann::ordered_json j = OutcomeJson(c, Outcome{3, 0, 5});
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"price", "support", "share"}));
  ASSERT_TRUE(j["price"].is_number());
  EXPECT_EQ(j["price"].get<double>(), 130000);
  ASSERT_TRUE(j["support"].is_string());
  EXPECT_EQ(j["support"], "standard");
  EXPECT_EQ(j["share"].get<double>(), 0.5);
}

TEST(OutcomeFormatTest, GridValuesAreSnapped) {
  const Case c = ThreeIssues();
  ASSERT_NE(3 * 0.1, 0.3);  // the residue the snapping removes
  EXPECT_EQ(PackageText(c, Outcome{0, 0, 3}), "price=100000, support=standard, share=0.3");
  EXPECT_EQ(PackageText(c, Outcome{0, 0, 7}), "price=100000, support=standard, share=0.7");
  const nlohmann::ordered_json j = OutcomeJson(c, Outcome{0, 0, 3});
  EXPECT_EQ(j["share"].get<double>(), 0.3);
  EXPECT_EQ(j["share"].dump(), "0.3");
}

TEST(OutcomeFormatTest, EmptyCaseGivesEmptyPackage) {
  const Case c;
  EXPECT_EQ(PackageText(c, Outcome{}), "");
  EXPECT_EQ(OutcomeJson(c, Outcome{}).dump(), "{}");
}

}  // namespace
}  // namespace parley::report
