#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/sim/acceptance.h"
#include "parley/sim/concession_policy.h"
#include "parley/sim/frequency_model.h"
#include "parley/sim/protocol.h"
#include "parley/sim/strategy_registry.h"
#include "parley/sim/strategy_spec.h"
#include "testing/case_builders.h"

namespace parley::sim {
namespace {

using testing::NumberIssue;
using testing::OptionsIssue;
using testing::Term;

std::string ErrorOf(const std::string& spec) {
  try {
    BuiltinStrategies().Resolve(spec);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    return e.what();
  }
  return "";
}

TEST(StrategySpecTest, ParsesNamesNumbersAndParts) {
  const StrategySpec s =
      ParseStrategySpec(" boa( offer = timedep(e=2) , accept=combi(t=0.98),model=frequency ) ");
  EXPECT_EQ(s.name, "boa");
  ASSERT_EQ(s.args.size(), 3u);
  EXPECT_EQ(FormatStrategySpec(s), "boa(offer=timedep(e=2),accept=combi(t=0.98),model=frequency)");
  EXPECT_EQ(FormatStrategySpec(ParseStrategySpec("boulware(e=.2)")), "boulware(e=0.2)");
  EXPECT_EQ(FormatStrategySpec(ParseStrategySpec("micro()")), "micro");
}

TEST(StrategySpecTest, SyntaxErrorsSayWhere) {
  auto error = [](const std::string& text) {
    try {
      ParseStrategySpec(text);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(error("boa(offer="),
            "strategy 'boa(offer=': expected a name or a number at character 11");
  EXPECT_EQ(error("boulware(e 0.2)"),
            "strategy 'boulware(e 0.2)': expected '=' after 'e' at character 12");
  EXPECT_EQ(error("boulware(e=0.2"),
            "strategy 'boulware(e=0.2': expected ',' or ')' at character 15");
  EXPECT_EQ(error("Boulware"), "strategy 'Boulware': expected a name at character 1");
  EXPECT_EQ(error("x) "), "strategy 'x) ': unexpected ')' at character 2");
  EXPECT_EQ(error(std::string(1001, 'a')), "a strategy is at most 1,000 characters long");
}

TEST(StrategyRegistryTest, ErrorsNameTheClosestMatch) {
  EXPECT_EQ(ErrorOf("boulwre(e=0.2)"),
            "strategy 'boulwre(e=0.2)': unknown strategy 'boulwre'; did you mean 'boulware'?");
  EXPECT_EQ(ErrorOf("boulware(f=0.2)"),
            "strategy 'boulware(f=0.2)': boulware has no parameter 'f'; did you mean 'e'?");
  EXPECT_EQ(ErrorOf("boulware(e=200)"),
            "strategy 'boulware(e=200)': boulware: e must be from 0 to 100, not 200");
  EXPECT_EQ(ErrorOf("boulware(e=1,e=2)"),
            "strategy 'boulware(e=1,e=2)': boulware: 'e' is given twice");
  EXPECT_EQ(ErrorOf("boa(accept=combo(t=0.9))"),
            "strategy 'boa(accept=combo(t=0.9))': unknown accept 'combo'; did you mean 'combi'?");
  EXPECT_EQ(ErrorOf("boa(accept=0.9)"),
            "strategy 'boa(accept=0.9)': boa: accept must name a part, not a number");
  EXPECT_EQ(ErrorOf("random(accept=next)"),
            "strategy 'random(accept=next)': random: accept must be a number");
}

TEST(StrategyRegistryTest, ResolvedSpecsWriteEveryParameter) {
  const StrategyRegistry& r = BuiltinStrategies();
  EXPECT_EQ(r.Resolve("boulware").Text(), "boulware(e=0.2,k=0)");
  EXPECT_EQ(r.Resolve("boa(offer=timedep(e=2),accept=combi(t=0.98))").Text(),
            "boa(offer=timedep(e=2,k=0),accept=combi(t=0.98),model=frequency(learn=0.2),"
            "window=0.05)");
  EXPECT_EQ(r.Resolve("timedep(e=2,k=0,min=0.6)").Text(), "timedep(e=2,k=0,min=0.6)");
  EXPECT_FALSE(r.NeedsBrief("micro"));
}

TEST(TimeDependentTest, FollowsGeniusFormula) {
  const TimeDependent boulware(0.2, 0.1, 0.3, 0.9);
  for (double t : {0.0, 0.25, 0.5, 0.99, 1.0}) {
    const double f = 0.1 + 0.9 * std::pow(t, 5.0);
    EXPECT_DOUBLE_EQ(boulware.Target({t, {}, 1}), 0.3 + 0.6 * (1 - f)) << t;
  }
  const TimeDependent hardliner(0, 0, 0.3, 0.9);
  EXPECT_DOUBLE_EQ(hardliner.Target({0.999, {}, 1}), 0.9);
  EXPECT_DOUBLE_EQ(hardliner.Target({1, {}, 1}), 0.3);
}

TEST(TitForTatTest, ReciprocatesTheRatioOfTheirConcession) {
  const std::vector<double> one = {0.4}, rising = {0.4, 0.5}, falling = {0.5, 0.4},
                            three = {0.2, 0.3, 0.4};
  const TitForTat relative(1, 0.2, 1);
  EXPECT_DOUBLE_EQ(relative.Target({0.1, one, 1}), 1);  // one offer: nothing to read yet
  EXPECT_DOUBLE_EQ(relative.Target({0.2, rising, 0.9}), 0.9 * 0.4 / 0.5);
  EXPECT_DOUBLE_EQ(relative.Target({0.2, falling, 0.9}), 1);  // they went back: clamped
  const TitForTat averaged(2, 0.2, 1);
  EXPECT_DOUBLE_EQ(averaged.Target({0.3, three, 0.8}), 0.8 * 0.2 / 0.4);
}

TEST(AcceptanceTest, EachConditionAsDefined) {
  const std::vector<double> received = {0.5, 0.7, 0.6}, at = {0.1, 0.5, 0.9};
  AcceptanceInputs in{0.65, 0.8, 0.9, 0.3, &received, &at};
  EXPECT_FALSE((Acceptance{AcceptanceKind::kNext, 1, 0}.Accepts(in)));
  EXPECT_TRUE((Acceptance{AcceptanceKind::kNext, 1, 0.2}.Accepts(in)));
  EXPECT_TRUE((Acceptance{AcceptanceKind::kConst, 0.6, 0}.Accepts(in)));
  EXPECT_TRUE((Acceptance{AcceptanceKind::kTime, 0.9, 0}.Accepts(in)));
  // The window [0.8, 0.9] holds 0.6 only: 0.65 beats it.
  EXPECT_TRUE((Acceptance{AcceptanceKind::kCombi, 0.85, 0}.Accepts(in)));
  in.time = 0.6;  // window [0.2, 0.6] holds 0.7: not beaten, and T not reached anyway
  EXPECT_FALSE((Acceptance{AcceptanceKind::kCombi, 0.5, 0}.Accepts(in)));
  in.offer = 0.25;  // below the reservation utility: never
  EXPECT_FALSE((Acceptance{AcceptanceKind::kTime, 0, 0}.Accepts(in)));
}

TEST(FrequencyModelTest, WeightsFromUnchangedIssuesAndScoresFromCounts) {
  const std::vector<Issue> issues = {OptionsIssue("a", {"x", "y", "z"}),
                                     NumberIssue("n", 0, 100, 1)};
  FrequencyModel model(issues, 0.2);
  model.Observe({0, 20});
  model.Observe({0, 40});  // a kept: a gains 0.2 -> (0.7, 0.5) / 1.2
  const AdditiveModel m = model.Estimate();
  const double wa = 0.7 / 1.2, wn = 0.5 / 1.2;
  EXPECT_DOUBLE_EQ(m.issues[0].table[0], wa * 3 / 3);
  EXPECT_DOUBLE_EQ(m.issues[0].table[1], wa * 1 / 3);
  // Peak at the mean 30: 1 there, 1 - 30/100 at 0, 1 - 70/100 at 100.
  ASSERT_EQ(m.issues[1].points.size(), 3u);
  EXPECT_DOUBLE_EQ(m.issues[1].points[0].second, wn * 0.7);
  EXPECT_DOUBLE_EQ(m.issues[1].points[1].first, 30);
  EXPECT_DOUBLE_EQ(m.issues[1].points[2].second, wn * (1 - 0.7));
}

// A price of 0..10,000 in steps of 1: us values it up (BATNA 2,000), them down.
Case FineGrid() {
  Case c;
  c.issues = {NumberIssue("price", 0, 10'000, 1)};
  c.parties = {testing::MakeParty("us", Side::kUs), testing::MakeParty("them", Side::kThem)};
  c.parties[0].batna = testing::MoneyBatna(2000);
  c.values = {testing::MoneyValues("us", {Term("price", LinearValue{.slope = 1})}),
              testing::MoneyValues("them", {Term("price", LinearValue{.slope = -1})})};
  return c;
}

// Every offer of a time-dependent agent is the first grid point at or above p(t).
TEST(TimeDependentTest, OffersFollowTheTargetOnAFineGrid) {
  const Case c = FineGrid();
  NegotiationOptions options;
  options.rounds = 200;
  const Negotiation n(c, options);
  for (const char* spec : {"boulware", "linear", "conceder(e=2,k=0.1)", "timedep(e=0.5,min=0.6)"}) {
    std::vector<std::unique_ptr<Strategy>> players;
    players.push_back(BuiltinStrategies().Build(spec, {&c}));
    players.push_back(BuiltinStrategies().Build("hardliner", {&c}));
    const NegotiationResult r = RunNegotiation(n, players);
    const ResolvedSpec s = BuiltinStrategies().Resolve(spec);
    const std::string name = s.info->name;
    const double e = name == "linear" ? 1 : *s.Number("e");
    const double pmin = s.Number("min").value_or(0.2);
    const TimeDependent policy(e, *s.Number("k"), pmin, 1);
    std::size_t offers = 0;
    for (const TraceEntry& entry : r.trace) {
      if (entry.party != 0 || entry.action != ActionKind::kOffer) continue;
      const double p = policy.Target({n.Time(entry.round), {}, 1});
      const auto expected = static_cast<std::uint64_t>(std::ceil(p * 10'000 - 1e-8));
      ASSERT_EQ((*entry.outcome)[0], expected) << spec << " round " << entry.round;
      ++offers;
    }
    EXPECT_EQ(offers, 200u) << spec;
    EXPECT_EQ(r.ending, Ending::kDeadline) << spec;
  }
}

// `issues` options issues of ten options each (10^issues outcomes): a values a higher option
// more on every issue, b less.
Case TenOptionIssues(int issues) {
  std::vector<Issue> all;
  std::vector<IssueTerm> a, b;
  std::vector<std::pair<std::string, double>> up, down;
  for (int v = 0; v < 10; ++v) {
    up.emplace_back("o" + std::to_string(v), v);
    down.emplace_back("o" + std::to_string(v), 9 - v);
  }
  for (int i = 0; i < issues; ++i) {
    const std::string id = "i" + std::to_string(i);
    std::vector<std::string> options;
    for (const auto& [name, value] : up) options.push_back(name);
    all.push_back(OptionsIssue(id, options));
    a.push_back(Term(id, testing::Table(up), 1 + i % 3));
    b.push_back(Term(id, testing::Table(down), 1 + i % 2));
  }
  return testing::TwoMoneyParties(all, a, b);
}

// MiCRO concedes to a new proposal only once the other side has made as many distinct offers:
// against a hardliner repeating one offer it proposes its best, then one more, and repeats them.
// Counted the same where the space's size fits 64 bits (3 issues) and where it does not (30).
TEST(MicroTest, ConcedesOnlyAsTheOtherSideMakesDistinctOffers) {
  for (const int issues : {3, 30}) {
    const Case c = TenOptionIssues(issues);
    NegotiationOptions options;
    options.rounds = 40;
    const Negotiation n(c, options);
    std::vector<std::unique_ptr<Strategy>> players;
    players.push_back(BuiltinStrategies().Build("micro", {&c}));
    players.push_back(BuiltinStrategies().Build("hardliner", {&c}));
    const NegotiationResult r = RunNegotiation(n, players);
    std::set<Outcome> ours;
    std::size_t offers = 0;
    for (const TraceEntry& e : r.trace) {
      if (e.party != 0 || e.action != ActionKind::kOffer) continue;
      ours.insert(*e.outcome);
      ++offers;
    }
    EXPECT_EQ(ours.size(), 2u) << issues << " issues";
    EXPECT_EQ(offers, 40u) << issues << " issues";
    EXPECT_EQ(r.ending, Ending::kDeadline) << issues << " issues";
  }
}

}  // namespace
}  // namespace parley::sim
