// Tests of DealModel::Solve, the branch and bound that solves the sampled draws, against
// DealModel::SolveByScan (the plain scan of the documented rule): the same point, draw by draw,
// on fine price grids (10^3 to 10^5 grid points, with options issues, straight and bent price
// values), on the sales renewal in whole units, and on small random domains of two and three
// parties; disagreement points anywhere (inside, on and outside the frontier, within epsilon of
// a point), weights unequal, one of them sometimes zero.
#include "internal/deal_model.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/analysis/frontier.h"
#include "testing/case_builders.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::power::internal {
namespace {

using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Table;
using ::parley::testing::Term;

// Random numbers for one case: `Uniform` in [0, 1) and `Index` below a bound.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  double Uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  std::size_t Index(std::size_t bound) { return static_cast<std::size_t>(rng_() % bound); }

 private:
  std::mt19937_64 rng_;
};

// A two-party money case: a price 0..steps in whole units (a gains it; b pays it, linearly or
// along a bent curve through a few random points) and `options` issues of three options, each
// worth up to a tenth of the price range to either party.
Case FineGridCase(Draw& r, int steps, int options, bool bent) {
  const double hi = steps;
  std::vector<Issue> issues = {NumberIssue("price", 0, hi, 1)};
  std::vector<IssueTerm> a = {Term("price", LinearValue{1 + r.Uniform()})};
  std::vector<IssueTerm> b;
  if (bent) {
    // Decreasing, with random slopes: the frontier bends at each point.
    PointsValue curve;
    double y = 0;
    for (int k = 0; k <= 4; ++k) {
      curve.points.emplace_back(hi * k / 4, y);
      y -= hi * (0.1 + r.Uniform());
    }
    b.push_back(Term("price", curve));
  } else {
    b.push_back(Term("price", LinearValue{-(0.5 + r.Uniform())}));
  }
  for (int i = 0; i < options; ++i) {
    const std::string id = "o" + std::to_string(i);
    issues.push_back(OptionsIssue(id, {"x", "y", "z"}));
    for (std::vector<IssueTerm>* terms : {&a, &b}) {
      std::vector<std::pair<std::string, double>> values;
      for (const char* o : {"x", "y", "z"}) values.emplace_back(o, hi * 0.1 * r.Uniform());
      terms->push_back(Term(id, Table(values)));
    }
  }
  return testing::TwoMoneyParties(issues, a, b);
}

// Disagreement points and weights of every kind: uniform over a square well beyond the
// frontier's utilities, or a frontier point moved down by nothing, by about epsilon or by more,
// sometimes with one party's far below every deal; equal, unequal, extreme or one-sided weights.
std::vector<double> RandomDisagreement(Draw& r, const DealModel& model) {
  const std::size_t n = model.Parties();
  std::vector<double> d(n);
  if (r.Index(3) == 0 || model.Points() == 0) {
    for (double& x : d) x = -0.5 + 2 * r.Uniform();
    return d;
  }
  static constexpr double kShifts[] = {0, 5e-10, 1e-9, 1.5e-9, 1e-6, 1e-3, 0.05, 0.3};
  const std::size_t p = r.Index(model.Points());
  for (std::size_t i = 0; i < n; ++i) d[i] = model.Utility(p, i) - kShifts[r.Index(8)];
  if (r.Index(4) == 0) d[r.Index(n)] = -1e4 * r.Uniform();  // one BATNA far below the deals
  return d;
}

std::vector<double> RandomWeights(Draw& r, std::size_t n) {
  std::vector<double> w(n);
  const std::size_t kind = r.Index(6);
  for (std::size_t i = 0; i < n; ++i) {
    w[i] = kind == 0 ? 1.0 : kind == 1 ? 0.01 + 0.98 * r.Uniform() : r.Uniform();
  }
  if (kind == 2) w[r.Index(n)] = 0;     // one party's weight zero
  if (kind == 3) w[r.Index(n)] *= 1e3;  // one party dominates
  if (kind == 4) w.assign(n, 0.0);      // no weights: equal
  return w;
}

// Solve against SolveByScan on `draws` random draws; the number of draws with a deal.
std::size_t ExpectSolveIsTheScan(const DealModel& model, std::uint64_t seed, int draws) {
  Draw r(seed);
  std::size_t deals = 0;
  for (int k = 0; k < draws; ++k) {
    const std::vector<double> d = RandomDisagreement(r, model);
    const std::vector<double> w = RandomWeights(r, model.Parties());
    const std::optional<std::size_t> fast = model.Solve(d, w);
    const std::optional<std::size_t> scan = model.SolveByScan(d, w);
    EXPECT_EQ(fast, scan) << "draw " << k << " of seed " << seed;
    if (fast != scan) break;
    deals += scan ? 1 : 0;
  }
  return deals;
}

TEST(DealModelTest, SolveIsTheScanOnFineGrids) {
  struct Grid {
    int steps, options;
    bool bent;
  };
  for (const Grid& g : {Grid{100'000, 0, false}, Grid{100'000, 2, false}, Grid{30'000, 2, true},
                        Grid{10'000, 1, true}, Grid{10'000, 2, false}}) {
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
      Draw r(seed);
      const Case c = FineGridCase(r, g.steps, g.options, g.bent);
      const analysis::Frontier frontier = analysis::ComputeFrontier(c);
      ASSERT_GT(frontier.points.size(), static_cast<std::size_t>(g.steps / 20));
      const DealModel model(c, frontier);
      EXPECT_GT(ExpectSolveIsTheScan(model, seed, 150), 0u);
    }
  }
}

// The case behind the benchmark: the sales renewal within its floors, its price in whole units
// (30,001 prices, 42,001 frontier points).
TEST(DealModelTest, SolveIsTheScanOnTheFineSalesRenewal) {
  Case c = testing::LoadExample("sales-renewal");
  for (Issue& issue : c.issues) {
    if (issue.id == "price") issue.step = 1;
  }
  const Case floored = analysis::ApplyFloors(c).c;
  const DealModel model(floored, analysis::ComputeFrontier(floored));
  ASSERT_GT(model.Points(), 30'000u);
  EXPECT_GT(ExpectSolveIsTheScan(model, 7, 400), 0u);
}

// No acceptable point, a disagreement point on a frontier point (zero gains: the first tier-0
// point), and one far below every point.
TEST(DealModelTest, SolveIsTheScanAtTheEdges) {
  Draw r(3);
  const Case c = FineGridCase(r, 20'000, 2, false);
  const DealModel model(c, analysis::ComputeFrontier(c));
  const std::vector<double> w = {0.3, 0.7};
  EXPECT_EQ(model.Solve({1.5, 1.5}, w), std::nullopt);
  EXPECT_EQ(model.Solve({1.5, -1.0}, w), std::nullopt);
  const std::size_t p = model.Points() / 3;
  const std::vector<double> on = {model.Utility(p, 0), model.Utility(p, 1)};
  EXPECT_EQ(model.Solve(on, w), model.SolveByScan(on, w));
  EXPECT_TRUE(model.Solve(on, w).has_value());
  EXPECT_EQ(model.Solve({-100, -100}, w), model.SolveByScan({-100, -100}, w));
}

RC_GTEST_PROP(DealModelProperty, SolveIsTheScanOnRandomFineGrids, ()) {
  const int steps = *rc::gen::element(500, 2'000, 5'000);
  const int options = *rc::gen::inRange(0, 3);
  const bool bent = *rc::gen::arbitrary<bool>();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  Draw r(seed);
  const Case c = FineGridCase(r, steps, options, bent);
  const DealModel model(c, analysis::ComputeFrontier(c));
  ExpectSolveIsTheScan(model, seed + 1, 40);
  RC_ASSERT(!::testing::Test::HasFailure());
}

// Any number of parties, money or utility form: three parties keep the box bound.
RC_GTEST_PROP(DealModelProperty, SolveIsTheScanOnRandomDomains, ()) {
  testing::RandomDomainSpec spec;
  spec.parties = *rc::gen::inRange(2, 4);
  spec.max_issues = 3;
  spec.max_grid = 30;
  const Case c = testing::RandomDomain(spec);
  const DealModel model(c, analysis::ComputeFrontier(c));
  ExpectSolveIsTheScan(model, *rc::gen::inRange<std::uint64_t>(0, 1u << 30), 40);
  RC_ASSERT(!::testing::Test::HasFailure());
}

}  // namespace
}  // namespace parley::power::internal
