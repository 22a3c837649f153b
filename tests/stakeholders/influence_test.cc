// DeGroot consensus weights and Friedkin-Johnsen social power against hand computations, and
// the consensus against power iteration on random row-stochastic matrices.

#include "parley/stakeholders/influence.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "parley/core/error.h"

namespace parley::stakeholders {
namespace {

TEST(DeGrootTest, HandComputedThreeByThree) {
  // pi1 = 0.5 pi1 + 0.25 pi2 gives pi1 = pi2 / 2, and pi3 likewise: (1/4, 1/2, 1/4).
  const Matrix w = {{0.5, 0.5, 0}, {0.25, 0.5, 0.25}, {0, 0.5, 0.5}};
  const Consensus c = DeGrootConsensus(w);
  EXPECT_EQ(c.kind, ConsensusKind::kPrimitive);
  ASSERT_EQ(c.weights.size(), 3u);
  EXPECT_NEAR(c.weights[0], 0.25, 1e-12);
  EXPECT_NEAR(c.weights[1], 0.5, 1e-12);
  EXPECT_NEAR(c.weights[2], 0.25, 1e-12);
}

TEST(DeGrootTest, OneClosedGroupHoldsTheWholeConsensus) {
  // Member 1 listens half to member 0, who listens to no one.
  const Consensus c = DeGrootConsensus({{1, 0}, {0.5, 0.5}});
  EXPECT_EQ(c.kind, ConsensusKind::kOneClosedGroup);
  EXPECT_NEAR(c.weights[0], 1, 1e-12);
  EXPECT_NEAR(c.weights[1], 0, 1e-12);
}

TEST(DeGrootTest, PeriodicAndSeveralGroupsHaveNoConsensus) {
  const Consensus periodic = DeGrootConsensus({{0, 1}, {1, 0}});
  EXPECT_EQ(periodic.kind, ConsensusKind::kPeriodic);
  EXPECT_EQ(periodic.period, 2);
  EXPECT_TRUE(periodic.weights.empty());
  const Consensus apart = DeGrootConsensus({{1, 0, 0}, {0, 1, 0}, {0.5, 0.5, 0}});
  EXPECT_EQ(apart.kind, ConsensusKind::kSeveralClosedGroups);
  EXPECT_EQ(apart.closed_groups.size(), 2u);
  EXPECT_TRUE(apart.weights.empty());
}

TEST(DeGrootTest, RefusesARowNotSummingToOne) {
  EXPECT_THROW(DeGrootConsensus({{0.5, 0.4}, {0, 1}}), Error);
}

RC_GTEST_PROP(DeGrootTest, MatchesPowerIteration, ()) {
  const int n = *rc::gen::inRange(1, 8);
  Matrix w(n, std::vector<double>(n));
  for (auto& row : w) {
    double sum = 0;
    for (double& x : row) sum += x = *rc::gen::inRange(1, 100);
    for (double& x : row) x /= sum;
  }
  const Consensus c = DeGrootConsensus(w);
  RC_ASSERT(c.kind == ConsensusKind::kPrimitive);
  std::vector<double> pi(n, 1.0 / n);
  for (int step = 0; step < 2000; ++step) {
    std::vector<double> next(n, 0.0);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) next[j] += pi[i] * w[i][j];
    }
    pi = next;
  }
  for (int i = 0; i < n; ++i) RC_ASSERT(std::abs(pi[i] - c.weights[i]) < 1e-9);
}

TEST(FriedkinJohnsenTest, HandComputedTwoByTwo) {
  // L W = [[0, 0], [0.25, 0.25]]; (I - L W)^-1 = [[1, 0], [1/3, 4/3]]; times diag(1, 0.5):
  // V = [[1, 0], [1/3, 2/3]], column means (2/3, 1/3).
  const Matrix w = {{1, 0}, {0.5, 0.5}};
  EXPECT_EQ(DefaultSusceptibility(w), (std::vector<double>{0, 0.5}));
  const SocialPower fj = FriedkinJohnsen(w, DefaultSusceptibility(w));
  EXPECT_FALSE(fj.capped);
  EXPECT_NEAR(fj.v[1][0], 1.0 / 3, 1e-12);
  EXPECT_NEAR(fj.v[1][1], 2.0 / 3, 1e-12);
  EXPECT_NEAR(fj.power[0], 2.0 / 3, 1e-12);
  EXPECT_NEAR(fj.power[1], 1.0 / 3, 1e-12);
}

TEST(FriedkinJohnsenTest, CapsAGroupWithNoSelfWeight) {
  // Two members giving each other their whole weight: I - W is singular; each keeps 5%.
  const SocialPower fj = FriedkinJohnsen({{0, 1}, {1, 0}}, {1, 1});
  EXPECT_TRUE(fj.capped);
  EXPECT_NEAR(fj.power[0], 0.5, 1e-12);
  EXPECT_NEAR(fj.susceptibility[0], 1 - kMinAnchor, 1e-12);
}

}  // namespace
}  // namespace parley::stakeholders
