#include "parley/sim/bid_search.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "parley/core/party_valuation.h"
#include "testing/case_builders.h"
#include "testing/random_cases.h"

namespace parley::sim {
namespace {

using testing::NumberIssue;
using testing::OptionsIssue;
using testing::Term;

// The brute-force answer: the best raw estimate among outcomes whose utility (PartyValuation)
// lies in [lo, hi]; nullopt when none does.
std::optional<double> BruteBest(const Case& c, const std::string& us, const AdditiveModel& theirs,
                                double lo, double hi) {
  const PartyValuation v(c, us);
  const OutcomeSpace space(c.issues);
  std::optional<double> best;
  Outcome o = space.First();
  do {
    const double u = v.Utility(o);
    if (u < lo - kBandTolerance || u > hi + kBandTolerance) continue;
    const double e = theirs.RawSum(c.issues, o);
    if (!best || e > *best) best = e;
  } while (space.Next(o));
  return best;
}

// The largest range of one issue's estimate: the documented bound of the sweep's gap.
double LargestIssueRange(const Case& c, const AdditiveModel& m) {
  double range = 0;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    double a = std::numeric_limits<double>::infinity(), z = -a;
    for (std::uint64_t k = 0; k < c.issues[i].ValueCount(); ++k) {
      a = std::min(a, m.Contribution(c.issues, i, k));
      z = std::max(z, m.Contribution(c.issues, i, k));
    }
    range = std::max(range, z - a);
  }
  return range;
}

RC_GTEST_PROP(AdditiveModelTest, EqualsPartyValuation, ()) {
  testing::RandomDomainSpec spec;
  spec.value_kinds = true;
  const Case c = testing::RandomDomain(spec);
  for (const Preferences& p : c.values) {
    const PartyValuation v(c, p.party);
    const auto m = AdditiveModel::Of(c, p.party);
    RC_ASSERT(m.has_value());
    const OutcomeSpace space(c.issues);
    Outcome o = space.First();
    do {
      RC_ASSERT(std::fabs(m->Utility(c.issues, o) - v.Utility(o)) < 1e-12);
    } while (space.Next(o));
  }
}

// Draws a band and checks one search against brute force.
void CheckAgainstBruteForce(const BidSearchOptions& options, bool exact) {
  testing::RandomDomainSpec spec;
  spec.value_kinds = true;
  const Case c = testing::RandomDomain(spec);
  const AdditiveModel ours = *AdditiveModel::Of(c, "p0");
  const AdditiveModel theirs = *AdditiveModel::Of(c, "p1");
  const double lo = *rc::gen::inRange(-2, 9) * 0.125;
  const double hi = lo + *rc::gen::inRange(0, 5) * 0.0625;
  const std::optional<double> best = BruteBest(c, "p0", theirs, lo, hi);
  const std::optional<Outcome> bid = BestInBand(c.issues, ours, theirs, lo, hi, options);
  if (!best) RC_ASSERT(!bid.has_value());
  // The fold is exact; the sweep may miss a band that only a combination of three or more
  // issues (or two issues' values between anchors) hits: a subset sum.
  if (exact) RC_ASSERT(bid.has_value() == best.has_value());
  RC_TAG(bid.has_value() == best.has_value() ? "found when one exists" : "missed");
  if (!bid) return;
  const double u = PartyValuation(c, "p0").Utility(*bid);
  RC_ASSERT(u >= lo - kBandTolerance);
  RC_ASSERT(u <= hi + kBandTolerance);
  const double e = theirs.RawSum(c.issues, *bid);
  if (exact) {
    RC_ASSERT(std::fabs(e - *best) < 1e-12);
  } else {
    RC_ASSERT(e >= *best - LargestIssueRange(c, theirs) - 1e-12);
  }
}

RC_GTEST_PROP(BidSearchTest, ExactFoldEqualsBruteForce, ()) { CheckAgainstBruteForce({}, true); }

RC_GTEST_PROP(BidSearchTest, SweepIsInBandAndWithinOneIssueRangeOfTheBest, ()) {
  BidSearchOptions options;
  options.exact_states = 0;  // the Lagrangian sweep and repair only
  options.dense = 0;         // number issues through their kinks only
  CheckAgainstBruteForce(options, false);
}

// The table answers every band as the search does, outcome for outcome (ties included), for the
// three estimates the bidder asks it about: our own utility, its negation and another party's.
RC_GTEST_PROP(BandTableTest, AnswersAsBestInBand, ()) {
  testing::RandomDomainSpec spec;
  spec.value_kinds = true;
  const Case c = testing::RandomDomain(spec);
  const AdditiveModel ours = *AdditiveModel::Of(c, "p0");
  for (const AdditiveModel& theirs : {ours, ours.Negated(), *AdditiveModel::Of(c, "p1")}) {
    const std::optional<BandTable> table = BandTable::Build(c.issues, ours, theirs);
    RC_ASSERT(table.has_value());  // the random domains are small: the fold applies
    for (int band = 0; band < 6; ++band) {
      const double lo = *rc::gen::inRange(-2, 9) * 0.125;
      const double hi = band == 0 ? 1e300 : lo + *rc::gen::inRange(0, 5) * 0.0625;
      RC_ASSERT(table->Best(lo, hi) == BestInBand(c.issues, ours, theirs, lo, hi));
    }
  }
}

// The searcher with our side of the menus computed once answers as BestInBand, outcome for
// outcome, whatever the estimate, on small and on huge (not dense) grids.
RC_GTEST_PROP(BidSearcherTest, AnswersAsBestInBand, ()) {
  testing::RandomDomainSpec spec;
  spec.value_kinds = true;
  const Case c = testing::RandomDomain(spec);
  const AdditiveModel ours = *AdditiveModel::Of(c, "p0");
  const AdditiveModel theirs = *AdditiveModel::Of(c, "p1");
  BidSearchOptions options;
  options.dense = *rc::gen::element<std::uint64_t>(0, 64);
  options.exact_states = *rc::gen::element<std::size_t>(0, 20'000);
  BidSearcher searcher(c.issues, ours, options);
  for (int band = 0; band < 4; ++band) {
    const double lo = *rc::gen::inRange(-2, 9) * 0.125;
    const double hi = band == 0 ? 1e300 : lo + *rc::gen::inRange(0, 5) * 0.0625;
    RC_ASSERT(searcher.Best(theirs, lo, hi) == BestInBand(c.issues, ours, theirs, lo, hi, options));
    RC_ASSERT(searcher.Best(ours, lo, hi) == BestInBand(c.issues, ours, ours, lo, hi, options));
  }
}

// A model with its contributions rounded to quarters: many outcomes tie in our sum and in the
// estimate, so the searcher's tie rule is tested, not only its best value.
AdditiveModel Quartered(AdditiveModel m) {
  for (IssueFunction& f : m.issues) {
    for (double& v : f.table) v = std::round(v * 4) / 4;
    for (auto& point : f.points) point.second = std::round(point.second * 4) / 4;
  }
  return m;
}

// With ties everywhere the searcher (which visits only the values that can reach the band, in
// our order) picks the outcome BestInBand picks, outcome for outcome.
RC_GTEST_PROP(BidSearcherTest, BreaksTiesAsBestInBand, ()) {
  testing::RandomDomainSpec spec;
  spec.max_options = 6;
  const Case c = testing::RandomDomain(spec);
  const AdditiveModel ours = Quartered(*AdditiveModel::Of(c, "p0"));
  const AdditiveModel theirs = Quartered(*AdditiveModel::Of(c, "p1"));
  BidSearcher searcher(c.issues, ours, {});
  for (int band = 0; band < 6; ++band) {
    const double lo = *rc::gen::inRange(-2, 9) * 0.25;
    const double hi = band == 0 ? 1e300 : lo + *rc::gen::inRange(0, 4) * 0.25;
    RC_ASSERT(searcher.Best(theirs, lo, hi) == BestInBand(c.issues, ours, theirs, lo, hi));
    RC_ASSERT(searcher.Best(ours, lo, hi) == BestInBand(c.issues, ours, ours, lo, hi));
  }
}

// Five money issues of 10^6 grid points each: 10^30 outcomes, answered from the kinks.
TEST(BidSearchTest, HugeGridsLandInANarrowBand) {
  Case c;
  std::vector<IssueTerm> mine, theirs;
  for (int i = 0; i < 5; ++i) {
    const std::string id = "x" + std::to_string(i);
    c.issues.push_back(NumberIssue(id, 0, 999'999, 1));
    mine.push_back(Term(id, LinearValue{.slope = 1.0 + i}));
    theirs.push_back(Term(id, LinearValue{.slope = -(5.0 - i)}));
  }
  c.values = {testing::MoneyValues("us", mine), testing::MoneyValues("them", theirs)};
  ASSERT_EQ(OutcomeSpace(c.issues).Size().ToString(), "1" + std::string(30, '0'));
  const AdditiveModel ours = *AdditiveModel::Of(c, "us");
  const AdditiveModel other = *AdditiveModel::Of(c, "them");
  for (double target : {0.1, 0.5, 0.73, 0.999}) {
    const auto bid = BestInBand(c.issues, ours, other, target, target + 1e-6);
    ASSERT_TRUE(bid.has_value()) << target;
    const double u = ours.Utility(c.issues, *bid);
    EXPECT_GE(u, target - kBandTolerance);
    EXPECT_LE(u, target + 1e-6 + kBandTolerance);
  }
}

// One issue: the best for the other side in [lo, 1] is the grid point just above lo.
TEST(BidSearchTest, SingleIssueGridGivesTheFirstPointAboveTheTarget) {
  Case c;
  c.issues = {NumberIssue("price", 0, 10'000, 1)};
  c.values = {testing::MoneyValues("us", {Term("price", LinearValue{.slope = 1})}),
              testing::MoneyValues("them", {Term("price", LinearValue{.slope = -1})})};
  const AdditiveModel ours = *AdditiveModel::Of(c, "us");
  const AdditiveModel other = *AdditiveModel::Of(c, "them");
  const auto bid = BestInBand(c.issues, ours, other, 0.12345, 1.0);
  ASSERT_TRUE(bid.has_value());
  EXPECT_EQ((*bid)[0], 1235u);  // 1234.5 rounded up to the grid
}

TEST(BidSearchTest, NoOutcomeInTheBandGivesNothing) {
  Case c;
  c.issues = {OptionsIssue("a", {"x", "y"})};
  c.values = {testing::MoneyValues("us", {Term("a", testing::Table({{"x", 0}, {"y", 10}}))}),
              testing::MoneyValues("them", {Term("a", testing::Table({{"x", 10}, {"y", 0}}))})};
  const AdditiveModel ours = *AdditiveModel::Of(c, "us");
  EXPECT_FALSE(BestInBand(c.issues, ours, ours, 0.2, 0.8).has_value());
  EXPECT_FALSE(BestInBand(c.issues, ours, ours, 1.5, 2).has_value());
}

}  // namespace
}  // namespace parley::sim
