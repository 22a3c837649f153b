// Tests of the one number formatter: money, utilities, shares, costs, possessives, the case's
// money decimals and grid values snapped to the grid.
#include "parley/core/text.h"

#include <gtest/gtest.h>

#include <cmath>

#include "testing/case_builders.h"

namespace parley::text {
namespace {

TEST(TextTest, MoneyGroupsThousandsAndRoundsHalfAwayFromZero) {
  EXPECT_EQ(Money(0), "0");
  EXPECT_EQ(Money(999), "999");
  EXPECT_EQ(Money(1000), "1,000");
  EXPECT_EQ(Money(-117500), "-117,500");
  EXPECT_EQ(Money(7930.5), "7,931");
  EXPECT_EQ(Money(-7930.5), "-7,931");
  EXPECT_EQ(Money(-0.4), "0");
  EXPECT_EQ(Money(-438999.99999999994), "-439,000");
  EXPECT_EQ(Money(1250.5, 2), "1,250.50");
  EXPECT_EQ(Money(-0.004, 2), "0.00");
  EXPECT_EQ(Money(1234567.891, 2), "1,234,567.89");
}

TEST(TextTest, AmountIsMoneyOrAUtility) {
  EXPECT_EQ(Amount(159000, true), "159,000");
  EXPECT_EQ(Amount(0.61234, false), "0.6123");
  EXPECT_EQ(Amount(-0.00001, false), "0.0000");
}

TEST(TextTest, ACostReadsAsACost) {
  EXPECT_EQ(WorthTo(159000, "us", true), "worth 159,000 to us");
  EXPECT_EQ(WorthTo(-98000, "Acme", true), "costs Acme 98,000");
  EXPECT_EQ(WorthTo(-0.2, "Acme", true), "worth 0 to Acme");
  EXPECT_EQ(WorthTo(-0.25, "them", false), "worth -0.2500 to them");
  EXPECT_EQ(IsWorthTo(159000, "us", true), "is worth 159,000 to us");
  EXPECT_EQ(IsWorthTo(-40000, "us", true), "costs us 40,000");
  EXPECT_EQ(IsWorthTo(-0.25, "them", false), "is worth -0.2500 to them");
}

TEST(TextTest, ASpanReadsLowestFirstAndCostsAsCosts) {
  EXPECT_EQ(WorthSpanTo(481000, 480000, "us", true), "worth 480,000 to 481,000 to us");
  EXPECT_EQ(WorthSpanTo(480000.2, 479999.8, "us", true), "worth 480,000 to us");
  EXPECT_EQ(WorthSpanTo(-12000, -10000, "us", true), "costs us 10,000 to 12,000");
  EXPECT_EQ(WorthSpanTo(-2000, 3000, "us", true), "worth between a cost of 2,000 and 3,000 to us");
  EXPECT_EQ(WorthSpanTo(-0.25, 0.5, "them", false), "worth -0.2500 to 0.5000 to them");
  EXPECT_EQ(AreWorthSpanTo(481000, 480000, "us", true), "are worth 480,000 to 481,000 to us");
  EXPECT_EQ(AreWorthSpanTo(-12000, -10000, "us", true), "cost us 10,000 to 12,000");
}

TEST(TextTest, Possessives) {
  EXPECT_EQ(Possessive("Acme"), "Acme's");
  EXPECT_EQ(Possessive("Harbor Foods"), "Harbor Foods'");
  EXPECT_EQ(Possessive("us"), "our");
  EXPECT_EQ(Possessive("them"), "their");
}

TEST(TextTest, GroupDigitsOfAnyLength) {
  EXPECT_EQ(GroupDigits("1"), "1");
  EXPECT_EQ(GroupDigits("1234567"), "1,234,567");
  EXPECT_EQ(GroupDigits("100000000000000000000000"), "100,000,000,000,000,000,000,000");
}

TEST(TextTest, MoneyDecimalsFollowTheMoneyGrids) {
  Case c;
  c.currency = "USD";
  Issue price = testing::NumberIssue("price", 38, 56, 0.25);
  price.unit = "USD";
  Issue share = testing::NumberIssue("equity", 0.1, 0.3, 0.05);
  share.unit = "percent";
  c.issues = {share};
  EXPECT_EQ(MoneyDecimals(c), 0);  // a fine grid that is not money
  c.issues.push_back(price);
  EXPECT_EQ(MoneyDecimals(c), 2);
  c.currency.clear();
  EXPECT_EQ(MoneyDecimals(c), 0);
}

TEST(TextTest, GridValuesAreSnappedToTheGrid) {
  const Issue equity = testing::NumberIssue("equity", 0.1, 0.3, 0.05);
  EXPECT_NE(equity.NumberAt(1), 0.15);  // the residue the snap removes
  EXPECT_EQ(equity.GridValue(1), 0.15);
  EXPECT_EQ(equity.GridValue(4), 0.3);
  const Issue price = testing::NumberIssue("price", 90000, 160000, 1000);
  EXPECT_EQ(price.GridValue(15), 105000);
  const Issue odd = testing::NumberIssue("x", 0, 1, 1.0 / 3);
  EXPECT_EQ(odd.GridValue(1), odd.NumberAt(1));  // no short decimal form: left as it is
}

}  // namespace
}  // namespace parley::text
