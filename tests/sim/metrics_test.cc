#include "parley/sim/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "testing/case_builders.h"

namespace parley::sim {
namespace {

using testing::NumberIssue;
using testing::Term;

// Offers its outcome at its first turn and accepts anything after.
class OfferThenAccept : public Strategy {
 public:
  explicit OfferThenAccept(std::uint64_t k) : k_(k) {}
  void Start(const Negotiation&, std::size_t, std::uint64_t) override {}
  Response Respond(const Turn& turn) override {
    if (turn.table != nullptr) return {ActionKind::kAccept, {}};
    return {ActionKind::kOffer, {k_}};
  }

 private:
  std::uint64_t k_;
};

// A price of 0..100 in steps of 10; us gains it (BATNA 20), them pays it (no BATNA: 0).
Case PriceCase() {
  Case c;
  c.issues = {NumberIssue("price", 0, 100, 10)};
  c.parties = {testing::MakeParty("us", Side::kUs), testing::MakeParty("them", Side::kThem)};
  c.parties[0].batna = testing::MoneyBatna(20);
  c.values = {testing::MoneyValues("us", {Term("price", LinearValue{.slope = 1})}),
              testing::MoneyValues("them", {Term("price", LinearValue{.slope = -1})})};
  return c;
}

TEST(MetricsTest, DistancesAndSharesOfADeal) {
  const Case c = PriceCase();
  const Negotiation n(c, {});
  std::vector<std::unique_ptr<Strategy>> players;
  players.push_back(std::make_unique<OfferThenAccept>(8));
  players.push_back(std::make_unique<OfferThenAccept>(0));
  const NegotiationResult r = RunNegotiation(n, players);
  ASSERT_TRUE(r.agreement);
  const SimulationMetrics m = ComputeMetrics(n, r);
  ASSERT_TRUE(m.frontier_available);
  EXPECT_NEAR(*m.pareto_distance, 0, 1e-12);  // every price is Pareto optimal here
  // Nash: the largest (u - 0.2)(1 - u) on the grid is at u = 0.6.
  ASSERT_EQ(m.nash_utility.size(), 2u);
  EXPECT_NEAR(m.nash_utility[0], 0.6, 1e-12);
  EXPECT_NEAR(*m.nash_distance, std::sqrt(0.08), 1e-12);
  ASSERT_EQ(m.surplus_share.size(), 2u);
  EXPECT_NEAR(m.surplus_share[0], 0.75, 1e-12);  // gains 0.6 and 0.2
  EXPECT_NEAR(m.surplus_share[1], 0.25, 1e-12);
}

TEST(MetricsTest, NoDealIsMeasuredFromTheNoDealPoint) {
  const Case c = PriceCase();
  NegotiationOptions options;
  options.rounds = 1;
  const Negotiation n(c, options);
  std::vector<std::unique_ptr<Strategy>> players;
  players.push_back(std::make_unique<OfferThenAccept>(8));
  // Them walks away at its first turn.
  class Walker : public Strategy {
    void Start(const Negotiation&, std::size_t, std::uint64_t) override {}
    Response Respond(const Turn&) override { return {ActionKind::kWalk, {}}; }
  };
  players.push_back(std::make_unique<Walker>());
  const NegotiationResult r = RunNegotiation(n, players);
  const SimulationMetrics m = ComputeMetrics(n, r);
  EXPECT_FALSE(m.agreement);
  EXPECT_NEAR(m.point[0], 0.2, 1e-12);
  EXPECT_NEAR(m.point[1], 0, 1e-12);
  // The frontier points are (x, 1 - x) for x = 0, 0.1, ..., 1; the nearest to (0.2, 0) is
  // x = 0.6, at sqrt(0.4^2 + 0.4^2).
  EXPECT_NEAR(*m.pareto_distance, std::sqrt(0.32), 1e-12);
  EXPECT_TRUE(m.surplus_share.empty());
}

}  // namespace
}  // namespace parley::sim
