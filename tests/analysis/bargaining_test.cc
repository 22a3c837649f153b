// Tests of the bargaining solutions: textbook cases whose answers are published or derived here in
// closed form, ties, degenerate frontiers, and properties against brute force on random frontiers.
// Frontiers are built by hand (Frontier is a plain struct), so nothing here needs ComputeFrontier.
#include "parley/analysis/bargaining.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/error.h"

namespace parley::analysis {
namespace {

using Points = std::vector<std::vector<double>>;

// A frontier over `points` (one utility per party each) with disagreement point `d`; points are
// sorted by the first party's utility, descending (the Frontier contract), and marked acceptable
// when every utility is >= d_i - kUtilityEpsilon.
Frontier MakeFrontier(Points points, const std::vector<double>& d) {
  std::stable_sort(points.begin(), points.end(),
                   [](const auto& a, const auto& b) { return a[0] > b[0]; });
  Frontier f;
  for (std::size_t i = 0; i < d.size(); ++i) {
    std::string id(1, 'p');
    id += std::to_string(i + 1);  // appended: GCC 12 warns falsely on "p" + std::string
    f.parties.push_back(id);
  }
  f.disagreement = d;
  for (const std::vector<double>& u : points) {
    FrontierPoint point;
    point.utility = u;
    point.outcome = Outcome(1, 0);
    point.ties = BigUint(1);
    point.acceptable = true;
    for (std::size_t i = 0; i < u.size(); ++i) {
      if (u[i] < d[i] - kUtilityEpsilon) point.acceptable = false;
    }
    f.points.push_back(std::move(point));
  }
  f.outcome_count = BigUint(points.size());
  return f;
}

// Divide a dollar: the line u1 + u2 = 1 at u1 = k/100, k = 0..100.
Frontier Dollar(const std::vector<double>& d) {
  Points points;
  for (int k = 0; k <= 100; ++k) points.push_back({k / 100.0, (100 - k) / 100.0});
  return MakeFrontier(points, d);
}

void ExpectSingle(const Frontier& f, const Solution& s, const std::vector<double>& expected) {
  ASSERT_EQ(s.points.size(), 1u) << SolutionRuleName(s.rule);
  const std::vector<double>& u = f.points[s.points[0]].utility;
  ASSERT_EQ(u.size(), expected.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    EXPECT_NEAR(u[i], expected[i], 1e-12) << SolutionRuleName(s.rule) << " party " << i;
  }
}

TEST(BargainingTest, RuleNames) {
  EXPECT_STREQ(SolutionRuleName(SolutionRule::kNash), "nash");
  EXPECT_STREQ(SolutionRuleName(SolutionRule::kKalaiSmorodinsky), "kalai_smorodinsky");
  EXPECT_STREQ(SolutionRuleName(SolutionRule::kEgalitarian), "egalitarian");
  EXPECT_STREQ(SolutionRuleName(SolutionRule::kUtilitarian), "utilitarian");
  EXPECT_STREQ(SolutionRuleName(SolutionRule::kWeightedNash), "weighted_nash");
}

// Nash (1950): on the symmetric line u1 + u2 = 1 with d = 0 every symmetric rule splits the dollar
// equally; the utilitarian sum is 1 everywhere, so all 101 points tie.
TEST(BargainingTest, DivideTheDollarSplitsEqually) {
  const Frontier f = Dollar({0, 0});
  const Solution nash = Solve(f, SolutionRule::kNash);
  ExpectSingle(f, nash, {0.5, 0.5});
  EXPECT_NEAR(nash.score, 0.25, 1e-15);
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  ExpectSingle(f, ks, {0.5, 0.5});
  EXPECT_NEAR(ks.score, 0.5, 1e-15);
  const Solution egal = Solve(f, SolutionRule::kEgalitarian);
  ExpectSingle(f, egal, {0.5, 0.5});
  EXPECT_NEAR(egal.score, 0.5, 1e-15);
  const Solution util = Solve(f, SolutionRule::kUtilitarian);
  EXPECT_EQ(util.points.size(), 101u);
  for (std::size_t i = 0; i < util.points.size(); ++i) EXPECT_EQ(util.points[i], i);
  EXPECT_NEAR(util.score, 1.0, 1e-15);
}

// With d = (0.2, 0) the surplus 0.8 is split equally: Nash maximises (u1 - 0.2)(1 - u1), so
// u1 = 0.6, product 0.16. KS: ideal = (1, 0.8), shares (u1 - 0.2)/0.8 = (1 - u1)/0.8 at u1 = 0.6.
// Egalitarian: u1 - 0.2 = 1 - u1 at u1 = 0.6. Points with u1 < 0.2 are not acceptable.
TEST(BargainingTest, DivideTheDollarWithOutsideOption) {
  const Frontier f = Dollar({0.2, 0});
  const Solution nash = Solve(f, SolutionRule::kNash);
  ExpectSingle(f, nash, {0.6, 0.4});
  EXPECT_NEAR(nash.score, 0.16, 1e-12);
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  ExpectSingle(f, ks, {0.6, 0.4});
  EXPECT_NEAR(ks.score, 0.5, 1e-12);
  const Solution egal = Solve(f, SolutionRule::kEgalitarian);
  ExpectSingle(f, egal, {0.6, 0.4});
  EXPECT_NEAR(egal.score, 0.4, 1e-12);
  // Utilitarian: sum 1 on every acceptable point (u1 = 0.2 .. 1.0), 81 of them.
  EXPECT_EQ(Solve(f, SolutionRule::kUtilitarian).points.size(), 81u);
}

// Kalai and Smorodinsky (1975), the monotonicity example. S1 = conv{(0,0), (0,1), (3/4,3/4),
// (1,0)}: Nash and KS both give (3/4, 3/4). S2 = conv{(0,0), (0,1), (1,0.7), (1,0)} contains S1
// and has the same ideal point (1, 1), yet Nash gives party 2 less: on S2's frontier
// u2 = 1 - 0.3 u1, u1 (1 - 0.3 u1) increases on [0, 1] (its peak is at u1 = 5/3), so Nash is the
// corner (1, 0.7) with product 0.7 < 3/4 for party 2. KS solves u1 = u2 = 1 - 0.3 u1:
// u1 = u2 = 10/13 > 3/4, as monotonicity demands. Discretised: u1 = k/130 puts 10/13 on the grid.
TEST(BargainingTest, KalaiSmorodinskyMonotonicityExample) {
  Points s1;
  for (int k = 0; k <= 100; ++k) {
    const double u1 = k / 100.0;
    s1.push_back({u1, k <= 75 ? (300 - k) / 300.0 : (300 - 3 * k) / 100.0});
  }
  const Frontier f1 = MakeFrontier(s1, {0, 0});
  ExpectSingle(f1, Solve(f1, SolutionRule::kNash), {0.75, 0.75});
  ExpectSingle(f1, Solve(f1, SolutionRule::kKalaiSmorodinsky), {0.75, 0.75});

  Points s2;
  for (int k = 0; k <= 130; ++k) s2.push_back({k / 130.0, (1300 - 3 * k) / 1300.0});
  const Frontier f2 = MakeFrontier(s2, {0, 0});
  const Solution nash = Solve(f2, SolutionRule::kNash);
  ExpectSingle(f2, nash, {1.0, 0.7});
  EXPECT_NEAR(nash.score, 0.7, 1e-12);
  const Solution ks = Solve(f2, SolutionRule::kKalaiSmorodinsky);
  ExpectSingle(f2, ks, {10.0 / 13, 10.0 / 13});
  EXPECT_NEAR(ks.score, 10.0 / 13, 1e-12);
  // Egalitarian equals KS here because both ideal gains are 1.
  ExpectSingle(f2, Solve(f2, SolutionRule::kEgalitarian), {10.0 / 13, 10.0 / 13});
  // Utilitarian: u1 + 1 - 0.3 u1 grows with u1.
  ExpectSingle(f2, Solve(f2, SolutionRule::kUtilitarian), {1.0, 0.7});
}

// The triangle (0,0), (1,0), (1/2,1): its frontier is u2 = 2 (1 - u1), u1 in [1/2, 1]. Nash:
// u1 * 2 (1 - u1) peaks at u1 = 1/2, the corner (1/2, 1), product 1/2. KS (ideal (1, 1)) and
// egalitarian: u1 = 2 (1 - u1), u1 = u2 = 2/3. Utilitarian: 2 - u1 is largest at (1/2, 1).
TEST(BargainingTest, TriangleSeparatesNashFromKalaiSmorodinsky) {
  Points points;
  for (int k = 0; k <= 30; ++k) points.push_back({(30 + k) / 60.0, (30 - k) / 30.0});
  const Frontier f = MakeFrontier(points, {0, 0});
  const Solution nash = Solve(f, SolutionRule::kNash);
  ExpectSingle(f, nash, {0.5, 1.0});
  EXPECT_NEAR(nash.score, 0.5, 1e-15);
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  ExpectSingle(f, ks, {2.0 / 3, 2.0 / 3});
  EXPECT_NEAR(ks.score, 2.0 / 3, 1e-15);
  ExpectSingle(f, Solve(f, SolutionRule::kEgalitarian), {2.0 / 3, 2.0 / 3});
  const Solution util = Solve(f, SolutionRule::kUtilitarian);
  ExpectSingle(f, util, {0.5, 1.0});
  EXPECT_NEAR(util.score, 1.5, 1e-15);
}

// Binmore, Rubinstein and Wolinsky (1986): the asymmetric Nash solution on u1 + u2 = 1 with
// d = 0 maximises w1 log u1 + w2 log(1 - u1), so u1 = w1 / (w1 + w2). With d = (0.2, 0) party 1
// gets 0.2 + 0.8 w1 / (w1 + w2). Scaling the weights changes nothing.
TEST(BargainingTest, WeightedNashSharesSurplusByWeight) {
  const Frontier f = Dollar({0, 0});
  const Solution a = Solve(f, SolutionRule::kWeightedNash, {1, 3});
  ExpectSingle(f, a, {0.25, 0.75});
  EXPECT_NEAR(a.score, std::log(0.25) + 3 * std::log(0.75), 1e-12);
  ExpectSingle(f, Solve(f, SolutionRule::kWeightedNash, {2, 3}), {0.4, 0.6});
  ExpectSingle(f, Solve(f, SolutionRule::kWeightedNash, {200, 300}), {0.4, 0.6});
  ExpectSingle(f, Solve(f, SolutionRule::kWeightedNash, {0.7, 0.3}), {0.7, 0.3});
  const Frontier g = Dollar({0.2, 0});
  ExpectSingle(g, Solve(g, SolutionRule::kWeightedNash, {1, 1}), {0.6, 0.4});
  ExpectSingle(g, Solve(g, SolutionRule::kWeightedNash, {3, 1}), {0.8, 0.2});
}

// A symmetric frontier with two optimal points: (0.9, 0.4) and (0.4, 0.9) tie for Nash (0.36)
// and utilitarian (1.3); (0.6, 0.55) alone is egalitarian (0.55) and KS (ideal (0.9, 0.9),
// share min(0.6, 0.55) / 0.9). Ties are listed in frontier order.
TEST(BargainingTest, TiesAreAllListed) {
  const Frontier f = MakeFrontier({{0.9, 0.4}, {0.6, 0.55}, {0.4, 0.9}}, {0, 0});
  const Solution nash = Solve(f, SolutionRule::kNash);
  EXPECT_EQ(nash.points, (std::vector<std::size_t>{0, 2}));
  EXPECT_NEAR(nash.score, 0.36, 1e-15);
  EXPECT_EQ(Solve(f, SolutionRule::kUtilitarian).points, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(Solve(f, SolutionRule::kWeightedNash, {5, 5}).points, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(Solve(f, SolutionRule::kEgalitarian).points, (std::vector<std::size_t>{1}));
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  EXPECT_EQ(ks.points, (std::vector<std::size_t>{1}));
  EXPECT_NEAR(ks.score, 0.55 / 0.9, 1e-15);
}

// Differences below kUtilityEpsilon are ties, larger ones are not.
TEST(BargainingTest, EpsilonDecidesTies) {
  const Frontier near = MakeFrontier({{0.7, 0.3}, {0.3, 0.7 + 1e-12}}, {0, 0});
  EXPECT_EQ(Solve(near, SolutionRule::kUtilitarian).points, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(Solve(near, SolutionRule::kNash).points, (std::vector<std::size_t>{0, 1}));
  const Frontier far = MakeFrontier({{0.7, 0.3}, {0.3, 0.7 + 1e-6}}, {0, 0});
  EXPECT_EQ(Solve(far, SolutionRule::kUtilitarian).points, (std::vector<std::size_t>{1}));
  EXPECT_EQ(Solve(far, SolutionRule::kNash).points, (std::vector<std::size_t>{1}));
}

TEST(BargainingTest, NoAcceptablePointGivesEmptySolutions) {
  const Frontier f = MakeFrontier({{0.9, 0.1}, {0.5, 0.5}, {0.1, 0.9}}, {0.6, 0.6});
  for (SolutionRule rule : {SolutionRule::kNash, SolutionRule::kKalaiSmorodinsky,
                            SolutionRule::kEgalitarian, SolutionRule::kUtilitarian}) {
    const Solution s = Solve(f, rule);
    EXPECT_EQ(s.rule, rule);
    EXPECT_TRUE(s.points.empty()) << SolutionRuleName(rule);
    EXPECT_EQ(s.score, 0) << SolutionRuleName(rule);
  }
  const Solution w = Solve(f, SolutionRule::kWeightedNash, {1, 2});
  EXPECT_TRUE(w.points.empty());
  EXPECT_EQ(w.score, 0);
  EXPECT_TRUE(Solve(MakeFrontier({}, {0, 0}), SolutionRule::kNash).points.empty());
}

// Only points with a zero gain: the Nash product is 0 everywhere, so all of them tie; weighted
// Nash the same with score -infinity; KS leaves out party 2 (ideal gain 0) and ranks by party 1.
TEST(BargainingTest, ZeroGainsTie) {
  const Frontier f = MakeFrontier({{0.9, 0.2}, {0.5, 0.2}}, {0.5, 0.2});
  const Solution nash = Solve(f, SolutionRule::kNash);
  EXPECT_EQ(nash.points, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(nash.score, 0);
  const Solution w = Solve(f, SolutionRule::kWeightedNash, {1, 2});
  EXPECT_EQ(w.points, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(w.score, -std::numeric_limits<double>::infinity());
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  EXPECT_EQ(ks.points, (std::vector<std::size_t>{0}));
  EXPECT_NEAR(ks.score, 1.0, 1e-15);
  // A point with all gains positive beats every zero-gain point, however small its product.
  const Frontier g = MakeFrontier({{0.9, 0.2}, {0.5 + 1e-6, 0.2 + 1e-6}}, {0.5, 0.2});
  EXPECT_EQ(Solve(g, SolutionRule::kNash).points, (std::vector<std::size_t>{1}));
  EXPECT_EQ(Solve(g, SolutionRule::kWeightedNash, {1, 1}).points, (std::vector<std::size_t>{1}));
}

// Kalai-Smorodinsky leaves out a party whose ideal gain is 0, and when every party's is, every
// acceptable point ties with share 1.
TEST(BargainingTest, KalaiSmorodinskyLeavesOutPartiesWithoutGain) {
  const Frontier f = MakeFrontier({{0.9, 0.2, 0.1}, {0.5, 0.2, 0.5}}, {0, 0.2, 0});
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  EXPECT_EQ(ks.points, (std::vector<std::size_t>{1}));
  EXPECT_NEAR(ks.score, 0.5 / 0.9, 1e-15);
  const Frontier single = MakeFrontier({{0.5, 0.5}}, {0.5, 0.5});
  const Solution all = Solve(single, SolutionRule::kKalaiSmorodinsky);
  EXPECT_EQ(all.points, (std::vector<std::size_t>{0}));
  EXPECT_EQ(all.score, 1);
}

// Three parties on the simplex u1 + u2 + u3 = 1 (grid 1/20). With d = (0.1, 0.2, 0.1) the surplus
// 0.6 splits equally under Nash, KS (every ideal gain is 0.6) and egalitarian: u = (0.3, 0.4, 0.3),
// Nash product 0.2^3 = 0.008. The utilitarian sum is 1 on every acceptable point.
TEST(BargainingTest, ThreeParties) {
  Points points;
  for (int a = 0; a <= 20; ++a) {
    for (int b = 0; a + b <= 20; ++b) points.push_back({a / 20.0, b / 20.0, (20 - a - b) / 20.0});
  }
  const Frontier f = MakeFrontier(points, {0.1, 0.2, 0.1});
  const Solution nash = Solve(f, SolutionRule::kNash);
  ExpectSingle(f, nash, {0.3, 0.4, 0.3});
  EXPECT_NEAR(nash.score, 0.008, 1e-12);
  const Solution ks = Solve(f, SolutionRule::kKalaiSmorodinsky);
  ExpectSingle(f, ks, {0.3, 0.4, 0.3});
  EXPECT_NEAR(ks.score, 1.0 / 3, 1e-12);
  ExpectSingle(f, Solve(f, SolutionRule::kEgalitarian), {0.3, 0.4, 0.3});
  ExpectSingle(f, Solve(f, SolutionRule::kWeightedNash, {1, 1, 1}), {0.3, 0.4, 0.3});
  // Weights (2, 1, 3) split the surplus 0.6 as (0.2, 0.1, 0.3).
  ExpectSingle(f, Solve(f, SolutionRule::kWeightedNash, {2, 1, 3}), {0.3, 0.3, 0.4});
  std::size_t acceptable = 0;
  for (const FrontierPoint& p : f.points) acceptable += p.acceptable ? 1 : 0;
  EXPECT_EQ(Solve(f, SolutionRule::kUtilitarian).points.size(), acceptable);
}

TEST(BargainingTest, BadWeightsAreUsageErrors) {
  const Frontier f = Dollar({0, 0});
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const std::vector<double>& w : std::vector<std::vector<double>>{
           {}, {1}, {1, 2, 3}, {0, 1}, {1, -2}, {nan, 1}, {1, inf}, {-inf, 1}}) {
    try {
      Solve(f, SolutionRule::kWeightedNash, w);
      ADD_FAILURE() << "no error for " << w.size() << " weights";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kUsage);
      EXPECT_NE(std::string(e.what()).find("weight"), std::string::npos) << e.what();
    }
  }
  // Weights are checked even when no point is acceptable, and ignored by the other rules.
  const Frontier none = Dollar({0.8, 0.8});
  EXPECT_THROW(Solve(none, SolutionRule::kWeightedNash, {1, 0}), Error);
  EXPECT_NO_THROW(Solve(f, SolutionRule::kNash, {1, 0}));
}

TEST(BargainingTest, MalformedFrontierIsUsageError) {
  Frontier f = Dollar({0, 0});
  f.points[3].utility.push_back(0.5);
  try {
    Solve(f, SolutionRule::kNash);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
  Frontier g = Dollar({0, 0});
  g.disagreement.pop_back();
  EXPECT_THROW(Solve(g, SolutionRule::kUtilitarian), Error);
}

// ---- Properties against brute force on random frontiers -------------------------------------

// Random frontiers of 2 or 3 parties and 1..12 points, utilities and disagreement on the grid
// k/20 so exact ties occur often and distinct scores differ far beyond kUtilityEpsilon. The
// points need not be mutually non-dominated: the rules do not rely on it.
rc::Gen<Frontier> AnyFrontier() {
  return rc::gen::exec([] {
    const int n = *rc::gen::inRange(2, 4);
    const int m = *rc::gen::inRange(1, 13);
    std::vector<double> d;
    for (int i = 0; i < n; ++i) d.push_back(*rc::gen::inRange(0, 11) / 20.0);
    Points points;
    for (int p = 0; p < m; ++p) {
      std::vector<double> u;
      for (int i = 0; i < n; ++i) u.push_back(*rc::gen::inRange(0, 21) / 20.0);
      points.push_back(u);
    }
    return MakeFrontier(points, d);
  });
}

std::vector<std::size_t> Acceptable(const Frontier& f) {
  std::vector<std::size_t> out;
  for (std::size_t p = 0; p < f.points.size(); ++p) {
    if (f.points[p].acceptable) out.push_back(p);
  }
  return out;
}

double Product(const Frontier& f, std::size_t p) {
  double product = 1;
  for (std::size_t i = 0; i < f.disagreement.size(); ++i) {
    product *= std::max(0.0, f.points[p].utility[i] - f.disagreement[i]);
  }
  return product;
}

double MinGain(const Frontier& f, std::size_t p) {
  double least = 1e300;
  for (std::size_t i = 0; i < f.disagreement.size(); ++i) {
    least = std::min(least, f.points[p].utility[i] - f.disagreement[i]);
  }
  return least;
}

double Sum(const Frontier& f, std::size_t p) {
  double sum = 0;
  for (double u : f.points[p].utility) sum += u;
  return sum;
}

// The acceptable points whose `score` is within `tolerance` of the best, in frontier order.
template <typename Score>
std::vector<std::size_t> BruteForceBest(const Frontier& f, Score score, double tolerance) {
  const std::vector<std::size_t> acceptable = Acceptable(f);
  double best = -1e300;
  for (std::size_t p : acceptable) best = std::max(best, score(f, p));
  std::vector<std::size_t> out;
  for (std::size_t p : acceptable) {
    if (score(f, p) >= best - tolerance) out.push_back(p);
  }
  return out;
}

RC_GTEST_PROP(BargainingProperty, EmptyExactlyWhenNothingIsAcceptable, ()) {
  const Frontier f = *AnyFrontier();
  const bool none = Acceptable(f).empty();
  for (SolutionRule rule : {SolutionRule::kNash, SolutionRule::kKalaiSmorodinsky,
                            SolutionRule::kEgalitarian, SolutionRule::kUtilitarian}) {
    const Solution s = Solve(f, rule);
    RC_ASSERT(s.points.empty() == none);
    for (std::size_t p : s.points) RC_ASSERT(f.points[p].acceptable);
    RC_ASSERT(std::is_sorted(s.points.begin(), s.points.end()));
  }
}

// The Nash points are exactly the acceptable points of largest product (grid products differ by
// far more than the tolerance unless equal), and the score is that product.
RC_GTEST_PROP(BargainingProperty, NashMaximisesTheProduct, ()) {
  const Frontier f = *AnyFrontier();
  const Solution s = Solve(f, SolutionRule::kNash);
  RC_ASSERT(s.points == BruteForceBest(f, Product, 1e-12));
  if (!s.points.empty()) RC_ASSERT(std::abs(s.score - Product(f, s.points[0])) < 1e-12);
}

RC_GTEST_PROP(BargainingProperty, EqualWeightsGiveNash, ()) {
  const Frontier f = *AnyFrontier();
  const double w = *rc::gen::element(0.1, 0.5, 1.0, 3.0, 70.0);
  const std::vector<double> weights(f.parties.size(), w);
  RC_ASSERT(Solve(f, SolutionRule::kWeightedNash, weights).points ==
            Solve(f, SolutionRule::kNash).points);
}

RC_GTEST_PROP(BargainingProperty, UtilitarianScoreIsTheLargestSum, ()) {
  const Frontier f = *AnyFrontier();
  const Solution s = Solve(f, SolutionRule::kUtilitarian);
  RC_PRE(!s.points.empty());
  double best = -1e300;
  for (std::size_t p : Acceptable(f)) best = std::max(best, Sum(f, p));
  RC_ASSERT(std::abs(s.score - best) < 1e-12);
  RC_ASSERT(s.points == BruteForceBest(f, Sum, kUtilityEpsilon));
}

RC_GTEST_PROP(BargainingProperty, EgalitarianMaximisesTheSmallestGain, ()) {
  const Frontier f = *AnyFrontier();
  const Solution s = Solve(f, SolutionRule::kEgalitarian);
  for (std::size_t p : s.points) {
    for (std::size_t q : Acceptable(f)) RC_ASSERT(MinGain(f, p) >= MinGain(f, q) - kUtilityEpsilon);
  }
  RC_ASSERT(s.points == BruteForceBest(f, MinGain, kUtilityEpsilon));
}

// KS against its definition computed directly: ideal gains over the acceptable points, parties
// without a positive ideal gain left out.
RC_GTEST_PROP(BargainingProperty, KalaiSmorodinskyMaximisesTheSmallestShare, ()) {
  const Frontier f = *AnyFrontier();
  const std::vector<std::size_t> acceptable = Acceptable(f);
  std::vector<double> ideal(f.parties.size(), 0);
  for (std::size_t p : acceptable) {
    for (std::size_t i = 0; i < ideal.size(); ++i) {
      ideal[i] = std::max(ideal[i], f.points[p].utility[i] - f.disagreement[i]);
    }
  }
  const auto share = [&ideal](const Frontier& fr, std::size_t p) {
    double least = 1;
    for (std::size_t i = 0; i < ideal.size(); ++i) {
      if (ideal[i] > kUtilityEpsilon) {
        least = std::min(least, (fr.points[p].utility[i] - fr.disagreement[i]) / ideal[i]);
      }
    }
    return least;
  };
  const Solution s = Solve(f, SolutionRule::kKalaiSmorodinsky);
  RC_ASSERT(s.points == BruteForceBest(f, share, kUtilityEpsilon));
  if (!s.points.empty()) RC_ASSERT(std::abs(s.score - share(f, s.points[0])) < 1e-12);
}

// Weighted Nash maximises sum w_i log g_i over the all-positive-gain points (brute force).
RC_GTEST_PROP(BargainingProperty, WeightedNashMaximisesTheWeightedProduct, ()) {
  const Frontier f = *AnyFrontier();
  std::vector<double> weights;
  for (std::size_t i = 0; i < f.parties.size(); ++i) {
    weights.push_back(*rc::gen::inRange(1, 10) / 2.0);
  }
  const Solution s = Solve(f, SolutionRule::kWeightedNash, weights);
  const auto weighted = [&weights](const Frontier& fr, std::size_t p) {
    double sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      const double g = fr.points[p].utility[i] - fr.disagreement[i];
      if (g <= kUtilityEpsilon) return -1e100;
      sum += weights[i] * std::log(g);
    }
    return sum;
  };
  RC_ASSERT(s.points == BruteForceBest(f, weighted, 1e-9));
}

}  // namespace
}  // namespace parley::analysis
