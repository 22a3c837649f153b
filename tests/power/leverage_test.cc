// Tests of structural leverage and bargaining weights: ISO dates, the analysis date, a
// two-party money case worked by hand (impatience, Rubinstein patience weights, the six-source
// band, dependence), utility-form discounts, infinitely patient parties; and the monotonicity
// and symmetry the contract promises, as properties on random two-party cases.
#include "parley/power/leverage.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/power/sources.h"
#include "testing/case_builders.h"
#include "testing/random_cases.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeDeadline;
using ::parley::testing::MakeEvidence;
using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Score;
using ::parley::testing::Table;
using ::parley::testing::Term;

constexpr int kSituationalIndex = static_cast<int>(PowerSource::kSituational);

Leverage LeverageOf(const Case& c, const PowerOptions& options = {}) {
  const analysis::Frontier frontier = analysis::ComputeFrontier(c);
  return ComputeLeverage(c, frontier, AssessSources(c, options), options);
}

double Sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Dates.

TEST(LeverageTest, DayNumberKnownDates) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(DayNumber("1969-12-31"), -1);
  EXPECT_EQ(DayNumber("2000-01-01"), 10957);
  EXPECT_EQ(DayNumber("2000-03-01"), 10957 + 31 + 29);
  EXPECT_EQ(*DayNumber("2026-03-01") - *DayNumber("2026-02-01"), 28);
  EXPECT_EQ(*DayNumber("2025-01-01") - *DayNumber("2024-01-01"), 366);
  EXPECT_EQ(IsoDate(0), "1970-01-01");
  EXPECT_EQ(IsoDate(-1), "1969-12-31");
  EXPECT_EQ(IsoDate(10957 + 31 + 28), "2000-02-29");
}

TEST(LeverageTest, DayNumberAndIsoDateRoundTrip) {
  const long first = *DayNumber("1999-01-01");
  const long last = *DayNumber("2032-12-31");
  long previous = first - 1;
  for (long day = first; day <= last; ++day) {
    const std::string iso = IsoDate(day);
    ASSERT_EQ(iso.size(), 10u) << day;
    ASSERT_EQ(DayNumber(iso), day) << iso;
    ASSERT_GT(day, previous);
    previous = day;
  }
  // The whole range of four-digit years, sparsely.
  for (long day = *DayNumber("0001-01-01"); day <= *DayNumber("9999-12-31"); day += 997) {
    ASSERT_EQ(DayNumber(IsoDate(day)), day) << IsoDate(day);
  }
  EXPECT_EQ(IsoDate(*DayNumber("9999-12-31")), "9999-12-31");
}

TEST(LeverageTest, InvalidDatesAreRejected) {
  for (const char* bad :
       {"2026-02-30", "2026-13-01", "2026-1-01", "2026-01-1", "2026-00-10", "2026-01-00",
        "2026-02-29", "1900-02-29", "2026-04-31", "", "2026/01/01", "20260101", "2026-01-01 ",
        " 2026-01-01", "abcd-ef-gh", "2026-0a-01", "+026-01-01", "2026-01-01T00:00"}) {
    EXPECT_FALSE(DayNumber(bad).has_value()) << "'" << bad << "'";
  }
  EXPECT_TRUE(DayNumber("2024-02-29").has_value());
  EXPECT_TRUE(DayNumber("2000-02-29").has_value());
  EXPECT_TRUE(DayNumber("2026-12-31").has_value());
}

TEST(LeverageTest, AnalysisDatePicksTheLatestEvidenceOrConcessionDate) {
  Case c;
  c.evidence = {MakeEvidence("e1", "2026-02-01"), MakeEvidence("e2"),
                MakeEvidence("e3", "2025-12-31")};
  std::string source;
  EXPECT_EQ(AnalysisDate(c, PowerOptions{}, source), "2026-02-01");
  EXPECT_EQ(source, "case");

  Concession late;
  late.item = "x";
  late.date = "2026-03-05";
  Concession undated;
  undated.item = "y";
  c.concessions = {undated, late};
  EXPECT_EQ(AnalysisDate(c, PowerOptions{}, source), "2026-03-05");
  EXPECT_EQ(source, "case");

  PowerOptions options;
  options.today = "2025-06-30";  // the option wins, even when earlier than the case's dates
  EXPECT_EQ(AnalysisDate(c, options, source), "2025-06-30");
  EXPECT_EQ(source, "option");

  Case undated_case;
  undated_case.evidence = {MakeEvidence("e1")};
  source = "stale";
  EXPECT_EQ(AnalysisDate(undated_case, PowerOptions{}, source), "");
  EXPECT_EQ(source, "none");
}

// ---------------------------------------------------------------------------------------------
// A two-party money case worked by hand.
//
// price 100..200 step 10, term 1y|2y. a (seller): price x1, term 2y +20; b (buyer): price x-1,
// term 2y -5. a's deals are worth 100..220 (scale 120), b's -205..-100 (scale 105).
// BATNAs: a 130 (d_a = 30/120 = 1/4), b -170 (d_b = 35/105 = 1/3).
// Analysis date: the latest evidence date, 2026-02-01. a's deadline 2026-03-01 is 4 weeks away;
// a loses 12 a week, b 21 a week and has no dated deadline.
//   impatience_a = 0.001 + 12/120 + 0.5/4 = 0.226;  impatience_b = 0.001 + 21/105 = 0.201
//   patience_a = (1/0.226) / (1/0.226 + 1/0.201) = 0.201 / 0.427
// Scores: a situational 5, b situational 0, the rest unscored (2.5): totals 17.5 and 12.5, so
// balance_a = 17.5/30. weight_a = 0.7 patience_a + 0.3 balance_a.
// Frontier: term 2y at every price, plus 1y at 100. Acceptable: 2y at 110..160. The best
// acceptable deal for a is 2y at 160 (180: gain 50, 5/12 in utility); for b 2y at 110 (-115:
// gain 55, 11/21 in utility).
Case HandCase() {
  Case c = testing::TwoMoneyParties(
      {NumberIssue("price", 100, 200, 10), OptionsIssue("term", {"1y", "2y"})},
      {Term("price", LinearValue{1}), Term("term", Table({{"1y", 0}, {"2y", 20}}))},
      {Term("price", LinearValue{-1}), Term("term", Table({{"1y", 0}, {"2y", -5}}))});
  c.evidence = {MakeEvidence("e1", "2026-02-01"), MakeEvidence("e2", "2026-01-15")};
  c.parties[0].batna = MoneyBatna(130);
  c.parties[1].batna = MoneyBatna(-170);
  c.parties[0].deadline = MakeDeadline("2026-03-01", 12);
  c.parties[1].deadline = MakeDeadline("", 21);
  c.parties[1].deadline->none = true;  // date: none, a cost of delay
  c.parties[0].power[kSituationalIndex] = Score(5, {"e1"});
  c.parties[1].power[kSituationalIndex] = Score(0);
  return c;
}

TEST(LeverageTest, HandComputedWeights) {
  const Case c = HandCase();
  const Leverage lev = LeverageOf(c);
  EXPECT_EQ(lev.today, "2026-02-01");
  EXPECT_EQ(lev.today_source, "case");
  ASSERT_EQ(lev.parties.size(), 2u);
  const PartyLeverage& a = lev.parties[0];
  const PartyLeverage& b = lev.parties[1];
  EXPECT_EQ(a.party, "a");
  EXPECT_EQ(b.party, "b");
  EXPECT_TRUE(a.money);
  EXPECT_TRUE(b.money);
  EXPECT_NEAR(a.scale, 120, 1e-12);
  EXPECT_NEAR(b.scale, 105, 1e-12);
  EXPECT_NEAR(a.reservation_value, 130, 1e-12);
  EXPECT_NEAR(b.reservation_value, -170, 1e-12);
  EXPECT_NEAR(a.reservation_range.first, 130, 1e-12);
  EXPECT_NEAR(a.reservation_range.second, 130, 1e-12);
  EXPECT_NEAR(a.disagreement, 0.25, 1e-12);
  EXPECT_NEAR(b.disagreement, 1.0 / 3, 1e-12);

  EXPECT_EQ(a.cost_per_week, 12);
  EXPECT_FALSE(a.discount.has_value());
  EXPECT_EQ(a.deadline, "2026-03-01");
  ASSERT_TRUE(a.weeks_to_deadline.has_value());
  EXPECT_NEAR(*a.weeks_to_deadline, 4, 1e-12);
  EXPECT_NEAR(a.delay_rate, 0.1, 1e-12);
  EXPECT_NEAR(a.deadline_rate, 0.125, 1e-12);
  EXPECT_NEAR(a.impatience, 0.226, 1e-12);
  EXPECT_EQ(b.deadline, "");
  EXPECT_FALSE(b.weeks_to_deadline.has_value());
  EXPECT_NEAR(b.delay_rate, 0.2, 1e-12);
  EXPECT_EQ(b.deadline_rate, 0);
  EXPECT_NEAR(b.impatience, 0.201, 1e-12);

  const double patience_a = (1 / 0.226) / (1 / 0.226 + 1 / 0.201);
  EXPECT_NEAR(a.patience_weight, patience_a, 1e-12);
  EXPECT_NEAR(b.patience_weight, 1 - patience_a, 1e-12);
  EXPECT_NEAR(a.balance, 17.5 / 30, 1e-12);
  EXPECT_NEAR(b.balance, 12.5 / 30, 1e-12);
  EXPECT_NEAR(a.weight, 0.7 * patience_a + 0.3 * 17.5 / 30, 1e-12);
  EXPECT_NEAR(b.weight, 0.7 * (1 - patience_a) + 0.3 * 12.5 / 30, 1e-12);
  EXPECT_NEAR(a.weight + b.weight, 1, 1e-12);
  EXPECT_EQ(lev.Weights(), (std::vector<double>{a.weight, b.weight}));

  EXPECT_NEAR(a.dependence_utility, 5.0 / 12, 1e-12);
  EXPECT_NEAR(a.dependence_value, 50, 1e-9);
  EXPECT_NEAR(b.dependence_utility, 11.0 / 21, 1e-12);
  EXPECT_NEAR(b.dependence_value, 55, 1e-9);
  EXPECT_NEAR(a.dependence_share, (5.0 / 12) / (5.0 / 12 + 11.0 / 21), 1e-12);
  EXPECT_NEAR(a.dependence_share + b.dependence_share, 1, 1e-12);

  EXPECT_EQ(lev.Find("b"), &lev.parties[1]);
  EXPECT_EQ(lev.Find("nobody"), nullptr);
}

TEST(LeverageTest, PowerBandMovesTheWeightBetweenPatienceAndBalance) {
  const Case c = HandCase();
  const double patience_a = (1 / 0.226) / (1 / 0.226 + 1 / 0.201);
  PowerOptions options;
  options.power_band = 0;
  EXPECT_NEAR(LeverageOf(c, options).parties[0].weight, patience_a, 1e-12);
  options.power_band = 1;
  EXPECT_NEAR(LeverageOf(c, options).parties[0].weight, 17.5 / 30, 1e-12);
  options.power_band = 0.5;
  options.base_rate = 0.01;
  options.deadline_weight = 1;
  const double ia = 0.01 + 0.1 + 1.0 / 4, ib = 0.01 + 0.2;
  EXPECT_NEAR(LeverageOf(c, options).parties[0].weight,
              0.5 * (1 / ia) / (1 / ia + 1 / ib) + 0.5 * 17.5 / 30, 1e-12);
}

TEST(LeverageTest, DeadlinesCountFromTheAnalysisDate) {
  Case c = HandCase();
  PowerOptions options;
  // Given today: 2026-02-22 is one week before a's deadline (deadline rate 0.5 / 1).
  options.today = "2026-02-22";
  Leverage lev = LeverageOf(c, options);
  EXPECT_EQ(lev.today, "2026-02-22");
  EXPECT_EQ(lev.today_source, "option");
  EXPECT_NEAR(*lev.parties[0].weeks_to_deadline, 1, 1e-12);
  EXPECT_NEAR(lev.parties[0].deadline_rate, 0.5, 1e-12);
  // Half a week away counts as one week.
  options.today = "2026-02-26";
  lev = LeverageOf(c, options);
  EXPECT_NEAR(*lev.parties[0].weeks_to_deadline, 3.0 / 7, 1e-12);
  EXPECT_NEAR(lev.parties[0].deadline_rate, 0.5, 1e-12);
  // A passed deadline: negative weeks, the full deadline weight.
  options.today = "2026-03-22";
  lev = LeverageOf(c, options);
  EXPECT_NEAR(*lev.parties[0].weeks_to_deadline, -3, 1e-12);
  EXPECT_NEAR(lev.parties[0].deadline_rate, 0.5, 1e-12);
  // Ten weeks away.
  options.today = "2025-12-21";
  lev = LeverageOf(c, options);
  EXPECT_NEAR(*lev.parties[0].weeks_to_deadline, 10, 1e-12);
  EXPECT_NEAR(lev.parties[0].deadline_rate, 0.05, 1e-12);

  // No dated fact and no option: the date cannot be counted in weeks, so a's deadline is
  // unknown (its expected rate over 2 to 26 weeks); b's `date: none` stays none.
  c.evidence = {MakeEvidence("e1"), MakeEvidence("e2")};
  lev = LeverageOf(c);
  EXPECT_EQ(lev.today, "");
  EXPECT_EQ(lev.today_source, "none");
  EXPECT_FALSE(lev.parties[0].weeks_to_deadline.has_value());
  EXPECT_EQ(lev.parties[0].deadline_known, DeadlineKnown::kUnknown);
  const double expected = 0.5 * std::log(13.0) / 24;
  EXPECT_NEAR(lev.parties[0].deadline_rate, expected, 1e-15);
  EXPECT_NEAR(lev.parties[0].impatience, 0.101 + expected, 1e-12);
  EXPECT_EQ(lev.parties[1].deadline_known, DeadlineKnown::kNone);
  EXPECT_EQ(lev.parties[1].deadline_rate, 0);
}

// ---------------------------------------------------------------------------------------------
// The time model: unknown deadlines, `deadline: none`, dates set for another side.

TEST(LeverageTest, ExpectedDeadlineRateEqualsANumericIntegral) {
  // E[w / max(1, min(H, K))] for H uniform on [lo, hi], by the midpoint rule on 10^6 cells.
  auto numeric = [](double lo, double hi, std::optional<double> k, double w) {
    const int cells = 1'000'000;
    double sum = 0;
    for (int i = 0; i < cells; ++i) {
      double h = lo + (i + 0.5) * (hi - lo) / cells;
      if (k) h = std::min(h, *k);
      sum += w / std::max(1.0, h);
    }
    return sum / cells;
  };
  for (const std::optional<double> k :
       {std::optional<double>(), std::optional<double>(0.5), std::optional<double>(2.0),
        std::optional<double>(3.5), std::optional<double>(20.0), std::optional<double>(40.0)}) {
    EXPECT_NEAR(ExpectedDeadlineRate(2, 26, k, 0.5), numeric(2, 26, k, 0.5), 1e-9);
    EXPECT_NEAR(ExpectedDeadlineRate(1, 4, k, 1.0), numeric(1, 4, k, 1.0), 1e-9);
  }
  EXPECT_NEAR(ExpectedDeadlineRate(2, 26, std::nullopt, 0.5), 0.5 * std::log(13.0) / 24, 1e-15);
  EXPECT_NEAR(ExpectedDeadlineRate(5, 5, std::nullopt, 0.5), 0.1, 1e-15);
}

TEST(LeverageTest, AnUnknownDeadlineIsSampledNotPatient) {
  Case c = HandCase();
  c.parties[1].deadline.reset();  // b states nothing about time
  PowerOptions options;
  const Leverage lev = LeverageOf(c, options);
  const PartyLeverage& b = lev.parties[1];
  EXPECT_EQ(b.deadline_known, DeadlineKnown::kUnknown);
  EXPECT_TRUE(lev.AnyUnknownDeadline());
  EXPECT_NEAR(b.deadline_rate, 0.5 * std::log(13.0) / 24, 1e-15);
  EXPECT_NEAR(b.impatience, 0.001 + b.deadline_rate, 1e-15);
  EXPECT_EQ(DeadlineText(c, b), "unknown");
  // WeightsAt: b's deadline at fraction 0.25 of [2, 26] is 8 weeks away; a's is as stated.
  const double f[2] = {0.9, 0.25};
  const std::vector<double> w = lev.WeightsAt(f);
  const double ia = lev.parties[0].impatience, ib = 0.001 + 0.5 / 8;
  const double patience_a = (1 / ia) / (1 / ia + 1 / ib);
  EXPECT_NEAR(w[0], 0.7 * patience_a + 0.3 * lev.parties[0].balance, 1e-12);
  EXPECT_NEAR(w[0] + w[1], 1, 1e-12);
  // `deadline: none`: no deadline rate, nothing drawn.
  c.parties[1].deadline = Deadline{};
  c.parties[1].deadline->none = true;
  const Leverage none = LeverageOf(c, options);
  EXPECT_EQ(none.parties[1].deadline_known, DeadlineKnown::kNone);
  EXPECT_FALSE(none.AnyUnknownDeadline());
  EXPECT_NEAR(none.parties[1].impatience, 0.001, 1e-15);
  EXPECT_EQ(none.WeightsAt(f), none.Weights());
  // Unknown is not rewarded: the same party with no word on time is weaker than with `none`.
  EXPECT_LT(lev.parties[1].weight, none.parties[1].weight);
}

TEST(LeverageTest, ADateSetForTheOtherSidePressesOnItWhenEvidenced) {
  Case c = HandCase();  // analysis date 2026-02-01; a's own deadline 2026-03-01 (4 weeks)
  c.parties[1].deadline->none = true;
  ImposedDate award{"2026-02-15", "b", "the award is on the 15th", {"e2"}};
  c.parties[0].sets = {award};
  const Leverage before = LeverageOf(HandCase());
  Leverage lev = LeverageOf(c);
  const PartyLeverage& b = lev.parties[1];
  ASSERT_EQ(b.pressures.size(), 1u);
  EXPECT_EQ(b.pressures[0].by, "a");
  EXPECT_TRUE(b.pressures[0].credible);
  EXPECT_TRUE(b.pressures[0].counted);
  EXPECT_NEAR(*b.pressure_weeks, 2, 1e-12);
  EXPECT_NEAR(b.deadline_rate, 0.25, 1e-12);
  EXPECT_EQ(DeadlineText(c, b), "no date; 2026-02-15 set by a");  // date: none, a cost
  // The setter's own impatience is untouched; its weight rises.
  EXPECT_NEAR(lev.parties[0].impatience, before.parties[0].impatience, 1e-15);
  EXPECT_GT(lev.parties[0].weight, before.parties[0].weight);
  // No evidence: a bluff, not counted.
  c.parties[0].sets[0].evidence.clear();
  lev = LeverageOf(c);
  EXPECT_FALSE(lev.parties[1].pressures[0].credible);
  EXPECT_FALSE(lev.parties[1].pressures[0].counted);
  EXPECT_EQ(lev.parties[1].deadline_rate, 0);
  EXPECT_NEAR(lev.parties[0].weight, before.parties[0].weight, 1e-15);
  // Passed: not counted either.
  c.parties[0].sets[0] = award;
  c.parties[0].sets[0].date = "2026-01-20";
  lev = LeverageOf(c);
  EXPECT_TRUE(lev.parties[1].pressures[0].credible);
  EXPECT_FALSE(lev.parties[1].pressures[0].counted);
  EXPECT_NEAR(*lev.parties[1].pressures[0].weeks, -12.0 / 7, 1e-12);
  // The nearer of its own deadline and the date set for it counts.
  c.parties[0].sets[0] = award;
  c.parties[1].deadline = MakeDeadline("2026-02-08", 21);  // one week
  lev = LeverageOf(c);
  EXPECT_NEAR(*lev.parties[1].pressure_weeks, 1, 1e-12);
  EXPECT_NEAR(lev.parties[1].deadline_rate, 0.5, 1e-12);
}

TEST(LeverageTest, UtilityDiscountIsARatePerWeek) {
  Case c;
  c.title = "utility";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {OptionsIssue("x", {"p", "q", "r"})};
  c.values = {testing::UtilityValues("a", {Term("x", Table({{"p", 1}, {"q", 0.5}}))}),
              testing::UtilityValues("b", {Term("x", Table({{"q", 0.5}, {"r", 1}}))})};
  Batna ba;
  ba.utility = 0.2;
  c.parties[0].batna = ba;
  Deadline da;
  da.none = true;  // no date: only the discount counts
  da.discount = 0.9;
  c.parties[0].deadline = da;
  Deadline db;
  db.none = true;
  db.discount = 1;  // no discounting
  c.parties[1].deadline = db;
  const Leverage lev = LeverageOf(c);
  const PartyLeverage& a = lev.parties[0];
  const PartyLeverage& b = lev.parties[1];
  EXPECT_FALSE(a.money);
  EXPECT_NEAR(a.scale, 1, 1e-12);
  EXPECT_NEAR(a.reservation_value, 0.2, 1e-12);
  EXPECT_NEAR(a.disagreement, 0.2, 1e-12);
  EXPECT_EQ(a.discount, 0.9);
  EXPECT_NEAR(a.delay_rate, -std::log(0.9), 1e-12);
  EXPECT_EQ(b.delay_rate, 0);
  EXPECT_NEAR(a.impatience, 0.001 - std::log(0.9), 1e-12);
  EXPECT_NEAR(b.impatience, 0.001, 1e-12);
  // Frontier p (1, 0), q (0.5, 0.5), r (0, 1); r is below a's BATNA. a's best acceptable deal is
  // p (gain 0.8), b's q (gain 0.5, d_b = 0); dependence is in utility units.
  EXPECT_NEAR(a.dependence_utility, 0.8, 1e-12);
  EXPECT_NEAR(a.dependence_value, 0.8, 1e-12);
  EXPECT_NEAR(b.dependence_utility, 0.5, 1e-12);
  EXPECT_NEAR(b.dependence_value, 0.5, 1e-12);
  const double pa = (1 / a.impatience) / (1 / a.impatience + 1 / b.impatience);
  EXPECT_NEAR(a.patience_weight, pa, 1e-12);
  EXPECT_NEAR(a.weight, 0.7 * pa + 0.3 * 0.5, 1e-12);
}

TEST(LeverageTest, InfinitelyPatientPartiesShareThePatienceWeight) {
  Case c = HandCase();
  Deadline none;
  none.none = true;
  c.parties[0].deadline = none;
  c.parties[1].deadline = none;
  PowerOptions options;
  options.base_rate = 0;
  options.power_band = 0;
  Leverage lev = LeverageOf(c, options);
  EXPECT_EQ(lev.parties[0].impatience, 0);
  EXPECT_EQ(lev.parties[0].patience_weight, 0.5);
  EXPECT_EQ(lev.parties[1].patience_weight, 0.5);
  // Only b is infinitely patient: it takes the whole patience weight.
  c.parties[0].deadline = MakeDeadline("", 12);
  lev = LeverageOf(c, options);
  EXPECT_EQ(lev.parties[0].patience_weight, 0);
  EXPECT_EQ(lev.parties[1].patience_weight, 1);
  EXPECT_EQ(lev.parties[1].weight, 1);
}

TEST(LeverageTest, NoAcceptableDealMeansNoDependence) {
  Case c = HandCase();
  c.parties[0].batna = MoneyBatna(215);  // a only accepts 2y at 200, which b refuses
  const Leverage lev = LeverageOf(c);
  EXPECT_EQ(lev.parties[0].dependence_utility, 0);
  EXPECT_EQ(lev.parties[1].dependence_utility, 0);
  EXPECT_EQ(lev.parties[0].dependence_share, 0.5);
  EXPECT_EQ(lev.parties[1].dependence_share, 0.5);
}

// ---------------------------------------------------------------------------------------------
// Properties on random two-party money cases.

double WeightOf(const Case& c, std::size_t party, const PowerOptions& options = {}) {
  return LeverageOf(c, options).parties[party].weight;
}

RC_GTEST_PROP(LeverageProperty, WeightsSumToOneAndLieInTheUnitInterval, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  PowerOptions options;
  options.power_band = *rc::gen::element(0.0, 0.3, 0.5, 1.0);
  const Leverage lev = LeverageOf(c, options);
  RC_ASSERT(lev.parties.size() == 2u);
  const std::vector<double> w = lev.Weights();
  RC_ASSERT(std::abs(Sum(w) - 1) < 1e-12);
  double patience = 0, balance = 0, dependence = 0;
  for (const PartyLeverage& p : lev.parties) {
    RC_ASSERT(p.weight >= 0);
    RC_ASSERT(p.weight <= 1);
    RC_ASSERT(p.impatience >= options.base_rate);
    patience += p.patience_weight;
    balance += p.balance;
    dependence += p.dependence_share;
    RC_ASSERT(std::abs(p.weight - ((1 - options.power_band) * p.patience_weight +
                                   options.power_band * p.balance)) < 1e-15);
  }
  RC_ASSERT(std::abs(patience - 1) < 1e-12);
  RC_ASSERT(std::abs(balance - 1) < 1e-12);
  RC_ASSERT(std::abs(dependence - 1) < 1e-12);
}

RC_GTEST_PROP(LeverageProperty, HigherCostOfDelayNeverRaisesTheWeight, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  const std::size_t i = *rc::gen::inRange(0, 2);
  const double more = *rc::gen::inRange(1, 30) * 1.0;
  Case higher = c;
  Party& p = higher.parties[i];
  if (!p.deadline) p.deadline = Deadline{};
  p.deadline->cost_per_week = p.deadline->cost_per_week.value_or(0) + more;
  RC_ASSERT(WeightOf(higher, i) <= WeightOf(c, i) + 1e-15);
  RC_ASSERT(WeightOf(higher, 1 - i) >= WeightOf(c, 1 - i) - 1e-15);
}

RC_GTEST_PROP(LeverageProperty, LaterDeadlineNeverLowersTheWeight, ()) {
  Case c = testing::RandomTwoPartyMoneyCase();
  const std::size_t i = *rc::gen::inRange(0, 2);
  Party& p = c.parties[i];
  if (!p.deadline) p.deadline = Deadline{};
  if (p.deadline->date.empty()) {
    p.deadline->none = false;
    p.deadline->date = IsoDate(*DayNumber(testing::kRandomToday) + *rc::gen::inRange(-30, 100));
  }
  Case later = c;
  later.parties[i].deadline->date =
      IsoDate(*DayNumber(p.deadline->date) + *rc::gen::inRange(1, 200));
  RC_ASSERT(WeightOf(later, i) >= WeightOf(c, i) - 1e-15);
}

RC_GTEST_PROP(LeverageProperty, ACredibleDateForTheOtherSideNeverWeakensTheSetter, ()) {
  Case c = testing::RandomTwoPartyMoneyCase();
  const std::size_t i = *rc::gen::inRange(0, 2);
  PowerOptions options;
  options.today = testing::kRandomToday;
  options.power_band = *rc::gen::element(0.0, 0.3, 1.0);
  Case with = c;
  with.parties[i].sets.push_back(
      {testing::RandomTodayPlusDays(*rc::gen::inRange(0, 200)), c.parties[1 - i].id, "", {"e1"}});
  const Leverage a = LeverageOf(c, options), b = LeverageOf(with, options);
  RC_ASSERT(b.parties[i].weight >= a.parties[i].weight - 1e-15);
  RC_ASSERT(b.parties[1 - i].weight <= a.parties[1 - i].weight + 1e-15);
  RC_ASSERT(b.parties[i].impatience == a.parties[i].impatience);
  // Draw by draw too: the same deadline fractions give the setter no less weight.
  const double f[2] = {*rc::gen::inRange(0, 1000) / 1000.0, *rc::gen::inRange(0, 1000) / 1000.0};
  RC_ASSERT(b.WeightsAt(f)[i] >= a.WeightsAt(f)[i] - 1e-15);
}

RC_GTEST_PROP(LeverageProperty, HigherPowerScoreNeverLowersTheWeight, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  const std::size_t i = *rc::gen::inRange(0, 2);
  const int s = *rc::gen::inRange(0, kPowerSourceCount);
  PowerOptions options;
  options.power_band = *rc::gen::element(0.0, 0.3, 1.0);
  Case higher = c;
  auto& score = higher.parties[i].power[s];
  const double current = score ? score->score : options.unscored_score;
  RC_PRE(current < 5);
  const double raised = std::min(5.0, current + *rc::gen::inRange(1, 11) * 0.5);
  if (!score) score = PowerScore{};
  score->score = raised;
  RC_ASSERT(WeightOf(higher, i, options) >= WeightOf(c, i, options) - 1e-15);
}

RC_GTEST_PROP(LeverageProperty, MirrorImagePartiesGetEqualWeights, ()) {
  const Case c = testing::RandomMirrorCase();
  PowerOptions options;
  options.power_band = *rc::gen::element(0.0, 0.3, 1.0);
  const Leverage lev = LeverageOf(c, options);
  const PartyLeverage& a = lev.parties[0];
  const PartyLeverage& b = lev.parties[1];
  RC_ASSERT(std::abs(a.scale - b.scale) < 1e-12);
  RC_ASSERT(std::abs(a.disagreement - b.disagreement) < 1e-12);
  RC_ASSERT(std::abs(a.impatience - b.impatience) < 1e-15);
  RC_ASSERT(std::abs(a.dependence_utility - b.dependence_utility) < 1e-12);
  RC_ASSERT(std::abs(a.weight - 0.5) < 1e-12);
  RC_ASSERT(std::abs(b.weight - 0.5) < 1e-12);
}

}  // namespace
}  // namespace parley::power
