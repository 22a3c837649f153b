// Formal power: each decision rule's weighted voting game, vetoes included, gives the coalition
// module's indices equal to brute force over the rule's own winning coalitions.

#include "parley/stakeholders/formal_power.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "coalition/brute_force.h"
#include "parley/coalition/power_indices.h"

namespace parley::stakeholders {
namespace {

Case Committee(int n, const std::vector<bool>& veto, DecisionRule rule) {
  Case c;
  for (int i = 0; i < n; ++i) {
    Stakeholder s;
    s.id = "m" + std::to_string(i);
    s.party = "them";
    s.formal = i;  // the last member has the highest formal authority
    s.veto = veto[i];
    c.stakeholders.push_back(s);
  }
  rule.party = "them";
  c.decisions.push_back(rule);
  return c;
}

// Whether coalition `mask` decides under the rule read directly, vetoes as a conjunction.
bool Wins(const Case& c, const EffectiveRule& r, std::uint32_t mask) {
  const int n = static_cast<int>(c.stakeholders.size());
  for (int i = 0; i < n; ++i) {
    if (c.stakeholders[i].veto && !(mask >> i & 1)) return false;
  }
  const int size = __builtin_popcount(mask);
  switch (r.rule.rule) {
    case DecisionRuleKind::kOne:
      for (int i = 0; i < n; ++i) {
        if (c.stakeholders[i].id == r.decider) return mask >> i & 1;
      }
      return false;
    case DecisionRuleKind::kUnanimity:
      return size == n;
    case DecisionRuleKind::kMajority:
      return size >= (r.rule.quota ? static_cast<int>(*r.rule.quota) : n / 2 + 1);
    case DecisionRuleKind::kWeighted: {
      double votes = 0;
      for (const auto& [id, w] : r.rule.weights) {
        for (int i = 0; i < n; ++i) votes += (mask >> i & 1) && c.stakeholders[i].id == id ? w : 0;
      }
      return votes >= *r.rule.quota;
    }
  }
  return false;
}

RC_GTEST_PROP(FormalPowerTest, EveryRuleMatchesBruteForce, ()) {
  const int n = *rc::gen::inRange(1, 8);
  std::vector<bool> veto(n);
  for (int i = 0; i < n; ++i) veto[i] = *rc::gen::inRange(0, 5) == 0;
  DecisionRule rule;
  rule.rule = static_cast<DecisionRuleKind>(*rc::gen::inRange(0, 4));
  if (rule.rule == DecisionRuleKind::kMajority && *rc::gen::arbitrary<bool>())
    rule.quota = *rc::gen::inRange(1, n + 1);
  if (rule.rule == DecisionRuleKind::kWeighted) {
    double total = 0;
    for (int i = 0; i < n; ++i) {
      const int w = *rc::gen::inRange(0, 6);
      rule.weights.emplace_back("m" + std::to_string(i), w);
      total += w;
    }
    if (total == 0) rule.weights[0].second = total = 1;
    rule.quota = *rc::gen::inRange(1, static_cast<int>(total) + 1);
  }
  const Case c = Committee(n, veto, rule);
  const EffectiveRule r = RuleOf(c, "them");
  RC_ASSERT(!r.assumed);
  const auto fast = coalition::ComputeIndices(DecisionGame(c, r));
  const auto slow = coalition::testing::BruteForceIndices(
      n, [&](std::uint32_t mask) { return Wins(c, r, mask); });
  for (const char* key : {"shapley_shubik", "banzhaf"}) {
    for (int i = 0; i < n; ++i) {
      RC_ASSERT(fast.Find(key)->values[i].Text() == coalition::testing::Text(slow.at(key)[i]));
    }
  }
}

TEST(FormalPowerTest, OneWithoutDeciderIsTheHighestFormal) {
  const Case c = Committee(3, {false, false, false}, DecisionRule{});
  const EffectiveRule r = RuleOf(c, "them");
  EXPECT_EQ(r.decider, "m2");
  const auto game = DecisionGame(c, r);
  EXPECT_EQ(game.weights, (std::vector<std::uint64_t>{0, 0, 1}));
  EXPECT_EQ(game.quota, 1u);
}

TEST(FormalPowerTest, VetoRaisesWeightAndQuota) {
  // Majority of 3 (quota 2), m0 holds a veto: K = 3 + 1, so weights 5,1,1 and quota 6.
  DecisionRule rule;
  rule.rule = DecisionRuleKind::kMajority;
  const Case c = Committee(3, {true, false, false}, rule);
  const auto game = DecisionGame(c, RuleOf(c, "them"));
  EXPECT_EQ(game.weights, (std::vector<std::uint64_t>{5, 1, 1}));
  EXPECT_EQ(game.quota, 6u);
  const auto indices = coalition::ComputeIndices(game);
  EXPECT_EQ(indices.Find("shapley_shubik")->values[0].Text(), "2/3");
}

TEST(FormalPowerTest, NoRuleAndNoFormalAssumesMajority) {
  Case c;
  for (const char* id : {"a", "b", "c"}) {
    Stakeholder s;
    s.id = id;
    s.party = "them";
    c.stakeholders.push_back(s);
  }
  const EffectiveRule r = RuleOf(c, "them");
  EXPECT_TRUE(r.assumed);
  EXPECT_EQ(r.rule.rule, DecisionRuleKind::kMajority);
}

}  // namespace
}  // namespace parley::stakeholders
