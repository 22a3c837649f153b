// Tests of the whole analysis (AnalysePower): the chair, the options and the analysis date, what
// is computed when fewer parties state values, the floors; and the properties the product
// promises, on random two-party cases through the whole pipeline: a better BATNA or a more
// impatient opponent never hurts us, mirror images split the surplus, the deal is the same from
// either chair, no ZOPA means no deal and a pitfall, the same seed gives the same report.
#include "parley/power/analysis.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "testing/brute_force.h"
#include "testing/case_builders.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::NumberIssue;
using ::parley::testing::Term;

using ::parley::testing::LoadExample;

PowerOptions Fast(const std::string& as = "") {
  PowerOptions o;
  o.as = as;
  o.samples = 300;
  return o;
}

std::size_t IndexOf(const Prediction& pr, const std::string& party) {
  return static_cast<std::size_t>(std::find(pr.parties.begin(), pr.parties.end(), party) -
                                  pr.parties.begin());
}

// ---------------------------------------------------------------------------------------------
// The pipeline.

TEST(ReportTest, ChairOptionsAndDate) {
  const Case c = LoadExample("sales-renewal");
  PowerReport r = AnalysePower(c, Fast());
  EXPECT_EQ(r.perspective, "cloudco");
  EXPECT_EQ(r.options.today, "2026-11-20");  // the latest concession date
  EXPECT_EQ(r.today_source, "case");
  ASSERT_TRUE(r.leverage.has_value());
  EXPECT_EQ(r.leverage->today, "2026-11-20");
  EXPECT_EQ(r.leverage->today_source, "case");
  EXPECT_NE(std::find(r.assumptions.begin(), r.assumptions.end(),
                      "Deadlines are counted from 2026-11-20, the case's latest dated fact (set "
                      "--today to change it)."),
            r.assumptions.end());
  EXPECT_EQ(r.options.samples, 300u);
  EXPECT_EQ(r.sources.parties, (std::vector<std::string>{"cloudco", "acme"}));
  EXPECT_EQ(r.structural.size(), 2u);
  EXPECT_EQ(r.lenses.size(), 2u);
  EXPECT_EQ(r.perception.perspective, "cloudco");
  ASSERT_TRUE(r.prediction.has_value());
  EXPECT_EQ(r.prediction->perspective, "cloudco");
  EXPECT_FALSE(r.levers.empty());

  PowerOptions options = Fast("acme");
  options.today = "2026-12-01";
  r = AnalysePower(c, options);
  EXPECT_EQ(r.perspective, "acme");
  EXPECT_EQ(r.options.today, "2026-12-01");
  EXPECT_EQ(r.today_source, "option");
  EXPECT_EQ(r.leverage->today_source, "option");
  EXPECT_EQ(r.prediction->perspective, "acme");
  for (const Lever& l : r.levers) {
    if (l.lever == "improve-batna" || l.lever == "later-deadline") {
      EXPECT_EQ(l.party, "acme");
    }
  }
}

TEST(ReportTest, BadChairOrOptionsThrowUsage) {
  const Case c = LoadExample("sales-renewal");
  try {
    AnalysePower(c, Fast("acmee"));
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_EQ(std::string(e.what()), "--as: no party 'acmee' in the case (did you mean 'acme'?)");
  }
  PowerOptions bad = Fast();
  bad.power_band = 2;
  try {
    AnalysePower(c, bad);
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
}

TEST(ReportTest, FewerThanTwoValuedPartiesGiveNoDeal) {
  Case c;
  c.title = "one";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("price", 0, 10, 1)};
  c.values = {testing::MoneyValues("a", {Term("price", LinearValue{1})})};
  const PowerReport r = AnalysePower(c, Fast());
  EXPECT_EQ(r.today_source, "none");
  EXPECT_FALSE(r.frontier.has_value());
  EXPECT_FALSE(r.leverage.has_value());
  EXPECT_FALSE(r.prediction.has_value());
  EXPECT_TRUE(r.levers.empty());
  EXPECT_EQ(r.structural.size(), 2u);
  EXPECT_FALSE(r.structural[0].batna_known);
  EXPECT_NE(std::find(r.assumptions.begin(), r.assumptions.end(),
                      "Fewer than two parties state values: no leverage, weights or deal."),
            r.assumptions.end());
}

TEST(ReportTest, PerspectiveWithoutValuesGetsLeverageButNoPrediction) {
  Case c =
      testing::TwoMoneyParties({NumberIssue("price", 0, 10, 1)}, {Term("price", LinearValue{1})},
                               {Term("price", LinearValue{-1})});
  c.parties[0].side = Side::kThem;
  c.parties.insert(c.parties.begin(), MakeParty("me", Side::kUs));
  const PowerReport r = AnalysePower(c, Fast());
  EXPECT_EQ(r.perspective, "me");
  EXPECT_TRUE(r.frontier.has_value());
  EXPECT_TRUE(r.leverage.has_value());
  EXPECT_FALSE(r.prediction.has_value());
  EXPECT_TRUE(r.levers.empty());
}

// The prediction and the levers are made within every party's floors (sales renewal: cloudco's
// price floor 105,000 and no named engineer; acme's price ceiling 135,000).
TEST(ReportTest, PredictionStaysWithinTheFloors) {
  const Case c = LoadExample("sales-renewal");
  const PowerReport r = AnalysePower(c, Fast());
  ASSERT_TRUE(r.floored.feasible);
  const Issue& price = r.floored.c.issues[0];
  EXPECT_EQ(price.lo, 105000);
  EXPECT_EQ(price.hi, 135000);
  EXPECT_EQ(r.floored.c.issues[3].options, (std::vector<std::string>{"standard", "premium"}));
  EXPECT_EQ(r.frontier->outcome_count, BigUint(31 * 3 * 3 * 2));
  ASSERT_TRUE(r.prediction && r.prediction->deal);
  const Outcome& o = r.prediction->deal->outcome;
  EXPECT_GE(price.NumberAt(o[0]), 105000);
  EXPECT_LE(price.NumberAt(o[0]), 135000);
  EXPECT_NE(r.floored.c.issues[3].options[o[3]], "named-engineer");
  // The levers are those of the floored case.
  const std::vector<Lever> levers = ValueLevers(r.floored.c, *r.frontier, r.perspective, r.options);
  ASSERT_EQ(levers.size(), r.levers.size());
  for (std::size_t k = 0; k < levers.size(); ++k) {
    EXPECT_EQ(levers[k].lever, r.levers[k].lever);
    EXPECT_EQ(levers[k].source, r.levers[k].source);
    EXPECT_EQ(levers[k].gain, r.levers[k].gain);
  }
}

// ---------------------------------------------------------------------------------------------
// Properties through the whole pipeline.

// Our value at the point estimate: our value in the predicted deal or, when several deals tie,
// the best of them for us (the report names only the first tied frontier point); our
// reservation value when there is no deal. The tied deals come from a brute force over every
// outcome, which must contain the reported one.
double PointValue(const PowerReport& r) {
  const Prediction& pr = *r.prediction;
  const std::size_t me = IndexOf(pr, r.perspective);
  const PartyValuation v(r.floored.c, r.perspective);
  if (!pr.deal) return v.ReservationValue();
  const testing::BruteNash brute = testing::BruteWeightedNash(r.floored.c, pr.weights);
  double best = -std::numeric_limits<double>::infinity();
  bool among = false;
  for (const std::vector<double>& u : brute.tied) {
    best = std::max(best, u[me]);
    among = among || (std::abs(u[0] - pr.deal->utility[0]) <= 1e-9 &&
                      std::abs(u[1] - pr.deal->utility[1]) <= 1e-9);
  }
  RC_ASSERT(among);
  if (pr.deal->ties == 1) return pr.deal->value[me];
  return v.MinValue() + best * (v.MaxValue() - v.MinValue());
}

double Slack(const Case& c, const std::string& party) {
  const PartyValuation v(c, party);
  return 1e-9 * (1 + v.MaxValue() - v.MinValue());
}

RC_GTEST_PROP(PowerProperty, RaisingOurBatnaNeverLowersOurValue, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  const std::string me = *rc::gen::element<std::string>("a", "b");
  const double delta = 5.0 * *rc::gen::inRange(1, 8);
  Case raised = c;
  Party& p = raised.parties[me == "a" ? 0 : 1];
  if (!p.batna) {
    p.batna = MoneyBatna(PartyValuation(c, me).ReservationValue() + delta);
  } else if (p.batna->value) {
    *p.batna->value += delta;
  } else {
    p.batna->range->first += delta;
    p.batna->range->second += delta;
  }
  const PowerReport before = AnalysePower(c, Fast(me));
  const PowerReport after = AnalysePower(raised, Fast(me));
  RC_ASSERT(before.prediction->weights == after.prediction->weights);
  const double slack = Slack(c, me);
  RC_ASSERT(PointValue(after) >= PointValue(before) - slack);
  RC_ASSERT(after.prediction->expected_value >= before.prediction->expected_value - slack);
}

RC_GTEST_PROP(PowerProperty, ImpatientOpponentNeverLowersOurValue, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  const std::string me = *rc::gen::element<std::string>("a", "b");
  Case pressed = c;
  Party& them = pressed.parties[me == "a" ? 1 : 0];
  if (!them.deadline) them.deadline = Deadline{};
  them.deadline->cost_per_week =
      them.deadline->cost_per_week.value_or(0) + *rc::gen::inRange(1, 40) * 1.0;
  const PowerReport before = AnalysePower(c, Fast(me));
  const PowerReport after = AnalysePower(pressed, Fast(me));
  const std::size_t i = IndexOf(*before.prediction, me);
  RC_ASSERT(after.prediction->weights[i] >= before.prediction->weights[i]);
  const double slack = Slack(c, me);
  RC_ASSERT(PointValue(after) >= PointValue(before) - slack);
  RC_ASSERT(after.prediction->expected_value >= before.prediction->expected_value - slack);
}

RC_GTEST_PROP(PowerProperty, MirrorImagesSplitTheSurplusEqually, ()) {
  const Case c = testing::RandomMirrorCase();
  const PowerReport r = AnalysePower(c, Fast());
  const Prediction& pr = *r.prediction;
  RC_ASSERT(std::abs(pr.weights[0] - 0.5) < 1e-12);
  RC_ASSERT(std::abs(pr.disagreement[0] - pr.disagreement[1]) < 1e-12);
  RC_TAG(pr.deal ? (pr.deal->ties == 1 ? "unique deal" : "tied deals") : "no deal");
  if (!pr.deal || pr.deal->ties != 1) return;
  RC_ASSERT(std::abs(pr.deal->utility[0] - pr.deal->utility[1]) < 1e-9);
  RC_ASSERT(std::abs(pr.deal->gain[0] - pr.deal->gain[1]) < 1e-9);
  RC_ASSERT(std::abs(pr.deal->share[0] - 0.5) < 1e-9);
  RC_ASSERT(std::abs(pr.deal->share[1] - 0.5) < 1e-9);
}

RC_GTEST_PROP(PowerProperty, SameDealFromEitherChair, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  const PowerReport ours = AnalysePower(c, Fast());
  const PowerReport theirs = AnalysePower(c, Fast("b"));
  RC_ASSERT(ours.perspective == "a");
  RC_ASSERT(theirs.perspective == "b");
  const Prediction& x = *ours.prediction;
  const Prediction& y = *theirs.prediction;
  RC_ASSERT(x.weights == y.weights);
  RC_ASSERT(x.disagreement == y.disagreement);
  RC_ASSERT(x.deal.has_value() == y.deal.has_value());
  RC_ASSERT(x.zopa_probability == y.zopa_probability);
  if (!x.deal) return;
  RC_ASSERT(x.deal->outcome == y.deal->outcome);
  RC_ASSERT(x.deal->utility == y.deal->utility);
  RC_ASSERT(x.deal->value == y.deal->value);
  RC_ASSERT(x.deal->share == y.deal->share);
  if (x.samples == 0) {
    RC_ASSERT(x.expected_value == x.deal->value[0]);
    RC_ASSERT(y.expected_value == y.deal->value[1]);
  }
}

RC_GTEST_PROP(PowerProperty, NoZopaMeansNoDealAndAPitfall, ()) {
  Case c = testing::RandomTwoPartyMoneyCase();
  if (*rc::gen::arbitrary<bool>()) {
    // a asks at least its best deal, or more.
    const double best = PartyValuation(c, "a").MaxValue();
    c.parties[0].batna = MoneyBatna(best + 5.0 * *rc::gen::inRange(0, 3));
  }
  const PowerReport r = AnalysePower(c, Fast());
  const testing::BruteNash brute = testing::BruteWeightedNash(c, r.prediction->weights);
  RC_TAG(brute.acceptable ? "ZOPA" : "no ZOPA");
  std::vector<const Pitfall*> no_zopa;
  for (const Pitfall& p : r.pitfalls) {
    if (p.id == PitfallId::kNoZopa) no_zopa.push_back(&p);
  }
  RC_ASSERT(r.prediction->deal.has_value() == brute.acceptable);
  if (brute.acceptable) {
    RC_ASSERT(no_zopa.empty());
    return;
  }
  RC_ASSERT(no_zopa.size() == 1u);
  RC_ASSERT(no_zopa[0]->party.empty());
  RC_ASSERT(no_zopa[0]->fields.size() == 1u);
  RC_ASSERT(FormatCasePath(no_zopa[0]->fields[0]) == "parties");
  // No-zopa is the last rule but the date check.
  RC_ASSERT(r.pitfalls.back().id == PitfallId::kNoZopa ||
            r.pitfalls.back().id == PitfallId::kDatePassed);
}

RC_GTEST_PROP(PowerProperty, SeededRunsAreIdentical, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  PowerOptions options = Fast(*rc::gen::element<std::string>("", "b"));
  options.seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 20);
  const PowerReport x = AnalysePower(c, options);
  const PowerReport y = AnalysePower(c, options);
  const Prediction& p = *x.prediction;
  const Prediction& q = *y.prediction;
  RC_ASSERT(p.weights == q.weights);
  RC_ASSERT(p.seed == options.seed);
  RC_ASSERT(p.samples == q.samples);
  RC_ASSERT(p.zopa_probability == q.zopa_probability);
  RC_ASSERT(p.expected_value == q.expected_value);
  RC_ASSERT(p.value.has_value() == q.value.has_value());
  if (p.value) {
    RC_ASSERT(p.value->p5 == q.value->p5);
    RC_ASSERT(p.value->p25 == q.value->p25);
    RC_ASSERT(p.value->p50 == q.value->p50);
    RC_ASSERT(p.value->p75 == q.value->p75);
    RC_ASSERT(p.value->p95 == q.value->p95);
    RC_ASSERT(p.value->mean == q.value->mean);
  }
  for (std::size_t k = 0; k < p.frequencies.size(); ++k) {
    RC_ASSERT(p.frequencies[k].values == q.frequencies[k].values);
  }
  RC_ASSERT(x.levers.size() == y.levers.size());
  for (std::size_t k = 0; k < x.levers.size(); ++k) {
    RC_ASSERT(x.levers[k].lever == y.levers[k].lever);
    RC_ASSERT(x.levers[k].party == y.levers[k].party);
    RC_ASSERT(x.levers[k].source == y.levers[k].source);
    RC_ASSERT(x.levers[k].gain == y.levers[k].gain);
    RC_ASSERT(x.levers[k].before == y.levers[k].before);
    RC_ASSERT(x.levers[k].after == y.levers[k].after);
    RC_ASSERT(x.levers[k].description == y.levers[k].description);
  }
  RC_ASSERT(x.pitfalls.size() == y.pitfalls.size());
  for (std::size_t k = 0; k < x.pitfalls.size(); ++k) {
    RC_ASSERT(x.pitfalls[k].id == y.pitfalls[k].id);
    RC_ASSERT(x.pitfalls[k].message == y.pitfalls[k].message);
  }
  RC_ASSERT(x.assumptions == y.assumptions);
}

}  // namespace
}  // namespace parley::power
