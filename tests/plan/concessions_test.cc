#include "parley/plan/concessions.h"

#include <gtest/gtest.h>

#include "testing/examples.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;

TEST(ConcessionsTest, SalesRenewalLogIsValuedAgainstHoldingOut) {
  const ConcessionLog log = AnalyseConcessions(LoadExample("sales-renewal"));
  ASSERT_EQ(log.entries.size(), 4u);
  // 1. CloudCo drops to 134,000 and asks nothing: a one-way concession of 16,000 off list.
  const ConcessionReview& first = log.entries[0];
  EXPECT_EQ(first.giver, "cloudco");
  EXPECT_EQ(first.receiver, "acme");
  EXPECT_TRUE(first.one_way);
  EXPECT_DOUBLE_EQ(first.given, 16000);
  EXPECT_DOUBLE_EQ(first.receiver_gain, 16000);
  EXPECT_DOUBLE_EQ(first.received, 0);
  // 2. Acme moves to 112,000 (22,000 above its best) and gets premium support (7,000 to it,
  //    4,000 to us).
  const ConcessionReview& second = log.entries[1];
  EXPECT_EQ(second.giver, "acme");
  EXPECT_EQ(second.receiver, "cloudco");
  EXPECT_FALSE(second.one_way);
  EXPECT_DOUBLE_EQ(second.given, 22000);
  EXPECT_DOUBLE_EQ(second.received, 7000);
  EXPECT_DOUBLE_EQ(second.receiver_cost, 4000);
  // 3. net60 (2,000 to us, 6,000 to Acme) for a 2-year term (15,000 to us, 4,000 to Acme).
  const ConcessionReview& third = log.entries[2];
  EXPECT_DOUBLE_EQ(third.given, 2000);
  EXPECT_DOUBLE_EQ(third.receiver_gain, 6000);
  EXPECT_DOUBLE_EQ(third.received, 15000);
  EXPECT_DOUBLE_EQ(third.receiver_cost, 4000);
  ASSERT_EQ(third.give.size(), 1u);
  EXPECT_EQ(third.give[0].issue, "payment");
  EXPECT_EQ(third.give[0].value, "net60");
  EXPECT_DOUBLE_EQ(third.give[0].giver, -2000);
  EXPECT_DOUBLE_EQ(third.give[0].receiver, 6000);
  // 4. Premium support (4,000) for a price of 124,000: 12,000 above Acme's counter of 112,000,
  // the position its price move is measured from.
  EXPECT_DOUBLE_EQ(log.entries[3].given, 4000);
  EXPECT_DOUBLE_EQ(log.entries[3].received, 12000);

  ASSERT_EQ(log.totals.size(), 2u);
  EXPECT_EQ(log.totals[0].party, "cloudco");
  EXPECT_EQ(log.totals[0].entries, 3u);
  EXPECT_EQ(log.totals[0].one_way, 1u);
  EXPECT_DOUBLE_EQ(log.totals[0].given, 22000);
  EXPECT_DOUBLE_EQ(log.totals[0].received, 27000);
  EXPECT_EQ(log.totals[1].party, "acme");
  EXPECT_DOUBLE_EQ(log.totals[1].given, 22000);
  EXPECT_DOUBLE_EQ(log.totals[1].received, 7000);
}

TEST(ConcessionsTest, AnEmptyLogHasNoEntries) {
  Case c = LoadExample("sales-renewal");
  c.concessions.clear();
  const ConcessionLog log = AnalyseConcessions(c);
  EXPECT_TRUE(log.entries.empty());
  EXPECT_TRUE(log.totals.empty());
}

}  // namespace
}  // namespace parley::plan
