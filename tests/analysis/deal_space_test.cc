// Tests of AnalyseDealSpace: the one deal-space result equals its parts computed one by one, and
// the weights are checked with exact messages.
#include "parley/analysis/deal_space.h"
#include "parley/analysis/floors.h"

#include <gtest/gtest.h>

#include <string>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "testing/examples.h"

namespace parley::analysis {
namespace {

std::string UsageMessage(const Case& c, const DealSpaceOptions& o) {
  try {
    AnalyseDealSpace(c, o);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    return e.what();
  }
  return "";
}

TEST(DealSpaceTest, EqualsItsPartsOnEveryExample) {
  for (const char* name : {"sales-renewal", "hiring-offer", "procurement-components"}) {
    SCOPED_TRACE(name);
    const Case c = testing::LoadExample(name);
    const DealSpace d = AnalyseDealSpace(c);
    // The one deal space: the outcomes inside every floor, indexed back in the case.
    const FlooredCase floored = ApplyFloors(c);
    ASSERT_TRUE(floored.feasible);
    ASSERT_EQ(d.floor_notes, floored.notes);
    const Frontier f = ComputeFrontier(floored.c);
    ASSERT_EQ(d.frontier.points.size(), f.points.size());
    ASSERT_EQ(d.solutions.size(), 4u);
    const SolutionRule rules[] = {SolutionRule::kNash, SolutionRule::kKalaiSmorodinsky,
                                  SolutionRule::kEgalitarian, SolutionRule::kUtilitarian};
    for (std::size_t k = 0; k < 4; ++k) {
      EXPECT_EQ(d.solutions[k].rule, rules[k]);
      EXPECT_EQ(d.solutions[k].solution.points, Solve(f, rules[k]).points);
    }
    for (std::size_t k = 0; k < f.points.size(); ++k) {
      EXPECT_EQ(d.frontier.points[k].outcome, ToOriginalOutcome(c, floored.c, f.points[k].outcome));
      EXPECT_EQ(d.frontier.points[k].utility, f.points[k].utility);
    }
    const Zopa z = ComputeZopa(floored.c);
    EXPECT_EQ(d.zopa.exists, z.exists);
    EXPECT_EQ(d.zopa.acceptable_count.ToString(), z.acceptable_count.ToString());
    for (std::size_t i = 0; i < f.parties.size(); ++i) {
      const PartyValuation v(c, f.parties[i]);
      ASSERT_EQ(d.money[i], v.form() == ValueForm::kMoney);
      if (!d.money[i]) continue;
      for (std::size_t k = 0; k < f.points.size(); ++k) {
        EXPECT_EQ(d.point_values[i][k], v.Value(d.frontier.points[k].outcome));
      }
    }
  }
}

TEST(DealSpaceTest, WeightsAddTheWeightedNashSolution) {
  const Case c = testing::LoadExample("sales-renewal");
  DealSpaceOptions o;
  o.weights = {{"cloudco", 1.0}, {"acme", 3.0}};
  const DealSpace d = AnalyseDealSpace(c, o);
  ASSERT_EQ(d.solutions.size(), 5u);
  EXPECT_EQ(d.solutions.back().rule, SolutionRule::kWeightedNash);
  std::vector<double> ordered;
  for (const std::string& party : d.frontier.parties)
    ordered.push_back(party == "acme" ? 3.0 : 1.0);
  EXPECT_EQ(d.solutions.back().solution.points,
            Solve(d.frontier, SolutionRule::kWeightedNash, ordered).points);
}

TEST(DealSpaceTest, BadWeightsAreUsageErrors) {
  const Case c = testing::LoadExample("sales-renewal");
  DealSpaceOptions o;
  o.weights = {{"acme", 1.0}};
  EXPECT_EQ(UsageMessage(c, o), "--weights gives no weight for party 'cloudco'");
  o.weights = {{"acme", 1.0}, {"cloudco", 1.0}, {"helix", 2.0}};
  EXPECT_EQ(UsageMessage(c, o), "--weights names 'helix', which is not a party stating values");
  o.weights = {{"acme", 1.0}, {"acme", 2.0}};
  EXPECT_EQ(UsageMessage(c, o), "--weights names party 'acme' twice");
}

}  // namespace
}  // namespace parley::analysis
