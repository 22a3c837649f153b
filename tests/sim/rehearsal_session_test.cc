#include "parley/sim/rehearsal_session.h"

#include <gtest/gtest.h>

#include "parley/core/error.h"
#include "parley/plan/brief.h"
#include "parley/sim/strategy_registry.h"
#include "testing/examples.h"

namespace parley::sim {
namespace {

// Played move by move, a negotiation gives RunNegotiation's trace byte for byte.
TEST(NegotiationRunTest, MoveByMoveIsRunNegotiation) {
  const Case c = testing::LoadExample("sales-renewal");
  NegotiationOptions options;
  options.rounds = 30;
  options.seed = 4;
  const Negotiation n(c, options);
  auto players = [&] {
    std::vector<std::unique_ptr<Strategy>> p;
    p.push_back(BuiltinStrategies().Build("linear", {&c}));
    p.push_back(BuiltinStrategies().Build("hardheaded", {&c}));
    for (std::size_t i = 0; i < p.size(); ++i) p[i]->Start(n, i, n.PartySeed(i));
    return p;
  };
  const auto a = players();
  NegotiationRun run(n);
  while (!run.Done()) run.Play(a[run.ToMove()]->Respond(run.CurrentTurn()));
  const NegotiationResult whole = RunNegotiation(n, players());
  EXPECT_EQ(run.Result().trace, whole.trace);
  EXPECT_EQ(run.Result().ending, whole.ending);
  EXPECT_EQ(run.Result().rounds_used, whole.rounds_used);
  EXPECT_EQ(run.Result().utility, whole.utility);
}

TEST(RehearsalSessionTest, PlaysOurMovesAndStopsWithTheResultSoFar) {
  const Case c = testing::LoadExample("sales-renewal");
  const plan::Brief brief = plan::BuildBrief(c);
  RehearsalSession s(c, brief, {"boulware", 10, 1});
  EXPECT_EQ(s.CurrentTurn().table, nullptr);
  // The plan before any offer is the brief's opening, and our anchor draws no comment.
  const NextMove opening = s.Plan();
  ASSERT_TRUE(opening.offer.has_value());
  EXPECT_TRUE(s.Play({ActionKind::kOffer, *opening.offer}).empty());
  ASSERT_NE(s.CurrentTurn().table, nullptr);  // they answered
  EXPECT_EQ(s.CurrentTurn().table_by, 1u);
  EXPECT_EQ(s.Position().rounds.size(), 2u);
  EXPECT_EQ(s.Position().rounds[0].by, c.Us().id);
  s.Stop();
  EXPECT_TRUE(s.Done());
  EXPECT_TRUE(s.Stopped());
  EXPECT_FALSE(s.Result().agreement);
  EXPECT_EQ(s.Result().trace.size(), 2u);
  EXPECT_TRUE(s.Play({ActionKind::kWalk, {}}).empty());  // nothing after the end
  EXPECT_EQ(s.Comments().size(), 1u);
  EXPECT_EQ(s.Summary().moves, 1u);
  // The counterpart may not play our brief.
  EXPECT_THROW(RehearsalSession(c, brief, {"parley", 10, 1}), Error);
}

}  // namespace
}  // namespace parley::sim
