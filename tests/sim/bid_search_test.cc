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
  const std::shared_ptr<const OurFold> fold = OurFold::Build(c.issues, ours, options);
  RC_TAG(fold != nullptr ? "through our fold" : "no fold");
  BidSearcher folded(c.issues, ours, options, fold);
  for (int band = 0; band < 4; ++band) {
    const double lo = *rc::gen::inRange(-2, 9) * 0.125;
    const double hi = band == 0 ? 1e300 : lo + *rc::gen::inRange(0, 5) * 0.0625;
    const std::optional<Outcome> best = BestInBand(c.issues, ours, theirs, lo, hi, options);
    RC_ASSERT(searcher.Best(theirs, lo, hi) == best);
    RC_ASSERT(folded.Best(theirs, lo, hi) == best);
    RC_ASSERT(searcher.Best(ours, lo, hi) == BestInBand(c.issues, ours, ours, lo, hi, options));
    RC_ASSERT(folded.Best(ours, lo, hi) == BestInBand(c.issues, ours, ours, lo, hi, options));
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
  const std::shared_ptr<const OurFold> fold = OurFold::Build(c.issues, ours);
  RC_TAG(fold != nullptr ? "through our fold" : "no fold (a grid past 64 points)");
  BidSearcher folded(c.issues, ours, {}, fold);
  Outcome into{99};  // BestInto's buffer, reused from one question to the next
  for (int band = 0; band < 6; ++band) {
    const double lo = *rc::gen::inRange(-2, 9) * 0.25;
    const double hi = band == 0 ? 1e300 : lo + *rc::gen::inRange(0, 4) * 0.25;
    const std::optional<Outcome> best = BestInBand(c.issues, ours, theirs, lo, hi);
    RC_ASSERT(searcher.Best(theirs, lo, hi) == best);
    RC_ASSERT(folded.Best(theirs, lo, hi) == best);
    const Outcome before = into;
    RC_ASSERT(folded.BestInto(theirs, lo, hi, into) == best.has_value());
    RC_ASSERT(into == (best ? *best : before));  // untouched when there is no answer
    RC_ASSERT(searcher.Best(ours, lo, hi) == BestInBand(c.issues, ours, ours, lo, hi));
    RC_ASSERT(folded.Best(ours, lo, hi) == BestInBand(c.issues, ours, ours, lo, hi));
  }
}

// One options issue's function from its table.
IssueFunction Table(std::vector<double> table) {
  IssueFunction f;
  f.table = std::move(table);
  return f;
}

// Contributions that are fractions n / d: sums equal in exact arithmetic differ by an ulp or
// two once rounded (the fold merges them), estimates tie, and the bands' edges fall on sums.
// The searcher through our fold answers as BestInBand, outcome for outcome.
RC_GTEST_PROP(OurFoldTest, AnswersAsBestInBandWhereRoundingSplitsEqualSums, ()) {
  const int issues = *rc::gen::inRange(1, 5);
  const double d = *rc::gen::element(3.0, 7.0, 10.0, 27.0, 49.0);
  const double d_theirs = *rc::gen::element(3.0, 4.0, 10.0);
  Case c;
  AdditiveModel ours, theirs;
  for (int i = 0; i < issues; ++i) {
    const int options = *rc::gen::inRange(2, 9);
    std::vector<std::string> names;
    std::vector<double> mine, other;
    for (int k = 0; k < options; ++k) {
      names.push_back("v" + std::to_string(k));
      mine.push_back(*rc::gen::inRange(0, 10) / d);
      other.push_back(*rc::gen::inRange(0, 4) / d_theirs);
    }
    c.issues.push_back(OptionsIssue("i" + std::to_string(i), names));
    ours.issues.push_back(Table(mine));
    theirs.issues.push_back(Table(other));
  }
  const std::shared_ptr<const OurFold> fold = OurFold::Build(c.issues, ours);
  RC_TAG(fold != nullptr ? "through our fold" : "no fold");
  BidSearcher folded(c.issues, ours, {}, fold);
  for (int band = 0; band < 8; ++band) {
    const double lo = *rc::gen::inRange(0, 10 * issues) / d;
    const double hi = lo + *rc::gen::inRange(0, 6) / d;
    RC_ASSERT(folded.Best(theirs, lo, hi) == BestInBand(c.issues, ours, theirs, lo, hi));
  }
}

// Our fold of two issues worth 0 or 1/2 each: the sums 0, 1/2 and 1, the middle one reached
// by two pairs in (parent, value) order; the bounds of the issues left.
TEST(OurFoldTest, HoldsEachLayersSumsInOrderWithThePairsReachingThem) {
  Case c;
  c.issues = {OptionsIssue("a", {"x", "y"}), OptionsIssue("b", {"x", "y"})};
  AdditiveModel ours;
  ours.issues = {Table({0, 0.5}), Table({0, 0.5})};
  const std::shared_ptr<const OurFold> fold = OurFold::Build(c.issues, ours);
  ASSERT_NE(fold, nullptr);
  ASSERT_EQ(fold->layers.size(), 2u);
  const OurFold::Layer& last = fold->layers[1];
  EXPECT_EQ(last.s, (std::vector<double>{0, 0.5, 1}));
  EXPECT_EQ(last.first, (std::vector<std::uint32_t>{0, 1, 3, 4}));
  EXPECT_EQ(last.parent, (std::vector<std::uint32_t>{0, 0, 1, 1}));
  EXPECT_EQ(last.value, (std::vector<std::uint32_t>{0, 1, 0, 1}));
  EXPECT_EQ(fold->rest_max, (std::vector<double>{1, 0.5, 0}));
  EXPECT_EQ(fold->rest_min, (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(fold->smax, 1);
  // The estimate prefers "y" on a and "x" on b: among the sums of 1/2, (y, x).
  AdditiveModel theirs;
  theirs.issues = {Table({0, 0.7}), Table({0.2, 0})};
  BidSearcher searcher(c.issues, ours, {}, fold);
  EXPECT_EQ(searcher.Best(theirs, 0.5, 0.5), (Outcome{1, 0}));
  EXPECT_EQ(searcher.Best(theirs, 0.6, 0.9), std::nullopt);
}

// Sums within the fold's merging distance (10^-15) are one sum; a chain of them wider than
// that would merge by the estimate's order: no fold then, nor where the options forbid the
// exact fold.
TEST(OurFoldTest, IsNotBuiltWhereTheFoldWouldNotTellSumsApart) {
  Case c;
  c.issues = {OptionsIssue("a", {"x", "y", "z"})};
  AdditiveModel ours;
  ours.issues = {Table({0, 1e-19, 1})};
  const std::shared_ptr<const OurFold> merged = OurFold::Build(c.issues, ours);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->layers[0].s, (std::vector<double>{0, 1}));
  EXPECT_EQ(merged->layers[0].first, (std::vector<std::uint32_t>{0, 2, 3}));
  ours.issues = {Table({0, 6e-16, 1.2e-15})};
  EXPECT_EQ(OurFold::Build(c.issues, ours), nullptr);
  ours.issues[0].table[1] = 0.5;
  EXPECT_NE(OurFold::Build(c.issues, ours), nullptr);
  BidSearchOptions exact_off;
  exact_off.exact_states = 0;
  EXPECT_EQ(OurFold::Build(c.issues, ours, exact_off), nullptr);
  BidSearchOptions few;
  few.exact_states = 2;  // three sums
  EXPECT_EQ(OurFold::Build(c.issues, ours, few), nullptr);
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
