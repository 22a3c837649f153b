#include "parley/plan/tradeables.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "testing/case_builders.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;

const IssueTrade& Trade(const Tradeables& t, const std::string& issue) {
  for (const IssueTrade& trade : t.issues) {
    if (trade.issue == issue) return trade;
  }
  throw std::runtime_error("no issue " + issue);
}

TEST(TradeablesTest, SalesRenewalIssuesAreClassified) {
  const Case c = LoadExample("sales-renewal");
  const Tradeables t = ComputeTradeables(c, "cloudco", "acme");
  EXPECT_TRUE(t.money);
  EXPECT_EQ(Trade(t, "price").nature, IssueNature::kDistributive);
  EXPECT_EQ(Trade(t, "term").nature, IssueNature::kIntegrative);
  EXPECT_EQ(Trade(t, "payment").nature, IssueNature::kIntegrative);
  EXPECT_EQ(Trade(t, "support").nature, IssueNature::kIntegrative);
  // Ranges: price 60,000 each; term 25,000 for us and 6,000 for them.
  EXPECT_DOUBLE_EQ(Trade(t, "price").our_range, 60000);
  EXPECT_DOUBLE_EQ(Trade(t, "term").our_range, 25000);
  EXPECT_DOUBLE_EQ(Trade(t, "term").their_range, 6000);
  EXPECT_NEAR(Trade(t, "price").our_priority, 60000.0 / (60000 + 25000 + 2000 + 12000), 1e-12);
}

TEST(TradeablesTest, GivesAndGetsAreRankedByValueCreatedPerUnitGiven) {
  const Case c = LoadExample("sales-renewal");
  const Tradeables t = ComputeTradeables(c, "cloudco", "acme");
  ASSERT_FALSE(t.gives.empty());
  ASSERT_FALSE(t.gets.empty());
  // Best give: net30 -> net60 costs us 2,000 and is worth 6,000 to Acme (ratio 3).
  EXPECT_EQ(t.gives[0].issue, "payment");
  EXPECT_EQ(t.gives[0].from_text, "net30");
  EXPECT_EQ(t.gives[0].to_text, "net60");
  EXPECT_DOUBLE_EQ(t.gives[0].our_change, -2000);
  EXPECT_DOUBLE_EQ(t.gives[0].their_change, 6000);
  EXPECT_DOUBLE_EQ(t.gives[0].ratio, 3);
  // Best get: 2y -> 3y is worth 10,000 to us and costs Acme 2,000 (ratio 5).
  EXPECT_EQ(t.gets[0].issue, "term");
  EXPECT_EQ(t.gets[0].from_text, "2y");
  EXPECT_EQ(t.gets[0].to_text, "3y");
  EXPECT_DOUBLE_EQ(t.gets[0].ratio, 5);
  for (std::size_t k = 1; k < t.gives.size(); ++k)
    EXPECT_GE(t.gives[k - 1].ratio, t.gives[k].ratio);
  for (std::size_t k = 1; k < t.gets.size(); ++k) EXPECT_GE(t.gets[k - 1].ratio, t.gets[k].ratio);
  // Price moves are one for one.
  for (const Move& m : t.gives) {
    if (m.issue == "price") {
      EXPECT_DOUBLE_EQ(m.ratio, 1);
    }
  }
}

TEST(TradeablesTest, EveryMoveHasTheValuesItClaims) {
  const Case c = LoadExample("hiring-offer");
  const Tradeables t = ComputeTradeables(c, "fernhill", "dana");
  const PartyValuation mine(c, "fernhill"), theirs(c, "dana");
  for (const auto* list : {&t.gives, &t.gets, &t.mutual}) {
    for (const Move& m : *list) {
      const int i = c.IssueIndex(m.issue);
      ASSERT_GE(i, 0);
      EXPECT_NEAR(m.our_change, mine.IssueContribution(i, m.to) - mine.IssueContribution(i, m.from),
                  1e-9);
      EXPECT_NEAR(m.their_change,
                  theirs.IssueContribution(i, m.to) - theirs.IssueContribution(i, m.from), 1e-9);
    }
  }
  for (const Move& m : t.gives) {
    EXPECT_LT(m.our_change, 0);
    EXPECT_GT(m.their_change, 0);
    EXPECT_NEAR(m.ratio, m.their_change / -m.our_change, 1e-12);
  }
  for (const Move& m : t.gets) {
    EXPECT_GT(m.our_change, 0);
    EXPECT_LT(m.their_change, 0);
  }
}

TEST(TradeablesTest, GiveGetPairsStateTheirNetsAndPreferMutualGains) {
  const Case c = LoadExample("sales-renewal");
  const Tradeables t = ComputeTradeables(c, "cloudco", "acme");
  const std::vector<GiveGet> pairs = BuildGiveGetPairs(t, 10);
  ASSERT_FALSE(pairs.empty());
  EXPECT_LE(pairs.size(), 10u);
  EXPECT_TRUE(pairs.front().both_gain);
  bool seen_one_sided = false;
  for (const GiveGet& p : pairs) {
    EXPECT_NE(p.give.issue, p.get.issue);
    EXPECT_DOUBLE_EQ(p.our_net, p.give.our_change + p.get.our_change);
    EXPECT_DOUBLE_EQ(p.their_net, p.give.their_change + p.get.their_change);
    EXPECT_EQ(p.both_gain, p.our_net > 0 && p.their_net > 0);
    if (!p.both_gain) seen_one_sided = true;
    if (seen_one_sided) {
      EXPECT_FALSE(p.both_gain);  // mutual gains come first
    }
  }
}

TEST(TradeablesTest, GiveGetPairsStartFromThePackageOnTheTable) {
  const Case c = analysis::ApplyFloors(LoadExample("sales-renewal")).c;
  // The package the concession log leaves on the table: 124,000, 2 years, net60, premium.
  const Outcome table = {c.issues[0].NearestIndex(124000).first, 1, 1, 1};
  const std::vector<GiveGet> pairs = GiveGetPairsFrom(c, "cloudco", "acme", table, 10);
  // Net60 and premium are already Acme's best, and 3 years is the only term worth more to us:
  // the one trade that creates value is a lower price for the third year.
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].give.issue, "price");
  EXPECT_EQ(pairs[0].give.from_text, "124,000");
  EXPECT_EQ(pairs[0].give.to_text, "117,000");
  EXPECT_EQ(pairs[0].get.issue, "term");
  EXPECT_EQ(pairs[0].get.from_text, "2y");
  EXPECT_EQ(pairs[0].get.to_text, "3y");
  EXPECT_DOUBLE_EQ(pairs[0].our_net, 3000);
  EXPECT_DOUBLE_EQ(pairs[0].their_net, 5000);
  // From the worst package for us every pair starts where the package is, never asks for a value
  // it already has, and creates value.
  const Outcome worst = {0, 0, 1, 1};
  for (const GiveGet& p : GiveGetPairsFrom(c, "cloudco", "acme", worst, 10)) {
    const std::size_t gi = static_cast<std::size_t>(c.IssueIndex(p.give.issue));
    const std::size_t ge = static_cast<std::size_t>(c.IssueIndex(p.get.issue));
    EXPECT_EQ(p.give.from, worst[gi]);
    EXPECT_EQ(p.get.from, worst[ge]);
    EXPECT_NE(p.give.to, p.give.from);
    EXPECT_NE(p.get.to, p.get.from);
    EXPECT_GT(p.our_net + p.their_net, 0);
  }
}

TEST(TradeablesTest, HugeNumberGridsAreSampled) {
  Case c = LoadExample("sales-renewal");
  c.issues[0].step = 0.01;  // 6,000,001 prices
  const Tradeables t = ComputeTradeables(c, "cloudco", "acme");
  std::size_t price_moves = 0;
  for (const Move& m : t.gives) price_moves += m.issue == "price";
  EXPECT_EQ(price_moves, 10u);  // 11 points, 10 neighbouring moves towards Acme
}

TEST(TradeablesTest, PartiesWithoutValuesAreRefused) {
  Case c = LoadExample("sales-renewal");
  EXPECT_THROW(ComputeTradeables(c, "cloudco", "nobody"), Error);
  c.values.pop_back();
  EXPECT_THROW(ComputeTradeables(c, "cloudco", "acme"), Error);
}

RC_GTEST_PROP(TradeablesProperty, PairsAreRankedAndConsistent, ()) {
  Case c = LoadExample("sales-renewal");
  // Random option values for both parties on the three options issues.
  for (Preferences& p : c.values) {
    for (IssueTerm& term : p.terms) {
      if (auto* table = std::get_if<TableValue>(&term.evaluator)) {
        for (auto& [option, value] : table->entries) {
          value = *rc::gen::inRange(-20, 21) * 1000.0;
        }
      }
    }
  }
  const Tradeables t = ComputeTradeables(c, "cloudco", "acme");
  for (std::size_t k = 1; k < t.gives.size(); ++k)
    RC_ASSERT(t.gives[k - 1].ratio >= t.gives[k].ratio);
  const std::vector<GiveGet> pairs = BuildGiveGetPairs(t, 50);
  for (std::size_t k = 1; k < pairs.size(); ++k) {
    RC_ASSERT(!(pairs[k].both_gain && !pairs[k - 1].both_gain));
  }
  for (const GiveGet& p : pairs) {
    RC_ASSERT(p.give.our_change < 0);
    RC_ASSERT(p.get.their_change < 0);
  }
}

}  // namespace
}  // namespace parley::plan
