// The stakeholder map: the salience table, the case-format checks of ties and decision rules
// with their exact messages and positions, a round trip through the writer, and the
// buying-committee example end to end.

#include "parley/stakeholders/stakeholder_map.h"

#include <gtest/gtest.h>

#include <string>

#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"
#include "parley/io/diagnostic.h"

namespace parley::stakeholders {
namespace {

TEST(SalienceTest, EightClassesOfMitchellAgleAndWood) {
  struct Row {
    bool power, legitimacy, urgency;
    const char* name;
  };
  const Row rows[] = {
      {false, false, false, "non-stakeholder"}, {true, false, false, "dormant"},
      {false, true, false, "discretionary"},    {false, false, true, "demanding"},
      {true, true, false, "dominant"},          {true, false, true, "dangerous"},
      {false, true, true, "dependent"},         {true, true, true, "definitive"},
  };
  for (const Row& r : rows) {
    EXPECT_STREQ(SalienceName(SalienceOf(r.power, r.legitimacy, r.urgency)), r.name) << r.name;
  }
}

constexpr const char* kHead = R"(format: parley/1
title: t
parties:
  - {id: us, side: us}
  - {id: acme, name: Acme, side: them}
issues:
  - {id: price, kind: number, range: [0, 10], step: 1}
)";

std::vector<std::string> Problems(const std::string& tail) {
  const io::LoadResult r = io::ReadCaseText(std::string(kHead) + tail, "case.yaml");
  std::vector<std::string> out;
  for (const io::Diagnostic& d : r.diagnostics) out.push_back(io::FormatDiagnostic(d));
  return out;
}

TEST(StakeholderCheckTest, TiesAcrossPartiesAndOverOne) {
  const auto p = Problems(R"(stakeholders:
  - {id: cfo, party: acme}
  - {id: ops, party: acme, influences: [{on: cfo, weight: 0.7}]}
  - {id: vp, party: acme, influences: [{on: cfo, weight: 0.5}]}
  - {id: me, party: us, influences: [{on: cfo, weight: 0.1}]}
)");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0],
            "case.yaml:11:58: error: the weights 'cfo' gives to others' views (the ties `on: "
            "cfo`) add up to 1.2, more than 1, leaving less than nothing for its own view; they "
            "must sum to at most 1 (what they leave is its weight on its own view)");
  EXPECT_EQ(p[1],
            "case.yaml:12:43: error: an influence tie stays within one party: 'cfo' is on "
            "Acme's side and 'me' on us's; tie 'me' only to its own side's stakeholders (a "
            "relationship across the table belongs in `interests` or evidence)");
}

TEST(StakeholderCheckTest, DecisionRules) {
  const auto p = Problems(R"(stakeholders:
  - {id: cfo, party: acme, formal: 5}
  - {id: ops, party: acme}
  - {id: me, party: us}
decision:
  - {party: acme, rule: weighted, quota: 7, weights: {cfo: 3, ops: 2.5, me: 1}}
  - {party: acme, rule: one}
  - {party: acmee, rule: unanimity}
  - {party: us, rule: majority, quota: 1, decider: me}
)");
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0],
            "case.yaml:13:42: error: the quota must be a whole number of votes above 0 and at "
            "most the total (4), not 7");
  EXPECT_EQ(p[1],
            "case.yaml:13:68: error: a weight is a whole number of votes, 0 or more (up to "
            "10^12), not 2.5");
  EXPECT_EQ(p[2],
            "case.yaml:13:77: error: weight holder 'me' is not a stakeholder of Acme (it is on "
            "us's side); name one of Acme's stakeholders");
  EXPECT_EQ(p[3],
            "case.yaml:14:13: error: party 'acme' already has a decision rule at decision[0]; "
            "give each party one rule");
  EXPECT_EQ(p[4], "case.yaml:15:13: error: unknown party 'acmee' (did you mean 'acme'?)");
  EXPECT_EQ(p[5], "case.yaml:16:52: error: `decider` applies to rule `one` only, not `majority`");
}

TEST(StakeholderCheckTest, WeightedNeedsWeightsAndQuota) {
  const auto p = Problems(R"(stakeholders:
  - {id: cfo, party: acme}
decision:
  - {party: acme, rule: weighted}
)");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0],
            "case.yaml:11:25: error: rule `weighted` needs `weights: {stakeholder: votes}` for "
            "Acme's members (a member not listed has no vote)");
  EXPECT_EQ(p[1],
            "case.yaml:11:25: error: rule `weighted` needs a `quota`: the votes needed to decide");
}

io::LoadResult Example() {
  return io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/examples/buying-committee.yaml");
}

TEST(StakeholderMapTest, NewFieldsRoundTrip) {
  const io::LoadResult r = Example();
  ASSERT_TRUE(r.Ok());
  const std::string yaml = io::WriteCaseYaml(*r.value);
  const io::LoadResult again = io::ReadCaseText(yaml, "again.yaml");
  ASSERT_TRUE(again.Ok());
  EXPECT_EQ(*again.value, *r.value);
  EXPECT_EQ(again.value->decisions.size(), 1u);
  EXPECT_EQ(again.value->stakeholders[0].role, "economic-buyer");
}

TEST(StakeholderMapTest, BuyingCommitteeEndToEnd) {
  const io::LoadResult r = Example();
  ASSERT_TRUE(r.Ok());
  const StakeholderMap map = MapStakeholders(*r.value);
  ASSERT_EQ(map.parties.size(), 2u);
  const PartyMap& harbor = map.parties[1];
  EXPECT_EQ(harbor.party, "harbor");
  EXPECT_EQ(harbor.org_chart_decider, "h-cfo");
  EXPECT_TRUE(harbor.differs_from_org_chart);
  EXPECT_EQ(map.real_deciders, (std::vector<std::string>{"t-ae", "h-vpops", "h-ciso"}));
  EXPECT_EQ(harbor.members[0].salience, Salience::kDominant);  // the CFO: 25% of the votes
  EXPECT_EQ(map.engagement_order.front(), "h-planner");
  EXPECT_FALSE(harbor.single_threaded);
  EXPECT_EQ(harbor.mode, "one by one");
}

// With a quota of 5 of 7 weights, the others' 4 fall short without the CFO (3): every winning
// coalition needs her, a veto by the rule's arithmetic, so she is a real decider and has power;
// at the example's quota of 4 she has no such veto.
TEST(StakeholderMapTest, AVetoByTheRulesArithmeticMakesARealDecider) {
  io::LoadResult r = Example();
  ASSERT_TRUE(r.Ok());
  Case c = *r.value;
  const auto member = [](const StakeholderMap& map, const std::string& id) {
    for (const MemberPower& p : map.parties[1].members) {
      if (p.id == id) return p;
    }
    return MemberPower{};
  };
  EXPECT_FALSE(member(MapStakeholders(c), "h-cfo").veto);
  c.decisions[0].quota = 5;
  const StakeholderMap map = MapStakeholders(c);
  const MemberPower cfo = member(map, "h-cfo");
  EXPECT_TRUE(cfo.veto);
  EXPECT_TRUE(cfo.veto_by_rule);
  EXPECT_TRUE(cfo.decides);
  EXPECT_TRUE(cfo.power);
  EXPECT_FALSE(member(map, "h-ciso").veto_by_rule);  // a veto written in the case
  EXPECT_TRUE(member(map, "h-ciso").veto);
  EXPECT_FALSE(member(map, "h-coo").veto);  // 3 + 1 + 1 = 5 without the COO
  EXPECT_NE(map.parties[1].reason.find(
                "with the veto holders h-cfo (by the rule: the others together fall short of the "
                "quota)"),
            std::string::npos)
      << map.parties[1].reason;
  // Every real decider has power, so none reads "monitor".
  for (const MemberPower& p : map.parties[1].members) {
    EXPECT_TRUE(!p.decides || p.power) << p.id;
  }
}

}  // namespace
}  // namespace parley::stakeholders
