#include "parley/sim/reported_utility.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "parley/analysis/deal_space.h"
#include "parley/analysis/offer.h"
#include "parley/core/outcome_space.h"
#include "parley/sim/metrics.h"
#include "parley/sim/protocol.h"
#include "testing/case_builders.h"

namespace parley::sim {
namespace {

using testing::NumberIssue;
using testing::OptionsIssue;
using testing::Table;
using testing::Term;

// A price of 0..100 and a service level; our floor keeps the price at 40 or more, so the deal
// space inside the floors is narrower than the whole space and the two scales differ.
Case FlooredCase() {
  Case c = testing::TwoMoneyParties(
      {NumberIssue("price", 0, 100, 10), OptionsIssue("service", {"basic", "full"})},
      {Term("price", LinearValue{.slope = 1}),
       Term("service", Table({{"basic", 0}, {"full", -15}}))},
      {Term("price", LinearValue{.slope = -1}),
       Term("service", Table({{"basic", 0}, {"full", 25}}))});
  c.parties[0].batna = testing::MoneyBatna(30);
  c.parties[1].batna = testing::MoneyBatna(-90);
  c.floors = {testing::NumberFloor("a", "price", 40, std::nullopt)};
  return c;
}

// Offers `k` at its first turn and accepts anything after.
class OfferThenAccept : public Strategy {
 public:
  explicit OfferThenAccept(Outcome k) : k_(std::move(k)) {}
  void Start(const Negotiation&, std::size_t, std::uint64_t) override {}
  Response Respond(const Turn& turn) override {
    if (turn.table != nullptr) return {ActionKind::kAccept, {}};
    return {ActionKind::kOffer, k_};
  }

 private:
  Outcome k_;
};

// Every outcome reads as `parley evaluate` gives it, the walk-aways as the frontier's, and the
// order of outcomes for each party is the strategies' (an affine change of their scale).
TEST(ReportedUtilityTest, EveryOutcomeReadsAsEvaluateGivesIt) {
  const Case c = FlooredCase();
  const Negotiation n(c, {});
  const ReportedUtility reported(n);
  const analysis::Frontier f = analysis::ComputeDealFrontier(c);
  ASSERT_EQ(reported.Disagreement().size(), 2u);
  EXPECT_NEAR(reported.Disagreement()[0], f.disagreement[0], 1e-12);
  EXPECT_NEAR(reported.Disagreement()[1], f.disagreement[1], 1e-12);
  const OutcomeSpace space(c.issues);
  const std::uint64_t size = *space.Size().ToUint64();
  bool scales_differ = false;
  for (std::uint64_t k = 0; k < size; ++k) {
    const Outcome o = space.At(k);
    const analysis::OfferScore s = analysis::ScoreOffer(c, f, o);
    const std::vector<double> u = reported.Of(o);
    for (std::size_t p = 0; p < 2; ++p) {
      EXPECT_NEAR(u[p], s.parties[p].utility, 1e-12) << k;
      scales_differ = scales_differ || std::abs(u[p] - n.Valuation(p).Utility(o)) > 1e-6;
      for (std::uint64_t j = 0; j < size; ++j) {
        const Outcome other = space.At(j);
        EXPECT_EQ(reported.Of(other)[p] < u[p],
                  n.Valuation(p).Utility(other) < n.Valuation(p).Utility(o))
            << k << " " << j;
      }
    }
  }
  EXPECT_TRUE(scales_differ);  // else this test would not tell the scales apart
}

// simulate's trace, result and shares use that scale; the share of a money deal is in money.
TEST(ReportedUtilityTest, TheMetricsUseIt) {
  const Case c = FlooredCase();
  const Negotiation n(c, {});
  std::vector<std::unique_ptr<Strategy>> players;
  players.push_back(std::make_unique<OfferThenAccept>(Outcome{6, 1}));  // 60, full
  players.push_back(std::make_unique<OfferThenAccept>(Outcome{0, 0}));
  const NegotiationResult r = RunNegotiation(n, players);
  ASSERT_TRUE(r.agreement);
  const SimulationMetrics m = ComputeMetrics(n, r);
  const ReportedUtility reported(n);
  ASSERT_EQ(m.moves.size(), r.trace.size());
  for (std::size_t k = 0; k < r.trace.size(); ++k) {
    ASSERT_TRUE(r.trace[k].outcome.has_value());
    EXPECT_EQ(m.moves[k], reported.Of(*r.trace[k].outcome));
  }
  EXPECT_EQ(m.utility, reported.Of(Outcome{6, 1}));
  EXPECT_EQ(m.disagreement, reported.Disagreement());
  // Gains in money: us 60 - 15 - 30 = 15, them -60 + 25 + 90 = 55.
  ASSERT_EQ(m.surplus_share.size(), 2u);
  EXPECT_NEAR(m.surplus_share[0], 15.0 / 70, 1e-12);
  EXPECT_NEAR(m.surplus_share[1], 55.0 / 70, 1e-12);
}

}  // namespace
}  // namespace parley::sim
