// Tests of AnalyseDealSpace: the one deal-space result equals its parts computed one by one, and
// the weights are checked with exact messages.
#include "parley/analysis/deal_space.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/analysis/offer.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"
#include "testing/examples.h"
#include "testing/random_cases.h"

namespace parley::analysis {
namespace {

std::string UsageMessage(const Case& c, const DealSpaceOptions& o) {
  try {
    AnalyseDealSpace(c, o);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    return e.what();
  }
  return "";
}

// Random floors: each party, on each issue with chance 1/3, a min or max at a grid value (number
// issues) or one excluded option (options issues).
void AddRandomFloors(Case& c) {
  for (const Preferences& p : c.values) {
    for (const Issue& issue : c.issues) {
      if (*rc::gen::inRange(0, 3) != 0) continue;
      Floor f;
      f.party = p.party;
      f.issue = issue.id;
      const auto k =
          static_cast<std::uint64_t>(*rc::gen::inRange<std::uint64_t>(0, issue.ValueCount()));
      if (issue.kind == IssueKind::kNumber) {
        if (*rc::gen::arbitrary<bool>()) {
          f.min = issue.NumberAt(k);
        } else {
          f.max = issue.NumberAt(k);
        }
      } else {
        if (issue.options.size() < 2) continue;
        f.exclude = {issue.options[k]};
      }
      c.floors.push_back(f);
    }
  }
}

// The same package has the same utility in evaluate's score and on the frontier; no proposed
// improvement breaks a floor; the ZOPA count equals a brute force that applies the floors.
RC_GTEST_PROP(DealSpaceTest, OneDealSpaceInsideTheFloors, ()) {
  Case c = testing::RandomDomain();
  AddRandomFloors(c);
  const FlooredCase floored = ApplyFloors(c);
  const DealSpace d = AnalyseDealSpace(c);
  if (!floored.feasible) {
    RC_ASSERT(!d.zopa.exists);
    RC_ASSERT(d.zopa.acceptable_count.IsZero());
    return;
  }
  const std::size_t n = d.frontier.parties.size();
  std::vector<PartyValuation> whole, inside;
  for (const std::string& party : d.frontier.parties) {
    whole.emplace_back(c, party);
    inside.emplace_back(floored.c, party);
  }
  std::uint64_t brute = 0;
  const OutcomeSpace space(c.issues);
  Outcome o = space.First();
  do {
    bool ok = true;
    std::vector<double> u(n);
    for (std::size_t i = 0; i < n; ++i) {
      u[i] = whole[i].form() == ValueForm::kMoney ? inside[i].ValueToUtility(whole[i].Value(o))
                                                  : whole[i].Utility(o);
      ok = ok && FloorsBroken(c, d.frontier.parties[i], o).empty() &&
           u[i] >= inside[i].DisagreementUtility() - kUtilityEpsilon;
    }
    brute += ok ? 1 : 0;
    const OfferScore score = ScoreOffer(c, d.frontier, o);
    for (std::size_t i = 0; i < n; ++i) {
      RC_ASSERT(std::fabs(score.parties[i].utility - u[i]) < 1e-9);
      RC_ASSERT(score.parties[i].accepts ==
                (FloorsBroken(c, d.frontier.parties[i], o).empty() &&
                 u[i] >= inside[i].DisagreementUtility() - kUtilityEpsilon));
    }
    for (const OfferImprovement& imp : score.best) {
      for (const std::string& party : d.frontier.parties) {
        RC_ASSERT(FloorsBroken(c, party, d.frontier.points[imp.point].outcome).empty());
      }
    }
  } while (space.Next(o));
  RC_ASSERT(d.zopa.acceptable_count == BigUint(brute));
  for (const FrontierPoint& p : d.frontier.points) {
    const OfferScore score = ScoreOffer(c, d.frontier, p.outcome);
    for (std::size_t i = 0; i < n; ++i) {
      RC_ASSERT(std::fabs(score.parties[i].utility - p.utility[i]) < 1e-9);
    }
  }
}

TEST(DealSpaceTest, EqualsItsPartsOnEveryExample) {
  for (const char* name : {"sales-renewal", "hiring-offer", "procurement-components"}) {
    SCOPED_TRACE(name);
    const Case c = testing::LoadExample(name);
    const DealSpace d = AnalyseDealSpace(c);
    // The one deal space: the outcomes inside every floor, indexed back in the case.
    const FlooredCase floored = ApplyFloors(c);
    ASSERT_TRUE(floored.feasible);
    ASSERT_EQ(d.floor_notes, floored.notes);
    const Frontier f = ComputeFrontier(floored.c);
    ASSERT_EQ(d.frontier.points.size(), f.points.size());
    ASSERT_EQ(d.solutions.size(), 4u);
    const SolutionRule rules[] = {SolutionRule::kNash, SolutionRule::kKalaiSmorodinsky,
                                  SolutionRule::kEgalitarian, SolutionRule::kUtilitarian};
    for (std::size_t k = 0; k < 4; ++k) {
      EXPECT_EQ(d.solutions[k].rule, rules[k]);
      EXPECT_EQ(d.solutions[k].solution.points, Solve(f, rules[k]).points);
    }
    for (std::size_t k = 0; k < f.points.size(); ++k) {
      EXPECT_EQ(d.frontier.points[k].outcome, ToOriginalOutcome(c, floored.c, f.points[k].outcome));
      EXPECT_EQ(d.frontier.points[k].utility, f.points[k].utility);
    }
    const Zopa z = ComputeZopa(floored.c);
    EXPECT_EQ(d.zopa.exists, z.exists);
    EXPECT_EQ(d.zopa.acceptable_count.ToString(), z.acceptable_count.ToString());
    for (std::size_t i = 0; i < f.parties.size(); ++i) {
      const PartyValuation v(c, f.parties[i]);
      ASSERT_EQ(d.money[i], v.form() == ValueForm::kMoney);
      if (!d.money[i]) continue;
      for (std::size_t k = 0; k < f.points.size(); ++k) {
        EXPECT_EQ(d.point_values[i][k], v.Value(d.frontier.points[k].outcome));
      }
    }
  }
}

TEST(DealSpaceTest, WeightsAddTheWeightedNashSolution) {
  const Case c = testing::LoadExample("sales-renewal");
  DealSpaceOptions o;
  o.weights = {{"cloudco", 1.0}, {"acme", 3.0}};
  const DealSpace d = AnalyseDealSpace(c, o);
  ASSERT_EQ(d.solutions.size(), 5u);
  EXPECT_EQ(d.solutions.back().rule, SolutionRule::kWeightedNash);
  std::vector<double> ordered;
  for (const std::string& party : d.frontier.parties)
    ordered.push_back(party == "acme" ? 3.0 : 1.0);
  EXPECT_EQ(d.solutions.back().solution.points,
            Solve(d.frontier, SolutionRule::kWeightedNash, ordered).points);
}

TEST(DealSpaceTest, BadWeightsAreUsageErrors) {
  const Case c = testing::LoadExample("sales-renewal");
  DealSpaceOptions o;
  o.weights = {{"acme", 1.0}};
  EXPECT_EQ(UsageMessage(c, o), "--weights gives no weight for party 'cloudco'");
  o.weights = {{"acme", 1.0}, {"cloudco", 1.0}, {"helix", 2.0}};
  EXPECT_EQ(UsageMessage(c, o), "--weights names 'helix', which is not a party stating values");
  o.weights = {{"acme", 1.0}, {"acme", 2.0}};
  EXPECT_EQ(UsageMessage(c, o), "--weights names party 'acme' twice");
}

}  // namespace
}  // namespace parley::analysis
