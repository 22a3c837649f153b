// The conformance suite every registered strategy passes (OpenSpiel's habit): against every
// other, on the examples and on random cases, it follows the protocol (no violation), ends by
// the deadline, never offers or accepts an outcome worth less than its reservation utility
// (no registered strategy's rules allow it), walks away only when no outcome beats no deal, and
// gives byte-identical traces for the same seed.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <memory>

#include "parley/core/error.h"
#include "parley/plan/brief.h"
#include "parley/sim/protocol.h"
#include "parley/sim/strategy_registry.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::sim {
namespace {

constexpr double kTolerance = 1e-9;

// Every registered strategy with its default parameters, and a few variants.
std::vector<std::string> Specs() {
  std::vector<std::string> out;
  for (const StrategyInfo& info : BuiltinStrategies().Entries()) {
    if (info.kind == EntryKind::kStrategy && !info.needs_brief) out.push_back(info.name);
  }
  out.push_back("boa(offer=relative_tft(delta=2),accept=combi(t=0.9),model=none)");
  out.push_back("boa(offer=timedep(e=0.5,k=0.1),accept=const(c=0.7))");
  out.push_back("boa(accept=time(t=0.5))");
  out.push_back("boa(offer=timedep(e=0.5),model=bayesian)");
  return out;
}

std::vector<std::unique_ptr<Strategy>> BuiltinPlayers(const Case& c, const Negotiation& n,
                                                      const std::string& us,
                                                      const std::string& them) {
  std::vector<std::unique_ptr<Strategy>> players;
  for (std::size_t p = 0; p < n.PartyCount(); ++p) {
    players.push_back(BuiltinStrategies().Build(p == 0 ? us : them, {&c}));
  }
  return players;
}

// Checks one negotiation; returns a failure message or empty.
std::string Check(const Negotiation& n, const NegotiationResult& r) {
  if (r.ending == Ending::kViolation) return "violation: " + r.violation;
  if (r.rounds_used > n.options().rounds) return "past the deadline";
  for (const TraceEntry& e : r.trace) {
    const double rv = n.ReservationUtility(e.party);
    if (e.action == ActionKind::kWalk) {
      if (n.BestUtility(e.party) >= rv) return "walked away though a deal could beat no deal";
      continue;
    }
    if (!e.outcome) return "a move without an outcome";
    if (e.utility[e.party] < rv - kTolerance) {
      return std::string(ActionName(e.action)) + " below the reservation utility in round " +
             std::to_string(e.round);
    }
  }
  return "";
}

void RunAll(const Case& c, std::uint64_t rounds, std::uint64_t seed) {
  NegotiationOptions options;
  options.rounds = rounds;
  options.seed = seed;
  const Negotiation n(c, options);
  for (const std::string& us : Specs()) {
    for (const std::string& them : Specs()) {
      const NegotiationResult r = RunNegotiation(n, BuiltinPlayers(c, n, us, them));
      const std::string failure = Check(n, r);
      RC_ASSERT(failure.empty());
      if (failure.empty()) continue;
    }
  }
}

TEST(ConformanceTest, EveryStrategyOnTheExamples) {
  for (const char* name : {"sales-renewal", "hiring-offer", "procurement-components",
                           "partnership-cobranding", "internal-promotion", "buying-committee"}) {
    const Case c = testing::LoadExample(name);
    int valued = 0;
    for (const Party& p : c.parties) valued += c.FindValues(p.id) != nullptr ? 1 : 0;
    if (valued < 2) continue;
    NegotiationOptions options;
    options.rounds = 60;
    options.seed = 7;
    const Negotiation n(c, options);
    for (const std::string& us : Specs()) {
      for (const std::string& them : Specs()) {
        const NegotiationResult r = RunNegotiation(n, BuiltinPlayers(c, n, us, them));
        EXPECT_EQ(Check(n, r), "") << name << ": " << us << " vs " << them;
        const NegotiationResult again = RunNegotiation(n, BuiltinPlayers(c, n, us, them));
        EXPECT_EQ(again.trace, r.trace) << name << ": " << us << " vs " << them;
      }
    }
  }
}

// The `parley` strategy, which needs the brief, plays us against every other strategy on the
// examples whose brief has an anchor (tests/sim/parley_agent_test.cc checks its plan).
TEST(ConformanceTest, TheParleyStrategyOnTheExamples) {
  for (const char* name : {"sales-renewal", "hiring-offer", "procurement-components",
                           "partnership-cobranding", "internal-promotion", "buying-committee"}) {
    const Case c = testing::LoadExample(name);
    std::unique_ptr<plan::Brief> brief;
    try {
      brief = std::make_unique<plan::Brief>(plan::BuildBrief(c));
    } catch (const Error&) {
      continue;
    }
    if (!brief->anchor) continue;
    NegotiationOptions options;
    options.rounds = 60;
    options.seed = 7;
    const Negotiation n(c, options);
    for (const std::string& them : Specs()) {
      std::vector<std::unique_ptr<Strategy>> players;
      players.push_back(BuiltinStrategies().Build("parley", {&c, brief.get()}));
      for (std::size_t p = 1; p < n.PartyCount(); ++p) {
        players.push_back(BuiltinStrategies().Build(them, {&c}));
      }
      const NegotiationResult r = RunNegotiation(n, players);
      EXPECT_EQ(Check(n, r), "") << name << ": parley vs " << them;
    }
  }
}

RC_GTEST_PROP(ConformanceTest, EveryStrategyOnRandomCases, ()) {
  testing::RandomDomainSpec spec;
  spec.parties = *rc::gen::inRange(2, 4);
  spec.value_kinds = true;
  spec.batna_percent = 60;
  const Case c = testing::RandomDomain(spec);
  RunAll(c, *rc::gen::inRange(1, 30), *rc::gen::inRange(0, 1000));
}

TEST(ConformanceTest, SameSeedSameTraceDifferentSeedMayDiffer) {
  const Case c = testing::LoadExample("sales-renewal");
  NegotiationOptions options;
  options.rounds = 80;
  options.seed = 3;
  const Negotiation n(c, options);
  const NegotiationResult a =
      RunNegotiation(n, BuiltinPlayers(c, n, "random", "random(accept=0.05)"));
  const NegotiationResult b =
      RunNegotiation(n, BuiltinPlayers(c, n, "random", "random(accept=0.05)"));
  EXPECT_EQ(a.trace, b.trace);
  options.seed = 4;
  const Negotiation other(c, options);
  const NegotiationResult d =
      RunNegotiation(other, BuiltinPlayers(c, other, "random", "random(accept=0.05)"));
  EXPECT_NE(a.trace, d.trace);
}

}  // namespace
}  // namespace parley::sim
