// Tests of the predicted deal: the point estimate against a brute-force weighted Nash solution
// over every outcome of random two-party cases; hand-worked deals; the sampled BATNA ranges
// (seeded draws recomputed here from the documented generator, ZOPA probability, nearest-rank
// percentiles, issue frequencies); determinism.
#include "parley/power/prediction.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/analysis/frontier.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "parley/power/leverage.h"
#include "parley/power/sources.h"
#include "testing/brute_force.h"
#include "testing/case_builders.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::power {
namespace {

using ::parley::testing::MakeDeadline;
using ::parley::testing::MakeParty;
using ::parley::testing::MoneyBatna;
using ::parley::testing::MoneyBatnaRange;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Table;
using ::parley::testing::Term;

constexpr double kEps = analysis::kUtilityEpsilon;

struct Analysis {
  analysis::Frontier frontier;
  Leverage leverage;
  Prediction prediction;
};

Analysis Predict(const Case& c, const std::string& perspective, const PowerOptions& options = {}) {
  Analysis r;
  r.frontier = analysis::ComputeFrontier(c);
  r.leverage = ComputeLeverage(c, r.frontier, AssessSources(c, options), options);
  r.prediction = PredictDeal(c, r.frontier, r.leverage, perspective, options);
  return r;
}

bool Near(const std::vector<double>& a, const std::vector<double>& b, double tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::abs(a[i] - b[i]) > tolerance) return false;
  }
  return true;
}

// The documented draws: std::mt19937_64 seeded with the seed, one 53-bit uniform per party per
// draw, parties in case order.
std::vector<double> Fractions(std::uint64_t seed, std::size_t samples, std::size_t parties) {
  std::mt19937_64 rng(seed);
  std::vector<double> f;
  for (std::size_t k = 0; k < samples * parties; ++k) {
    f.push_back(static_cast<double>(rng() >> 11) / 9007199254740992.0);
  }
  return f;
}

// Nearest rank: the ceil(p N / 100)-th smallest.
double NearestRank(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * values.size() / 100.0));
  return values[std::max<std::size_t>(rank, 1) - 1];
}

void ExpectSamePrediction(const Prediction& x, const Prediction& y) {
  EXPECT_EQ(x.parties, y.parties);
  EXPECT_EQ(x.weights, y.weights);
  EXPECT_EQ(x.disagreement, y.disagreement);
  ASSERT_EQ(x.deal.has_value(), y.deal.has_value());
  if (x.deal) {
    EXPECT_EQ(x.deal->point, y.deal->point);
    EXPECT_EQ(x.deal->ties, y.deal->ties);
    EXPECT_EQ(x.deal->outcome, y.deal->outcome);
    EXPECT_EQ(x.deal->utility, y.deal->utility);
    EXPECT_EQ(x.deal->value, y.deal->value);
    EXPECT_EQ(x.deal->gain, y.deal->gain);
    EXPECT_EQ(x.deal->share, y.deal->share);
    EXPECT_EQ(x.deal->share_in_money, y.deal->share_in_money);
  }
  EXPECT_EQ(x.perspective, y.perspective);
  ASSERT_EQ(x.uncertain.size(), y.uncertain.size());
  for (std::size_t k = 0; k < x.uncertain.size(); ++k) {
    EXPECT_EQ(x.uncertain[k].party, y.uncertain[k].party);
    EXPECT_EQ(x.uncertain[k].field, y.uncertain[k].field);
    EXPECT_EQ(x.uncertain[k].lo, y.uncertain[k].lo);
    EXPECT_EQ(x.uncertain[k].hi, y.uncertain[k].hi);
  }
  EXPECT_EQ(x.seed, y.seed);
  EXPECT_EQ(x.samples, y.samples);
  EXPECT_EQ(x.zopa_probability, y.zopa_probability);
  EXPECT_EQ(x.expected_value, y.expected_value);
  ASSERT_EQ(x.value.has_value(), y.value.has_value());
  if (x.value) {
    EXPECT_EQ(x.value->p5, y.value->p5);
    EXPECT_EQ(x.value->p25, y.value->p25);
    EXPECT_EQ(x.value->p50, y.value->p50);
    EXPECT_EQ(x.value->p75, y.value->p75);
    EXPECT_EQ(x.value->p95, y.value->p95);
    EXPECT_EQ(x.value->mean, y.value->mean);
  }
  ASSERT_EQ(x.frequencies.size(), y.frequencies.size());
  for (std::size_t k = 0; k < x.frequencies.size(); ++k) {
    EXPECT_EQ(x.frequencies[k].issue, y.frequencies[k].issue);
    EXPECT_EQ(x.frequencies[k].values, y.frequencies[k].values);
  }
}

// ---------------------------------------------------------------------------------------------
// The point estimate against brute force.

RC_GTEST_PROP(PredictionProperty, DealIsTheBruteForceWeightedNashSolution, ()) {
  for (int k = 0; k < 3; ++k) {
    const Case c = testing::RandomTwoPartyMoneyCase({2, 3, 3, true});
    PowerOptions options;
    options.samples = 0;
    options.power_band = *rc::gen::element(0.0, 0.3, 1.0);
    const std::string me = *rc::gen::element<std::string>("a", "b");
    const Analysis run = Predict(c, me, options);
    const Prediction& pr = run.prediction;
    const testing::BruteNash brute = testing::BruteWeightedNash(c, run.leverage.Weights());

    RC_ASSERT(pr.parties == (std::vector<std::string>{"a", "b"}));
    RC_ASSERT(pr.weights == run.leverage.Weights());
    RC_ASSERT(Near(pr.disagreement, brute.disagreement, 1e-12));
    RC_ASSERT(pr.deal.has_value() == brute.acceptable);
    if (!pr.deal) continue;
    const PredictedDeal& deal = *pr.deal;

    // The deal is one of the optimal outcomes; with a unique optimum, the same utilities.
    bool among = false;
    for (const std::vector<double>& u : brute.tied) among = among || Near(deal.utility, u, 1e-9);
    RC_ASSERT(among);
    if (brute.positive) {
      double key = 0;
      for (std::size_t i = 0; i < 2; ++i) {
        RC_ASSERT(deal.utility[i] - brute.disagreement[i] > kEps);
        key += 2 * pr.weights[i] * std::log(deal.utility[i] - brute.disagreement[i]);
      }
      RC_ASSERT(key >= brute.best_key - 1e-9);
      // Ties count distinct frontier vectors among the optimal outcomes.
      std::vector<std::vector<double>> distinct;
      for (const std::vector<double>& u : brute.tied) {
        bool seen = false;
        for (const auto& d : distinct) seen = seen || Near(d, u, kEps);
        if (!seen) distinct.push_back(u);
      }
      RC_ASSERT(deal.ties == distinct.size());
    }

    // The fields of the deal agree with the case.
    RC_ASSERT(deal.point < run.frontier.points.size());
    RC_ASSERT(run.frontier.points[deal.point].outcome == deal.outcome);
    RC_ASSERT(deal.share_in_money);
    double positive = 0;
    for (std::size_t i = 0; i < 2; ++i) {
      const PartyValuation v(c, pr.parties[i]);
      RC_ASSERT(std::abs(v.Utility(deal.outcome) - deal.utility[i]) < 1e-12);
      RC_ASSERT(std::abs(v.Value(deal.outcome) - deal.value[i]) < 1e-9);
      RC_ASSERT(std::abs(deal.gain[i] - (deal.value[i] - v.ReservationValue())) < 1e-9);
      positive += std::max(0.0, deal.gain[i]);
    }
    for (std::size_t i = 0; i < 2; ++i) {
      const double expected = positive > 0 ? std::max(0.0, deal.gain[i]) / positive : 0.5;
      RC_ASSERT(std::abs(deal.share[i] - expected) < 1e-12);
    }
    if (pr.uncertain.empty()) {
      const std::size_t i = me == "a" ? 0 : 1;
      RC_ASSERT(pr.samples == 0u);
      RC_ASSERT(pr.zopa_probability == 1.0);
      RC_ASSERT(pr.expected_value == deal.value[i]);
      RC_ASSERT(pr.value.has_value());
      RC_ASSERT(pr.value->p5 == deal.value[i]);
      RC_ASSERT(pr.value->p95 == deal.value[i]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Hand-worked deals.

// Divide 100: a gets x, b pays x, x = 0..100; no BATNAs, so d = (0, 0) and the weighted Nash
// deal maximises w_a log x + w_b log(100 - x): x = 100 w_a on the continuum.
Case DivideHundred() {
  return testing::TwoMoneyParties({NumberIssue("price", 0, 100, 1)},
                                  {Term("price", LinearValue{1})},
                                  {Term("price", LinearValue{-1})});
}

TEST(PredictionTest, EqualWeightsSplitTheSurplusEqually) {
  const Analysis run = Predict(DivideHundred(), "a");
  const Prediction& pr = run.prediction;
  EXPECT_EQ(pr.weights, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(pr.disagreement, (std::vector<double>{0, 0}));
  ASSERT_TRUE(pr.deal.has_value());
  EXPECT_EQ(pr.deal->outcome, Outcome{50});
  EXPECT_EQ(pr.deal->ties, 1u);
  EXPECT_NEAR(pr.deal->utility[0], 0.5, 1e-15);
  EXPECT_NEAR(pr.deal->value[0], 50, 1e-12);
  EXPECT_NEAR(pr.deal->value[1], -50, 1e-12);
  EXPECT_NEAR(pr.deal->gain[0], 50, 1e-12);
  EXPECT_NEAR(pr.deal->gain[1], 50, 1e-12);
  EXPECT_EQ(pr.deal->share, (std::vector<double>{0.5, 0.5}));
  EXPECT_TRUE(pr.deal->share_in_money);
  EXPECT_EQ(pr.perspective, "a");
  EXPECT_EQ(pr.seed, 1u);
  EXPECT_EQ(pr.samples, 0u);
  EXPECT_TRUE(pr.uncertain.empty());
  EXPECT_EQ(pr.zopa_probability, 1);
  EXPECT_NEAR(pr.expected_value, 50, 1e-12);
  ASSERT_TRUE(pr.value.has_value());
  EXPECT_NEAR(pr.value->p50, 50, 1e-12);
  EXPECT_NEAR(pr.value->mean, 50, 1e-12);
  ASSERT_EQ(pr.frequencies.size(), 1u);
  EXPECT_EQ(pr.frequencies[0].issue, "price");
  ASSERT_EQ(pr.frequencies[0].values.size(), 1u);
  EXPECT_EQ(pr.frequencies[0].values[0].first, "50");
  EXPECT_EQ(pr.frequencies[0].values[0].second, 1);
  // From b's chair: the same deal, b's value.
  EXPECT_NEAR(Predict(DivideHundred(), "b").prediction.expected_value, -50, 1e-12);
}

TEST(PredictionTest, TheMoreImpatientSideGetsLess) {
  Case c = DivideHundred();
  c.parties[1].deadline = MakeDeadline("", 30);  // b loses 30 of its 100 stake a week
  const Analysis run = Predict(c, "a");
  const double wa = run.leverage.parties[0].weight;
  EXPECT_GT(wa, 0.5);
  ASSERT_TRUE(run.prediction.deal.has_value());
  const double x = run.prediction.deal->value[0];
  // The grid point next to 100 w_a that scores best.
  auto key = [&](double v) { return wa * std::log(v) + (1 - wa) * std::log(100 - v); };
  const double lo = std::floor(100 * wa), hi = std::ceil(100 * wa);
  EXPECT_EQ(x, key(lo) >= key(hi) ? lo : hi);
  EXPECT_NEAR(run.prediction.deal->share[0], x / 100, 1e-12);
}

// Three parties over two grids of 101 (x + y paid by a, x to b, y to c): every pair is on the
// frontier, 10,201 points. The deadlines are unknown, so the prediction draws; 9,803 draws would
// score 100,000,403 points, one draw more than 10^8 allows (9,802 x 10,201 = 99,990,202), and are
// refused before any draw, with the most samples that fit.
TEST(PredictionTest, ManyPartyDrawsHaveALimitCheckedFirst) {
  Case c;
  c.title = "three";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem), MakeParty("c", Side::kThem)};
  c.issues = {NumberIssue("x", 0, 100, 1), NumberIssue("y", 0, 100, 1)};
  Preferences a, b, cc;
  a.party = "a";
  a.terms = {Term("x", LinearValue{-1}), Term("y", LinearValue{-1})};
  b.party = "b";
  b.terms = {Term("x", LinearValue{1})};
  cc.party = "c";
  cc.terms = {Term("y", LinearValue{1})};
  c.values = {a, b, cc};
  PowerOptions options;
  options.samples = 9'803;
  try {
    Predict(c, "a", options);
    FAIL() << "expected a limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
    EXPECT_EQ(std::string(e.what()),
              "the prediction would weigh 10201 frontier points of 3 parties in each of 9803 "
              "draws, more than 100000000 point scores: give --samples 9802 or fewer, or state "
              "the uncertain BATNAs and deadlines exactly");
  }
  options.samples = 20;
  EXPECT_EQ(Predict(c, "a", options).prediction.samples, 20u);
}

TEST(PredictionTest, NoAcceptableOutcomeMeansNoDeal) {
  Case c = DivideHundred();
  c.parties[0].batna = MoneyBatna(70);
  c.parties[1].batna = MoneyBatna(-60);  // a wants at least 70, b pays at most 60
  const Analysis run = Predict(c, "a");
  const Prediction& pr = run.prediction;
  EXPECT_FALSE(pr.deal.has_value());
  EXPECT_EQ(pr.zopa_probability, 0);
  EXPECT_EQ(pr.samples, 0u);
  EXPECT_EQ(pr.expected_value, 70);  // a walks away to its BATNA
  EXPECT_FALSE(pr.value.has_value());
  ASSERT_EQ(pr.frequencies.size(), 1u);
  EXPECT_TRUE(pr.frequencies[0].values.empty());
  EXPECT_EQ(Predict(c, "b").prediction.expected_value, -60);
}

TEST(PredictionTest, ADealWithZeroGainsIsStillADeal) {
  Case c = DivideHundred();
  c.parties[0].batna = MoneyBatna(100);   // a accepts only 100, where it gains nothing
  c.parties[1].batna = MoneyBatna(-100);  // and b gains nothing either
  const Prediction pr = Predict(c, "a").prediction;
  ASSERT_TRUE(pr.deal.has_value());
  EXPECT_EQ(pr.deal->outcome, Outcome{100});
  EXPECT_EQ(pr.deal->ties, 1u);
  EXPECT_EQ(pr.deal->gain, (std::vector<double>{0, 0}));
  EXPECT_EQ(pr.deal->share, (std::vector<double>{0.5, 0.5}));
}

TEST(PredictionTest, UtilityFormSharesAreInUtility) {
  Case c;
  c.title = "utility";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {OptionsIssue("x", {"p", "q", "r"})};
  c.values = {testing::UtilityValues("a", {Term("x", Table({{"p", 1}, {"q", 0.75}}))}),
              testing::UtilityValues("b", {Term("x", Table({{"q", 0.5}, {"r", 1}}))})};
  const Prediction pr = Predict(c, "a").prediction;
  // d = (0, 0): p (1, 0) and r (0, 1) leave one side a zero gain, so q (0.75, 0.5) wins.
  ASSERT_TRUE(pr.deal.has_value());
  EXPECT_EQ(pr.deal->outcome, Outcome{1});
  EXPECT_FALSE(pr.deal->share_in_money);
  EXPECT_NEAR(pr.deal->share[0], 0.75 / 1.25, 1e-12);
  EXPECT_NEAR(pr.deal->share[1], 0.5 / 1.25, 1e-12);
  EXPECT_NEAR(pr.expected_value, 0.75, 1e-12);
}

TEST(PredictionTest, PerspectiveWithoutValuesThrows) {
  Case c = DivideHundred();
  c.parties.push_back(MakeParty("c", Side::kThem));
  const analysis::Frontier f = analysis::ComputeFrontier(c);
  const Leverage lev = ComputeLeverage(c, f, AssessSources(c, {}), {});
  try {
    PredictDeal(c, f, lev, "c", PowerOptions{});
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
}

// ---------------------------------------------------------------------------------------------
// Sampled BATNA ranges. a gets x = 0..1000 and b pays it; b's BATNA is its worst deal (d_b = 0),
// a's a range [lo, hi].

Case Sampled(double lo, double hi) {
  Case c =
      testing::TwoMoneyParties({NumberIssue("price", 0, 1000, 1)}, {Term("price", LinearValue{1})},
                               {Term("price", LinearValue{-1})});
  c.parties[0].batna = MoneyBatnaRange(lo, hi);
  c.parties[1].batna = MoneyBatna(-1000);
  return c;
}

TEST(PredictionTest, SameSeedSameDrawsDifferentSeedDifferentPercentiles) {
  const Case c = Sampled(0, 600);
  PowerOptions options;
  options.samples = 50;
  options.seed = 7;
  const Prediction first = Predict(c, "a", options).prediction;
  const Prediction second = Predict(c, "a", options).prediction;
  ExpectSamePrediction(first, second);
  EXPECT_EQ(first.seed, 7u);
  EXPECT_EQ(first.samples, 50u);
  ASSERT_EQ(first.uncertain.size(), 1u);
  EXPECT_EQ(first.uncertain[0].party, "a");
  EXPECT_EQ(first.uncertain[0].field, "batna.range");
  EXPECT_EQ(first.uncertain[0].lo, 0);
  EXPECT_EQ(first.uncertain[0].hi, 600);

  options.seed = 8;
  const Prediction other = Predict(c, "a", options).prediction;
  ASSERT_TRUE(first.value && other.value);
  EXPECT_NE(first.value->p50, other.value->p50);
  EXPECT_NE(first.value->mean, other.value->mean);
  EXPECT_NE(first.expected_value, other.expected_value);
  // The point estimate does not depend on the seed.
  EXPECT_EQ(first.deal->outcome, other.deal->outcome);
}

TEST(PredictionTest, PercentilesAndFrequenciesMatchTheDrawsSolvedByHand) {
  const Case c = Sampled(0, 600);
  PowerOptions options;
  options.samples = 200;
  options.seed = 42;
  const Analysis run = Predict(c, "a", options);
  const Prediction& pr = run.prediction;
  const double wa = pr.weights[0], wb = pr.weights[1];
  const std::vector<double> f = Fractions(42, 200, 2);
  std::vector<double> values;
  std::vector<int> count(1001, 0);
  for (std::size_t s = 0; s < 200; ++s) {
    const double d = 600 * f[2 * s] / 1000;  // a's disagreement utility
    double best = -INFINITY;
    int at = -1;
    for (int x = 1000; x >= 0; --x) {  // frontier order: a's utility descending
      const double ua = x / 1000.0, ub = 1 - ua;
      if (ua - d <= kEps || ub <= kEps) continue;
      const double key = 2 * wa * std::log(ua - d) + 2 * wb * std::log(ub);
      if (key > best) {
        best = key;
        at = x;
      }
    }
    ASSERT_GE(at, 0);
    values.push_back(at);
    ++count[at];
  }
  ASSERT_TRUE(pr.value.has_value());
  EXPECT_EQ(pr.samples, 200u);
  EXPECT_EQ(pr.zopa_probability, 1);
  EXPECT_EQ(pr.value->p5, NearestRank(values, 5));
  EXPECT_EQ(pr.value->p25, NearestRank(values, 25));
  EXPECT_EQ(pr.value->p50, NearestRank(values, 50));
  EXPECT_EQ(pr.value->p75, NearestRank(values, 75));
  EXPECT_EQ(pr.value->p95, NearestRank(values, 95));
  double mean = 0;
  for (double v : values) mean += v / 200;
  EXPECT_NEAR(pr.value->mean, mean, 1e-9);
  EXPECT_NEAR(pr.expected_value, mean, 1e-9);
  ASSERT_EQ(pr.frequencies.size(), 1u);
  std::vector<std::pair<std::string, double>> expected;
  for (int x = 0; x <= 1000; ++x) {
    if (count[x] > 0) expected.emplace_back(std::to_string(x), count[x] / 200.0);
  }
  ASSERT_EQ(pr.frequencies[0].values.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(pr.frequencies[0].values[k].first, expected[k].first);
    EXPECT_NEAR(pr.frequencies[0].values[k].second, expected[k].second, 1e-15);
  }
}

TEST(PredictionTest, ZopaProbability) {
  PowerOptions options;
  options.samples = 2000;
  options.seed = 3;
  // The whole range lies inside the ZOPA.
  Prediction pr = Predict(Sampled(100, 300), "a", options).prediction;
  EXPECT_EQ(pr.zopa_probability, 1);
  ASSERT_TRUE(pr.value.has_value());
  EXPECT_NEAR(pr.expected_value, pr.value->mean, 1e-9);

  // None of it: a's BATNA beats every deal; a walks away with its sampled BATNA.
  const std::vector<double> f = Fractions(3, 2000, 2);
  pr = Predict(Sampled(1200, 1500), "a", options).prediction;
  EXPECT_EQ(pr.zopa_probability, 0);
  EXPECT_FALSE(pr.deal.has_value());
  EXPECT_FALSE(pr.value.has_value());
  double walk = 0;
  for (std::size_t s = 0; s < 2000; ++s) walk += (1200 + 300 * f[2 * s]) / 2000;
  EXPECT_NEAR(pr.expected_value, walk, 1e-9);
  EXPECT_TRUE(pr.frequencies[0].values.empty());

  // Half of it: a deal exactly when a's draw is at most 1000.
  pr = Predict(Sampled(500, 1500), "a", options).prediction;
  std::size_t deals = 0;
  for (std::size_t s = 0; s < 2000; ++s) deals += 500 + 1000 * f[2 * s] <= 1000 ? 1 : 0;
  EXPECT_EQ(pr.zopa_probability, deals / 2000.0);
  EXPECT_GT(pr.zopa_probability, 0.4);
  EXPECT_LT(pr.zopa_probability, 0.6);
  ASSERT_TRUE(pr.deal.has_value());  // the midpoint 1000 still accepts 1000
}

TEST(PredictionTest, NoSamplesAnalysesThePointEstimateOnly) {
  PowerOptions options;
  options.samples = 0;
  const Prediction pr = Predict(Sampled(0, 600), "a", options).prediction;
  EXPECT_EQ(pr.samples, 0u);
  EXPECT_EQ(pr.uncertain.size(), 1u);
  ASSERT_TRUE(pr.deal.has_value());
  EXPECT_EQ(pr.expected_value, pr.deal->value[0]);
  EXPECT_EQ(pr.value->p5, pr.deal->value[0]);
}

// On random cases with ranges: percentiles are ordered, frequencies sum to 1, the figures are
// consistent, and the same seed gives the same prediction.
RC_GTEST_PROP(PredictionProperty, SampledFiguresAreConsistent, ()) {
  const Case c = testing::RandomTwoPartyMoneyCase();
  PowerOptions options;
  options.samples = 300;
  options.seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const std::string me = *rc::gen::element<std::string>("a", "b");
  const Analysis run = Predict(c, me, options);
  const Prediction& pr = run.prediction;
  RC_ASSERT(pr.perspective == me);
  RC_ASSERT(pr.seed == options.seed);
  std::size_t ranges = 0, unknown = 0;
  for (const Party& p : c.parties) ranges += p.batna && p.batna->range ? 1 : 0;
  for (const PartyLeverage& p : run.leverage.parties) {
    unknown += p.deadline_known == DeadlineKnown::kUnknown ? 1 : 0;
  }
  RC_ASSERT(pr.uncertain.size() == ranges + unknown);
  RC_ASSERT(pr.samples == (ranges + unknown > 0 ? 300u : 0u));
  for (const UncertainInput& u : pr.uncertain) {
    if (u.field == "deadline.weeks") {
      RC_ASSERT(u.lo == 2 && u.hi == 26);
      continue;
    }
    const Party* p = c.FindParty(u.party);
    RC_ASSERT(u.lo == p->batna->range->first - p->batna->costs.Total());
    RC_ASSERT(u.hi == p->batna->range->second - p->batna->costs.Total());
  }
  RC_ASSERT(pr.zopa_probability >= 0);
  RC_ASSERT(pr.zopa_probability <= 1);
  RC_ASSERT(pr.value.has_value() == (pr.zopa_probability > 0));
  RC_ASSERT(pr.frequencies.size() == c.issues.size());
  for (std::size_t k = 0; k < c.issues.size(); ++k) {
    RC_ASSERT(pr.frequencies[k].issue == c.issues[k].id);
    double sum = 0;
    for (const auto& [text, share] : pr.frequencies[k].values) {
      RC_ASSERT(share > 0);
      sum += share;
    }
    if (pr.value) {
      RC_ASSERT(std::abs(sum - 1) < 1e-12);
    } else {
      RC_ASSERT(pr.frequencies[k].values.empty());
    }
  }
  if (pr.value) {
    const Percentiles& v = *pr.value;
    RC_ASSERT(v.p5 <= v.p25);
    RC_ASSERT(v.p25 <= v.p50);
    RC_ASSERT(v.p50 <= v.p75);
    RC_ASSERT(v.p75 <= v.p95);
    if (pr.zopa_probability == 1) RC_ASSERT(std::abs(pr.expected_value - v.mean) < 1e-9);
  }
  const Prediction again = Predict(c, me, options).prediction;
  RC_ASSERT(again.expected_value == pr.expected_value);
  RC_ASSERT(again.zopa_probability == pr.zopa_probability);
  RC_ASSERT(again.frequencies.size() == pr.frequencies.size());
  for (std::size_t k = 0; k < pr.frequencies.size(); ++k) {
    RC_ASSERT(again.frequencies[k].values == pr.frequencies[k].values);
  }
  if (pr.value) RC_ASSERT(again.value->p50 == pr.value->p50 && again.value->mean == pr.value->mean);
}

// On random cases with a fine price grid (hundreds to thousands of frontier points) and ranges
// for one or both BATNAs: every draw's deal is the first best point of a plain scan of the
// frontier with the documented rule, so the sampled figures are the same to the last bit. The
// draws are solved by a bound search over blocks of the frontier; this is its reference.
RC_GTEST_PROP(PredictionProperty, SampledDealsOnAFineGridAreTheScannedWeightedNash, ()) {
  Case c = testing::RandomTwoPartyMoneyCase({2, 3, 4, true});
  const double hi = c.issues[0].hi;
  const double step = *rc::gen::element(1.0, 0.5, 0.1, 0.02);
  c.issues[0] = NumberIssue("price", 0, hi, step);
  const int who = *rc::gen::inRange(0, 3);  // a range for a, for b, or for both
  for (std::size_t i = 0; i < 2; ++i) {
    if (who != 2 && static_cast<int>(i) != who) continue;
    const PartyValuation v(c, c.parties[i].id);
    const double span = v.MaxValue() - v.MinValue();
    const double lo = v.MinValue() + span * *rc::gen::inRange(-2, 11) / 10.0;
    c.parties[i].batna = MoneyBatnaRange(lo, lo + span * *rc::gen::inRange(1, 8) / 10.0);
  }
  for (Party& p : c.parties) {  // known deadlines: the weights are the same in every draw
    if (!p.deadline || (p.deadline->date.empty() && !p.deadline->none)) {
      p.deadline = Deadline{};
      p.deadline->none = true;
    }
  }
  PowerOptions options;
  options.samples = 200;
  options.seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  options.power_band = *rc::gen::element(0.0, 0.3, 1.0);
  const std::string me = *rc::gen::element<std::string>("a", "b");
  const std::size_t mine = me == "a" ? 0 : 1;
  const Analysis run = Predict(c, me, options);
  const Prediction& pr = run.prediction;
  RC_ASSERT(pr.samples == 200u);

  const std::vector<double> w = run.leverage.Weights();
  const double unit[2] = {w[0] * (2 / (w[0] + w[1])), w[1] * (2 / (w[0] + w[1]))};
  const PartyValuation v[2] = {PartyValuation(c, "a"), PartyValuation(c, "b")};
  const std::vector<double> f = Fractions(options.seed, 200, 2);
  double total = 0;
  std::size_t deals = 0;
  for (std::size_t s = 0; s < 200; ++s) {
    double reservation[2], d[2];
    for (std::size_t i = 0; i < 2; ++i) {
      const auto [rlo, rhi] = v[i].ReservationRange();
      reservation[i] = rhi > rlo ? rlo + f[2 * s + i] * (rhi - rlo) : v[i].ReservationValue();
      d[i] = (reservation[i] - v[i].MinValue()) / (v[i].MaxValue() - v[i].MinValue());
    }
    // The rule of docs/power-model.md, point by point in frontier order.
    int best_tier = -1;
    double best_key = -INFINITY;
    std::vector<std::pair<int, double>> ranks;
    for (const analysis::FrontierPoint& point : run.frontier.points) {
      int tier = 1;
      double key = 0;
      for (std::size_t i = 0; i < 2 && tier >= 0; ++i) {
        const double gain = point.utility[i] - d[i];
        if (gain < -kEps) tier = -1;
        if (gain <= kEps) {
          tier = std::min(tier, 0);
        } else if (unit[i] > 0) {
          key += unit[i] * std::log(gain);
        }
      }
      if (tier == 0) key = 0;
      ranks.emplace_back(tier, key);
      if (tier > best_tier || (tier == best_tier && tier >= 0 && key > best_key)) {
        best_tier = tier;
        best_key = key;
      }
    }
    std::optional<std::size_t> at;
    for (std::size_t p = 0; p < ranks.size() && best_tier >= 0 && !at; ++p) {
      if (ranks[p].first == best_tier && ranks[p].second >= best_key - kEps) at = p;
    }
    if (at) {
      ++deals;
      total += v[mine].Value(run.frontier.points[*at].outcome);
    } else {
      total += reservation[mine];
    }
  }
  RC_ASSERT(pr.zopa_probability == static_cast<double>(deals) / 200);
  RC_ASSERT(pr.expected_value == total / 200);
}

// Unknown deadlines: each draw's deal is the point-estimate deal (scan with ties) at the weights
// of that draw's deadlines, drawn from the second stream (seed XOR 0x9E3779B97F4A7C15), H = 2 +
// 24 f weeks; so the expected value is their mean, and the BATNA draws are untouched.
RC_GTEST_PROP(PredictionProperty, UnknownDeadlinesAreDrawnWithTheirOwnWeights, ()) {
  Case c = testing::RandomTwoPartyMoneyCase({2, 3, 4, false});
  const std::size_t who = *rc::gen::inRange(0, 3);  // unknown for a, for b, or both
  for (std::size_t i = 0; i < 2; ++i) {
    if (who == 2 || i == who) c.parties[i].deadline.reset();
  }
  PowerOptions options;
  options.samples = 60;
  options.seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const Analysis run = Predict(c, "a", options);
  RC_ASSERT(run.leverage.AnyUnknownDeadline());
  RC_ASSERT(run.prediction.samples == 60u);
  const std::vector<double> f = Fractions(options.seed ^ 0x9E3779B97F4A7C15ULL, 60, 2);
  PowerOptions point = options;
  point.samples = 0;
  double total = 0;
  std::size_t deals = 0;
  for (std::size_t s = 0; s < 60; ++s) {
    const std::vector<double> w = run.leverage.WeightsAt(&f[2 * s]);
    double r[2];
    for (std::size_t i = 0; i < 2; ++i) {
      const PartyLeverage& p = run.leverage.parties[i];
      r[i] = p.impatience;
      if (p.deadline_known != DeadlineKnown::kUnknown) continue;
      double h = 2 + 24 * f[2 * s + i];
      if (p.pressure_weeks) h = std::min(h, *p.pressure_weeks);
      r[i] = options.base_rate + p.delay_rate + 0.5 / std::max(1.0, h);
    }
    const double patience_a = (1 / r[0]) / (1 / r[0] + 1 / r[1]);
    RC_ASSERT(std::abs(w[0] - (0.7 * patience_a + 0.3 * run.leverage.parties[0].balance)) < 1e-12);
    Leverage fixed = run.leverage;
    for (std::size_t i = 0; i < 2; ++i) {
      fixed.parties[i].deadline_known = DeadlineKnown::kNone;
      fixed.parties[i].weight = w[i];
    }
    const Prediction one = PredictDeal(c, run.frontier, fixed, "a", point);
    if (one.deal) ++deals;
    total += one.deal ? one.deal->value[0] : PartyValuation(c, "a").ReservationValue();
  }
  RC_ASSERT(run.prediction.zopa_probability == static_cast<double>(deals) / 60);
  RC_ASSERT(std::abs(run.prediction.expected_value - total / 60) < 1e-9);
}

// The sales renewal with its price in whole units (30,001 prices within the floors) predicts
// the package of the example's 1,000 grid at the point estimate, with the price within one step
// of the coarse grid's.
TEST(PredictionTest, FineSalesGridPredictsTheCoarsePackage) {
  Case coarse = testing::LoadExample("sales-renewal");
  Case fine = coarse;
  for (Issue& issue : fine.issues) {
    if (issue.id == "price") issue.step = 1;
  }
  auto predict = [](const Case& c) {
    const Case floored = analysis::ApplyFloors(c).c;
    return Predict(floored, "cloudco").prediction;
  };
  const Prediction a = predict(coarse);
  const Prediction b = predict(fine);
  ASSERT_TRUE(a.deal && b.deal);
  const double coarse_price = coarse.issues[0].GridValue(a.deal->outcome[0]);
  const double fine_price = fine.issues[0].GridValue(b.deal->outcome[0]);
  EXPECT_LT(std::abs(fine_price - coarse_price), 1000);
  for (std::size_t k = 1; k < a.deal->outcome.size(); ++k) {
    EXPECT_EQ(a.deal->outcome[k], b.deal->outcome[k]);
  }
  EXPECT_EQ(b.zopa_probability, 1);
  EXPECT_LT(std::abs(b.expected_value - a.expected_value), 1000);
  EXPECT_EQ(b.samples, 10000u);
}

}  // namespace
}  // namespace parley::power
