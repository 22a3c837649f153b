// Tests of offer scoring against a brute force over every outcome, written from the contract: an
// offer is efficient iff no outcome dominates it, and the best improvement's smallest gain is the
// largest smallest gain over all outcomes that dominate it.
#include "parley/analysis/offer.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "testing/brute_force.h"
#include "testing/case_builders.h"
#include "testing/random_cases.h"

namespace parley::analysis {
namespace {

using ::parley::testing::BruteDominates;

using ::parley::testing::MakeParty;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Term;

// Random small additive domains with two or three parties. Money values are small integers,
// utility weights multiples of 1/8 and scores multiples of 1/4, so equal sums are exactly equal
// and distinct sums far apart (no epsilon ambiguity between the brute force and the library).
Case RandomCase(int parties) {
  testing::RandomDomainSpec s;
  s.parties = parties;
  s.batna_percent = 50;
  return testing::RandomDomain(s);
}

double MinGain(const std::vector<double>& to, const std::vector<double>& from) {
  double g = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < to.size(); ++i) g = std::min(g, to[i] - from[i]);
  return g;
}

void CheckOneDomain(int parties) {
  const Case c = RandomCase(parties);
  const Frontier frontier = ComputeFrontier(c);
  std::vector<PartyValuation> vals;
  for (const std::string& party : frontier.parties) vals.emplace_back(c, party);
  auto utilities = [&](const Outcome& o) {
    std::vector<double> u;
    for (const PartyValuation& v : vals) u.push_back(v.Utility(o));
    return u;
  };
  const OutcomeSpace space(c.issues);
  std::vector<Outcome> outcomes;
  Outcome o = space.First();
  do {
    outcomes.push_back(o);
  } while (space.Next(o));

  // Several offers per domain: random outcomes and frontier points.
  for (int trial = 0; trial < 5; ++trial) {
    const Outcome offer =
        trial == 0
            ? frontier.points[*rc::gen::inRange<std::size_t>(0, frontier.points.size())].outcome
            : outcomes[*rc::gen::inRange<std::size_t>(0, outcomes.size())];
    const std::vector<double> u = utilities(offer);
    const OfferScore score = ScoreOffer(c, frontier, offer);

    RC_ASSERT(score.offer == offer);
    RC_ASSERT(score.parties.size() == vals.size());
    for (std::size_t i = 0; i < vals.size(); ++i) {
      RC_ASSERT(score.parties[i].party == frontier.parties[i]);
      RC_ASSERT(std::fabs(score.parties[i].utility - u[i]) <= 1e-12);
      RC_ASSERT(score.parties[i].value == vals[i].Value(offer));
      RC_ASSERT(score.parties[i].accepts ==
                (u[i] >= vals[i].DisagreementUtility() - kUtilityEpsilon));
    }

    bool dominated = false;
    double brute_best = -std::numeric_limits<double>::infinity();
    for (const Outcome& q : outcomes) {
      const std::vector<double> v = utilities(q);
      if (!BruteDominates(v, u)) continue;
      dominated = true;
      brute_best = std::max(brute_best, MinGain(v, u));
    }
    RC_ASSERT(score.efficient == !dominated);
    if (trial == 0) RC_ASSERT(score.efficient);  // a frontier point is never dominated
    if (!dominated) {
      RC_ASSERT(score.dominated_by.empty());
      RC_ASSERT(score.best.empty());
      RC_ASSERT(score.best_min_gain == 0);
      continue;
    }
    RC_ASSERT(std::fabs(score.best_min_gain - brute_best) <= 1e-9);
    // dominated_by lists exactly the dominating frontier points, ascending.
    std::vector<std::size_t> expected;
    for (std::size_t p = 0; p < frontier.points.size(); ++p) {
      if (BruteDominates(frontier.points[p].utility, u)) expected.push_back(p);
    }
    RC_ASSERT(score.dominated_by == expected);
    // best lists exactly the dominating points whose smallest gain ties the maximum.
    std::vector<std::size_t> best;
    for (std::size_t p : expected) {
      if (MinGain(frontier.points[p].utility, u) >= brute_best - kUtilityEpsilon) best.push_back(p);
    }
    RC_ASSERT(score.best.size() == best.size());
    for (std::size_t k = 0; k < best.size(); ++k) {
      const OfferImprovement& imp = score.best[k];
      RC_ASSERT(imp.point == best[k]);
      const FrontierPoint& top = frontier.points[imp.point];
      RC_ASSERT(std::fabs(imp.min_gain - brute_best) <= 1e-9);
      // The gains at each best point: nobody loses, and values agree with the utilities.
      for (std::size_t i = 0; i < vals.size(); ++i) {
        RC_ASSERT(imp.utility_gain[i] >= -kUtilityEpsilon);
        RC_ASSERT(std::fabs(imp.utility_gain[i] - (top.utility[i] - u[i])) <= 1e-12);
        RC_ASSERT(imp.value[i] == vals[i].Value(top.outcome));
        RC_ASSERT(std::fabs(imp.value_gain[i] - (imp.value[i] - vals[i].Value(offer))) <= 1e-9);
        if (vals[i].form() == ValueForm::kMoney && vals[i].MaxValue() > vals[i].MinValue()) {
          // Money gain = utility gain x (max - min): the same gain on the party's own scale.
          RC_ASSERT(std::fabs(imp.value_gain[i] -
                              imp.utility_gain[i] * (vals[i].MaxValue() - vals[i].MinValue())) <=
                    1e-6);
        }
      }
    }
  }
}

RC_GTEST_PROP(OfferTest, TwoPartiesMatchBruteForce, ()) {
  for (int d = 0; d < 10; ++d) CheckOneDomain(2);
}

RC_GTEST_PROP(OfferTest, ThreePartiesMatchBruteForce, ()) {
  for (int d = 0; d < 10; ++d) CheckOneDomain(3);
}

// One money issue the parties oppose on and one both like: the offer that gives up the shared
// gain is dominated by the same price with the shared option; the gain is that option's worth.
TEST(OfferTest, SharedGainIsLeftOnTheTable) {
  Case c;
  c.title = "t";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("price", 0, 4, 1), OptionsIssue("extra", {"no", "yes"})};
  Preferences pa, pb;
  pa.party = "a";
  pa.terms = {Term("price", LinearValue{-1}), Term("extra", TableValue{{{"yes", 2}}})};
  pb.party = "b";
  pb.terms = {Term("price", LinearValue{1}), Term("extra", TableValue{{{"yes", 2}}})};
  c.values = {pa, pb};
  const Frontier frontier = ComputeFrontier(c);
  const OfferScore score = ScoreOffer(c, frontier, {2, 0});
  EXPECT_FALSE(score.efficient);
  ASSERT_EQ(score.best.size(), 1u);
  EXPECT_EQ(frontier.points[score.best[0].point].outcome, (Outcome{2, 1}));
  EXPECT_EQ(score.best[0].value_gain, (std::vector<double>{2, 2}));
  EXPECT_NEAR(score.best_min_gain, 2.0 / 6.0, 1e-12);  // each party's values span 6
  EXPECT_TRUE(ScoreOffer(c, frontier, {2, 1}).efficient);
}

TEST(OfferTest, RejectsOutcomesNotOfTheCase) {
  Case c;
  c.title = "t";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("price", 0, 4, 1)};
  Preferences pa, pb;
  pa.party = "a";
  pa.terms = {Term("price", LinearValue{-1})};
  pb.party = "b";
  pb.terms = {Term("price", LinearValue{1})};
  c.values = {pa, pb};
  const Frontier frontier = ComputeFrontier(c);
  EXPECT_THROW(ScoreOffer(c, frontier, {}), Error);
  EXPECT_THROW(ScoreOffer(c, frontier, {5}), Error);
  EXPECT_NO_THROW(ScoreOffer(c, frontier, {4}));
}

}  // namespace
}  // namespace parley::analysis
