#include "parley/plan/concession_plan.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/io/case_reader.h"
#include "parley/plan/anchor.h"
#include "parley/plan/brief.h"
#include "parley/power/analysis.h"
#include "parley/power/leverage.h"
#include "testing/examples.h"

namespace parley::plan {
namespace {

using ::parley::testing::LoadExample;

struct PlanSetup {
  power::PowerReport report;
  std::string them;
  Anchor anchor;
};

PlanSetup SetUpPlan(const std::string& example) {
  power::PowerOptions options;
  options.samples = 0;
  PlanSetup s{power::AnalysePower(LoadExample(example), options), "", {}};
  for (const std::string& p : s.report.frontier->parties) {
    if (p != s.report.perspective && s.them.empty()) s.them = p;
  }
  s.anchor = PlanAnchor(s.report.floored.c, *s.report.frontier, s.report.perspective, s.them,
                        s.report.prediction->deal->outcome);
  return s;
}

ConcessionPlan Plan(const PlanSetup& s, const std::string& today,
                    const ConcessionPlanOptions& options = {}) {
  return PlanConcessions(s.report.floored.c, s.report.perspective, s.them, s.anchor.outcome,
                         s.report.prediction->deal->outcome, today, options);
}

TEST(ConcessionPlanTest, SalesRenewalHalvesEachStepAndFinishesBeforeTheDeadline) {
  const PlanSetup s = SetUpPlan("sales-renewal");
  const ConcessionPlan plan = Plan(s, s.report.leverage->today);
  EXPECT_EQ(plan.today, "2026-11-20");
  // The date CloudCo sets for Acme (its migration slot) comes before Acme's own deadline.
  EXPECT_EQ(plan.close_date, "2026-12-15");
  EXPECT_EQ(plan.close_party, "cloudco");
  EXPECT_EQ(plan.close_what, "the date CloudCo set for Acme Corp");
  EXPECT_TRUE(plan.close_backed);
  EXPECT_DOUBLE_EQ(plan.start_value, 159000);
  EXPECT_DOUBLE_EQ(plan.target_value, 139000);
  // The room of 20,000 halves: 8/15, 4/15, 2/15, 1/15 of it.
  ASSERT_EQ(plan.planned_sizes.size(), 4u);
  EXPECT_DOUBLE_EQ(plan.planned_sizes[0], 20000.0 * 8 / 15);
  EXPECT_DOUBLE_EQ(plan.planned_sizes[3], 20000.0 / 15);
  ASSERT_EQ(plan.steps.size(), 4u);
  // 25 days to the close: steps at days 5, 10, 15 and 20.
  const std::vector<std::string> dates{"2026-11-25", "2026-11-30", "2026-12-05", "2026-12-10"};
  const std::vector<double> sizes{10000, 6000, 2000, 2000};
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(plan.steps[k].date, dates[k]);
    EXPECT_DOUBLE_EQ(plan.steps[k].size, sizes[k]) << k;
  }
  // The first step moves the price from the anchor's 135,000. No step gives them less than it
  // costs us: quarterly payment (1,000 to us, 3,000 to Acme) is never asked for in return.
  bool price = false;
  for (const TermChange& give : plan.steps[0].gives) {
    price = price || (give.issue == "price" && give.from == "135,000");
  }
  EXPECT_TRUE(price);
  for (const PlannedConcession& step : plan.steps) {
    EXPECT_GE(step.their_gain, step.size - 1e-6) << step.condition;
    for (const TermChange& get : step.gets) EXPECT_NE(get.to, "quarterly") << step.condition;
  }
  // The plan lands on the predicted 139,000.
  EXPECT_DOUBLE_EQ(plan.steps.back().our_value_after, 139000);
  EXPECT_DOUBLE_EQ(plan.conceded, 20000);
  EXPECT_DOUBLE_EQ(plan.reserve, 139000 - 87000);
  EXPECT_EQ(plan.pacing,
            "4 concessions over the 25 days to the date CloudCo set for Acme Corp on 2026-12-15, "
            "each no larger than the one before; the last on 2026-12-10, 5 days before that "
            "date, so nothing is left for a last-minute squeeze.");
}

// A get that costs them more than it is worth to us is never asked for: the reviewer's
// warehousing case once asked for a 5% penalty cap (30,000 to us, 35,000 to the 3PL) with the
// first price move; every step of the examples now gives them at least what it costs us.
TEST(ConcessionPlanTest, NoStepAsksForAGetThatDestroysValue) {
  for (const char* example : {"sales-renewal", "procurement-components", "hiring-offer",
                              "partnership-cobranding", "internal-promotion"}) {
    const PlanSetup s = SetUpPlan(example);
    const ConcessionPlan plan = Plan(s, s.report.leverage->today);
    for (const PlannedConcession& step : plan.steps) {
      if (!step.get_valued) continue;
      EXPECT_GE(step.their_gain, step.size - 1e-6) << example << ": " << step.condition;
    }
  }
}

TEST(ConcessionPlanTest, AValuedGetIsNamedAsTheCondition) {
  const PlanSetup s = SetUpPlan("partnership-cobranding");
  const ConcessionPlan plan = Plan(s, s.report.leverage->today);
  ASSERT_FALSE(plan.steps.empty());
  const PlannedConcession& first = plan.steps[0];
  ASSERT_TRUE(first.get_valued);
  ASSERT_EQ(first.gets.size(), 1u);
  EXPECT_GT(first.gets[0].our_change, 0);
  EXPECT_EQ(first.condition.rfind("in return for ", 0), 0u) << first.condition;
}

TEST(ConcessionPlanTest, WithoutADateTheStepsArePacedByRounds) {
  const PlanSetup s = SetUpPlan("sales-renewal");
  const ConcessionPlan plan = Plan(s, "");
  ASSERT_EQ(plan.steps.size(), 4u);
  for (const PlannedConcession& step : plan.steps) {
    EXPECT_TRUE(step.date.empty());
    EXPECT_FALSE(step.day.has_value());
    if (!step.get_valued) {
      EXPECT_EQ(step.condition,
                "only in return for Acme Corp's agreement on the rest of the package (no other "
                "term can move our way within this step)");
    }
  }
  EXPECT_TRUE(plan.close_date.empty());
  EXPECT_NE(plan.pacing.find("one per round of offers"), std::string::npos);
}

TEST(ConcessionPlanTest, ACloseDeadlineLeavesFewerSteps) {
  const PlanSetup s = SetUpPlan("sales-renewal");
  // Seven days before CloudCo's deadline, at least three days apart: two steps.
  const ConcessionPlan plan = Plan(s, "2026-12-08");
  EXPECT_EQ(plan.planned_sizes.size(), 2u);
  ASSERT_EQ(plan.steps.size(), 2u);
  EXPECT_EQ(plan.steps[0].date, "2026-12-10");
  EXPECT_EQ(plan.steps[1].date, "2026-12-13");
  // On the deadline itself: one step, made that day.
  const ConcessionPlan last = Plan(s, "2026-12-15");
  ASSERT_EQ(last.steps.size(), 1u);
  EXPECT_EQ(last.steps[0].date, "2026-12-15");
}

TEST(ConcessionPlanTest, NoRoomMeansNoConcession) {
  const PlanSetup s = SetUpPlan("sales-renewal");
  const Outcome& predicted = s.report.prediction->deal->outcome;
  const ConcessionPlan plan =
      PlanConcessions(s.report.floored.c, "cloudco", "acme", predicted, predicted, "2026-11-20");
  EXPECT_TRUE(plan.steps.empty());
  EXPECT_DOUBLE_EQ(plan.conceded, 0);
  EXPECT_EQ(plan.pacing,
            "The opening is already where the plan lands (the predicted deal, or what they "
            "accept whatever their BATNA when that is better for us): hold it and trade only "
            "value for value.");
}

TEST(ConcessionPlanTest, OptionsAreChecked) {
  const PlanSetup s = SetUpPlan("sales-renewal");
  ConcessionPlanOptions options;
  options.max_steps = 0;
  EXPECT_THROW(Plan(s, "", options), Error);
  options.max_steps = 9;
  EXPECT_THROW(Plan(s, "", options), Error);
  options.max_steps = 4;
  options.min_days_apart = 0;
  EXPECT_THROW(Plan(s, "", options), Error);
}

// On every example and any step count: the sizes never grow, each step gives them value, no
// term moves back, the plan never goes below the target, and dated steps come before the close.
RC_GTEST_PROP(ConcessionPlanProperty, StepsShrinkAndNeverTakeBackATerm, ()) {
  static const std::vector<PlanSetup> setups = [] {
    std::vector<PlanSetup> out;
    for (const char* name : {"sales-renewal", "procurement-components", "hiring-offer",
                             "partnership-cobranding", "internal-promotion"}) {
      out.push_back(SetUpPlan(name));
    }
    return out;
  }();
  const PlanSetup& s = *rc::gen::elementOf(setups);
  ConcessionPlanOptions options;
  options.max_steps = *rc::gen::inRange<std::size_t>(1, 9);
  options.min_days_apart = *rc::gen::element(1.0, 3.0, 7.0);
  const bool dated = *rc::gen::arbitrary<bool>();
  const ConcessionPlan plan = Plan(s, dated ? s.report.leverage->today : "", options);
  const Case& c = s.report.floored.c;
  const PartyValuation mine(c, s.report.perspective), theirs(c, s.them);
  RC_ASSERT(plan.steps.size() <= options.max_steps);
  double previous = std::numeric_limits<double>::infinity();
  double our = plan.start_value, their = theirs.Value(plan.start);
  std::vector<int> direction(c.issues.size(), 0);
  Outcome table = plan.start;
  for (const PlannedConcession& step : plan.steps) {
    RC_ASSERT(step.size > 0);
    RC_ASSERT(step.size <= previous + 1e-6);
    RC_ASSERT(step.their_gain > 0);
    RC_ASSERT(std::fabs(mine.Value(step.package) - step.our_value_after) < 1e-6);
    RC_ASSERT(std::fabs(our - step.our_value_after - step.size) < 1e-6);
    RC_ASSERT(std::fabs(theirs.Value(step.package) - their - step.their_gain) < 1e-6);
    RC_ASSERT(step.our_value_after >= plan.target_value - 1e-6);
    RC_ASSERT(step.get_valued == !step.gets.empty());
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      if (step.package[i] == table[i]) continue;
      const double change =
          mine.IssueContribution(i, step.package[i]) - mine.IssueContribution(i, table[i]);
      const int d = change < 0 ? 1 : change > 0 ? -1 : 0;
      RC_ASSERT(direction[i] == 0 || d == 0 || d == direction[i]);
      if (d != 0) direction[i] = d;
    }
    if (!plan.close_date.empty()) {
      RC_ASSERT(step.date <= plan.close_date);
    }
    previous = step.size;
    our = step.our_value_after;
    their = step.their_value_after;
    table = step.package;
  }
  RC_ASSERT(std::fabs(plan.conceded - (plan.start_value - our)) < 1e-6);
}

// The shop lease: rent-free months have the widest range for us (6 x 4,500) but move in steps of
// 4,500; the rent moves in steps of 500 and covers one rent-free month. The rent balances: the
// plan concedes in four shrinking steps to where it lands, and never wins the rent back (a plan
// balancing on rent-free months won the rent in its first step and then had nothing to concede).
TEST(ConcessionPlanTest, TheFinestIssueThatCoversTheOthersBalances) {
  const io::LoadResult r =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/shop-lease.yaml");
  ASSERT_TRUE(r.Ok());
  // As a one-off, so the plan lands at the safe end of the credible range (-43,000); leading
  // with value it would concede on to the predicted deal.
  Case one_off = *r.value;
  one_off.relationship = Relationship::kOneOff;
  const Brief b = BuildBrief(one_off);
  ASSERT_NE(b.verdict.approach, Approach::kValueFirst);
  ASSERT_TRUE(b.concession_plan.has_value() && b.meso.has_value());
  EXPECT_EQ(b.meso->balancing_issue, "rent");
  const ConcessionPlan& plan = *b.concession_plan;
  ASSERT_EQ(plan.steps.size(), 4u);
  EXPECT_DOUBLE_EQ(plan.steps.back().our_value_after, plan.target_value);
  EXPECT_DOUBLE_EQ(plan.target_value, -43000);
  for (const PlannedConcession& step : plan.steps) {
    for (const TermChange& get : step.gets) EXPECT_NE(get.issue, "rent") << step.step;
  }
  EXPECT_EQ(plan.pacing.find("The steps stop"), std::string::npos) << plan.pacing;
}

// A buyer: delivery weeks move our value in finer steps (7,500) than the price (10,000), but
// past 12 weeks each step costs us 10,000 and gives them 1,250. The price, which gives them what
// it costs us, balances: no step and no MESO package trades delivery away at 8 to 1.
TEST(ConcessionPlanTest, AnIssueDearToUsAndCheapToThemDoesNotBalance) {
  const io::LoadResult r = io::ReadCaseText(R"(format: parley/1
title: Pumps
currency: EUR
parties:
  - {id: hospital, side: us, batna: {value: -985000}}
  - {id: vendor, side: them, batna: {range: [860000, 960000]}}
issues:
  - {id: price, kind: number, range: [2000, 3200], step: 25}
  - {id: service, kind: options, options: [standard, full]}
  - {id: delivery, kind: number, range: [4, 20], step: 2}
values:
  hospital:
    price: {linear: -400}
    service: {standard: 0, full: 50000}
    delivery: {points: [[4, 0], [10, -10000], [20, -60000]]}
  vendor:
    price: {linear: 400}
    service: {standard: 0, full: -40000}
    delivery: {points: [[4, -40000], [12, 0], [20, 5000]]}
)",
                                            "pumps.yaml");
  ASSERT_TRUE(r.Ok()) << r.diagnostics.size();
  const Brief b = BuildBrief(*r.value);
  ASSERT_TRUE(b.concession_plan.has_value() && b.meso.has_value());
  EXPECT_EQ(b.meso->balancing_issue, "price");
  for (const PlannedConcession& step : b.concession_plan->steps) {
    EXPECT_GE(step.their_gain, 0.5 * step.size) << step.step;
  }
  // The MESO packages come from the frontier while packages there qualify: none leaves value on
  // the table for both sides.
  ASSERT_GE(b.meso->packages.size(), 2u);
  for (const MesoPackage& p : b.meso->packages) EXPECT_LE(p.frontier_gap, 1e-9);
}

// When no package on the grid makes the next step, the plan stops above where it lands and the
// pacing says so. One price of 100, 150 or 200: from 200 towards 100, the first step (planned
// 53.3) takes 150; the second may go no lower than 120 and find nothing.
// A step of 10 first (to 190, the only package within the first planned level), then only a
// step of 90 is left, larger than the last at every later level: the plan stops at 190.
TEST(ConcessionPlanTest, StepsThatStopShortOfTheLandingSaySo) {
  const io::LoadResult r = io::ReadCaseText(R"(format: parley/1
title: An uneven grid
parties:
  - {id: seller, side: us, batna: {value: 0}}
  - {id: buyer, side: them, batna: {value: -250}}
issues:
  - {id: price, kind: options, options: [p200, p190, p100]}
values:
  seller: {price: {p200: 200, p190: 190, p100: 100}}
  buyer: {price: {p200: -200, p190: -190, p100: -100}}
)",
                                            "uneven.yaml");
  ASSERT_TRUE(r.Ok()) << r.diagnostics.size();
  const ConcessionPlan plan = PlanConcessions(*r.value, "seller", "buyer", {0}, {2}, "");
  ASSERT_EQ(plan.steps.size(), 1u);
  EXPECT_DOUBLE_EQ(plan.steps[0].our_value_after, 190);
  EXPECT_DOUBLE_EQ(plan.target_value, 100);
  EXPECT_EQ(plan.pacing,
            "One concession. No dated deadline is known, so pace them one per round of offers, "
            "never two in a row without a move from them. The steps stop at 190, short of where "
            "the plan lands (100): no further package on the grid makes a step no larger than "
            "the last without taking back a term; below it, move only for value in return.");
}

// A planned level the grid cannot reach is skipped, not the end of the plan: on a grid of 50
// the halving levels (from 200 to 100: 146.7, 120, 106.7, 100) allow 150 first, then nothing
// until the last level, where a step no larger than the last lands on 100.
TEST(ConcessionPlanTest, ALevelTheGridCannotReachIsSkipped) {
  const io::LoadResult r = io::ReadCaseText(R"(format: parley/1
title: A coarse grid
parties:
  - {id: seller, side: us, batna: {value: 0}}
  - {id: buyer, side: them, batna: {value: -250}}
issues:
  - {id: price, kind: number, range: [100, 200], step: 50}
values:
  seller: {price: {linear: 1}}
  buyer: {price: {linear: -1}}
)",
                                            "coarse.yaml");
  ASSERT_TRUE(r.Ok()) << r.diagnostics.size();
  const ConcessionPlan plan = PlanConcessions(*r.value, "seller", "buyer", {2}, {0}, "");
  ASSERT_EQ(plan.steps.size(), 2u);
  EXPECT_DOUBLE_EQ(plan.steps[0].our_value_after, 150);
  EXPECT_DOUBLE_EQ(plan.steps[1].our_value_after, 100);
  EXPECT_EQ(plan.steps[1].step, 2u);
  EXPECT_TRUE(plan.stop.empty());
}

// A counterpart whose name ends in s (the three-party case's Fresh Foods): a step's condition
// reads "Fresh Foods' agreement", never "Fresh Foods's" (text::Possessive).
TEST(ConcessionPlanTest, ConditionsUseTheSharedPossessive) {
  const io::LoadResult r =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/three-party.yaml");
  ASSERT_TRUE(r.Ok());
  const Brief b = BuildBrief(*r.value);
  ASSERT_TRUE(b.concession_plan.has_value());
  bool named = false;
  for (const PlannedConcession& s : b.concession_plan->steps) {
    EXPECT_EQ(s.condition.find("s's"), std::string::npos) << s.condition;
    named = named || s.condition.find("Fresh Foods' agreement") != std::string::npos;
  }
  EXPECT_TRUE(named);
}

// A tempered opening volunteers terms the ambitious anchor kept (the three-party case opens with
// integration integrator-led where the anchor asked buyer-led): no step asks such a term back,
// which would retrade what we opened with, and `next` would refuse to.
TEST(ConcessionPlanTest, NoStepAsksBackATermTheTemperedOpeningGave) {
  const io::LoadResult r =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/three-party.yaml");
  ASSERT_TRUE(r.Ok());
  const Brief b = BuildBrief(*r.value);
  ASSERT_TRUE(b.anchor && b.anchor->ambitious_outcome && b.concession_plan);
  const Case& fc = b.power.floored.c;
  const PartyValuation mine(fc, b.us);
  std::size_t volunteered = 0;
  for (std::size_t i = 0; i < fc.issues.size(); ++i) {
    if (mine.IssueContribution(i, b.anchor->outcome[i]) >=
        mine.IssueContribution(i, (*b.anchor->ambitious_outcome)[i])) {
      continue;
    }
    ++volunteered;
    for (const PlannedConcession& s : b.concession_plan->steps) {
      for (const TermChange& get : s.gets) EXPECT_NE(get.issue, fc.issues[i].id) << s.condition;
    }
  }
  EXPECT_GT(volunteered, 0u);  // the case tests something
}

// The observability sale: the tempered opening offers monthly payment where the ambitious
// anchor asked annual-upfront. Neither the plan's steps nor the floor's trade script ask it
// back; the plan's first step and `next`'s agree (505,000 after it).
TEST(ConcessionPlanTest, AVolunteeredTermIsNeverAskedBackInTheScripts) {
  const io::LoadResult r =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/observability-sale.yaml");
  ASSERT_TRUE(r.Ok());
  const Brief b = BuildBrief(*r.value);
  ASSERT_TRUE(b.anchor && b.anchor->ambitious_outcome && b.concession_plan);
  ASSERT_FALSE(b.concession_plan->steps.empty());
  EXPECT_DOUBLE_EQ(b.concession_plan->steps.front().our_value_after, 505000);
  for (const PlannedConcession& s : b.concession_plan->steps) {
    for (const TermChange& get : s.gets) EXPECT_NE(get.issue, "payment") << s.condition;
  }
  for (const PlayPhase& phase : b.playbook.phases) {
    for (const PlayMove& m : phase.moves) {
      EXPECT_EQ(m.say.find("get Payment terms"), std::string::npos) << m.id << ": " << m.say;
      EXPECT_EQ(m.say.find("give us Payment terms"), std::string::npos) << m.id << ": " << m.say;
    }
  }
}

}  // namespace
}  // namespace parley::plan
