// Tests of the Pareto frontier: the additive method and the enumeration path against a brute
// force written from the contract, on random small domains; limits; the ANL 2023 corpus fronts.
#include "parley/analysis/frontier.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parley/analysis/bargaining.h"
#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/io/genius.h"
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

// ---------------------------------------------------------------------------------------------
// Brute force, from the contract: every outcome's utilities; distinct vectors (within epsilon)
// with their counts and lowest outcome index; those no other vector dominates.

bool BruteTie(const std::vector<double>& a, const std::vector<double>& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::fabs(a[i] - b[i]) > kUtilityEpsilon) return false;
  }
  return true;
}

struct BrutePoint {
  std::vector<double> utility;
  Outcome outcome;
  std::uint64_t ties = 0;
};

std::vector<BrutePoint> BruteFrontier(const Case& c) {
  std::vector<PartyValuation> vals;
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) != nullptr) vals.emplace_back(c, p.id);
  }
  OutcomeSpace space(c.issues);
  std::vector<BrutePoint> distinct;
  Outcome o = space.First();
  do {
    std::vector<double> u;
    for (const PartyValuation& v : vals) u.push_back(v.Utility(o));
    bool found = false;
    for (BrutePoint& d : distinct) {
      if (BruteTie(d.utility, u)) {
        ++d.ties;
        found = true;
        break;
      }
    }
    if (!found) distinct.push_back({u, o, 1});
  } while (space.Next(o));
  std::vector<BrutePoint> front;
  for (const BrutePoint& d : distinct) {
    bool dominated = false;
    for (const BrutePoint& e : distinct)
      dominated = dominated || BruteDominates(e.utility, d.utility);
    if (!dominated) front.push_back(d);
  }
  std::sort(front.begin(), front.end(),
            [](const BrutePoint& a, const BrutePoint& b) { return a.utility > b.utility; });
  return front;
}

// Compares utilities (within 1e-9), and when `exact_ties`, the ties and representative outcomes.
void ExpectSameFrontier(const Frontier& f, const std::vector<BrutePoint>& brute, bool exact_ties) {
  RC_ASSERT(f.points.size() == brute.size());
  for (std::size_t i = 0; i < brute.size(); ++i) {
    const FrontierPoint& p = f.points[i];
    RC_ASSERT(p.utility.size() == brute[i].utility.size());
    for (std::size_t k = 0; k < p.utility.size(); ++k) {
      RC_ASSERT(std::fabs(p.utility[k] - brute[i].utility[k]) <= 1e-9);
    }
    if (exact_ties) {
      RC_ASSERT(p.ties == BigUint(brute[i].ties));
      RC_ASSERT(p.outcome == brute[i].outcome);
    }
    bool acceptable = true;
    for (std::size_t k = 0; k < p.utility.size(); ++k) {
      acceptable = acceptable && p.utility[k] >= f.disagreement[k] - kUtilityEpsilon;
    }
    RC_ASSERT(p.acceptable == acceptable);
  }
}

// ---------------------------------------------------------------------------------------------
// Random small domains. Money values are small integers, utility weights multiples of 1/8 and
// scores multiples of 1/4, so equal sums are exactly equal and distinct sums far apart.

struct DomainSpec {
  int parties = 2;
  bool allow_money = true;
  bool allow_utility = true;
  int max_issues = 4;
};

Case RandomCase(const DomainSpec& spec) {
  testing::RandomDomainSpec s;
  s.parties = spec.parties;
  s.allow_money = spec.allow_money;
  s.allow_utility = spec.allow_utility;
  s.max_issues = spec.max_issues;
  s.value_kinds = true;
  s.sparse_tables = true;
  s.silent_party = true;
  s.constant_party = true;
  return testing::RandomDomain(s);
}

void CheckManyDomains(const DomainSpec& spec, int domains) {
  for (int d = 0; d < domains; ++d) {
    const Case c = RandomCase(spec);
    const std::vector<BrutePoint> brute = BruteFrontier(c);
    const Frontier fast = ComputeFrontier(c);
    ExpectSameFrontier(fast, brute, true);
    RC_ASSERT(fast.outcome_count == OutcomeSpace(c.issues).Size());
    const Frontier slow = EnumerateFrontier(c);
    RC_ASSERT(slow.method == FrontierMethod::kEnumeration);
    ExpectSameFrontier(slow, brute, true);
  }
}

RC_GTEST_PROP(FrontierTest, TwoPartyMoneyMatchesBruteForce, ()) {
  CheckManyDomains({2, true, false, 4}, 10);
}

RC_GTEST_PROP(FrontierTest, TwoPartyUtilityMatchesBruteForce, ()) {
  CheckManyDomains({2, false, true, 4}, 10);
}

RC_GTEST_PROP(FrontierTest, TwoPartyMixedFormsMatchBruteForce, ()) {
  CheckManyDomains({2, true, true, 4}, 10);
}

RC_GTEST_PROP(FrontierTest, ThreePartiesMatchBruteForce, ()) {
  CheckManyDomains({3, true, true, 3}, 10);
}

RC_GTEST_PROP(FrontierTest, FourAndFivePartiesMatchBruteForce, ()) {
  CheckManyDomains({*rc::gen::inRange(4, 6), true, true, 3}, 5);
}

RC_GTEST_PROP(FrontierTest, SingleIssueDomainsMatchBruteForce, ()) {
  CheckManyDomains({*rc::gen::inRange(2, 4), true, true, 1}, 10);
}

// The four bargaining rules on the frontier of 3 and 4 parties against their definitions over
// every outcome: the optimum over all acceptable outcomes equals the solution's score, and the
// listed points are exactly the distinct brute-force frontier vectors that attain it.
double BruteKey(SolutionRule rule, const std::vector<double>& u, const std::vector<double>& d,
                const std::vector<double>& range) {
  double key = rule == SolutionRule::kNash || rule == SolutionRule::kKalaiSmorodinsky ? 1 : 0;
  if (rule == SolutionRule::kEgalitarian) key = INFINITY;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const double gain = u[i] - d[i];
    if (rule == SolutionRule::kNash) key *= gain > kUtilityEpsilon ? gain : 0;
    if (rule == SolutionRule::kKalaiSmorodinsky && range[i] > kUtilityEpsilon) {
      key = std::min(key, gain / range[i]);
    }
    if (rule == SolutionRule::kEgalitarian) key = std::min(key, gain);
    if (rule == SolutionRule::kUtilitarian) key += u[i];
  }
  return key;
}

RC_GTEST_PROP(FrontierTest, BargainingOnManyPartyFrontiersMatchesBruteForce, ()) {
  const Case c = RandomCase({*rc::gen::inRange(3, 5), true, true, 3});
  const Frontier f = ComputeFrontier(c);
  const std::vector<BrutePoint> brute = BruteFrontier(c);
  std::vector<double> range(f.parties.size(), -INFINITY);
  std::vector<const BrutePoint*> acceptable;
  for (const BrutePoint& b : brute) {
    bool ok = true;
    for (std::size_t i = 0; i < b.utility.size(); ++i) {
      ok = ok && b.utility[i] >= f.disagreement[i] - kUtilityEpsilon;
    }
    if (!ok) continue;
    acceptable.push_back(&b);
    for (std::size_t i = 0; i < range.size(); ++i) {
      range[i] = std::max(range[i], b.utility[i] - f.disagreement[i]);
    }
  }
  for (SolutionRule rule : {SolutionRule::kNash, SolutionRule::kKalaiSmorodinsky,
                            SolutionRule::kEgalitarian, SolutionRule::kUtilitarian}) {
    const Solution s = Solve(f, rule);
    RC_ASSERT(s.points.empty() == acceptable.empty());
    if (acceptable.empty()) continue;
    double best = -INFINITY;
    for (const BrutePoint* b : acceptable) {
      best = std::max(best, BruteKey(rule, b->utility, f.disagreement, range));
    }
    RC_ASSERT(std::fabs(s.score - best) <= 1e-9);
    std::size_t attaining = 0;
    for (const BrutePoint* b : acceptable) {
      attaining += BruteKey(rule, b->utility, f.disagreement, range) >= best - 1e-9 ? 1 : 0;
    }
    // Nash ranks points with a zero gain below any positive product, and lists them all only
    // when no product is positive; the key above gives them all 0.
    if (rule != SolutionRule::kNash || best > kUtilityEpsilon) {
      RC_ASSERT(s.points.size() == attaining);
    }
  }
}

// Number issues on one line (equal linear steps for every party, such as two money issues in
// whole units) are folded as one slot: against brute force, with options issues whose values are
// multiples of the line's step (so that other issues can make up for a step along the line
// exactly), a third party sometimes, and lines of two and three issues in any position.
// Representatives are the lowest outcome index among ties when no other issue can make up for a
// step along the line (internal/linear_slots.h); otherwise they are outcomes of the point.
RC_GTEST_PROP(FrontierTest, IssuesOnOneLineMatchBruteForce, ()) {
  int extras = 0;
  const Case c = testing::RandomLineDomain(2, &extras);
  const Frontier fast = ComputeFrontier(c);
  RC_ASSERT(fast.method == FrontierMethod::kAdditive);
  const std::vector<BrutePoint> brute = BruteFrontier(c);
  ExpectSameFrontier(fast, brute, extras == 0);
  // With other issues the ties are exact and the representative reaches the point; it is the
  // lowest index unless another issue makes up for steps along the line exactly.
  std::vector<PartyValuation> vals;
  for (const Party& p : c.parties) vals.emplace_back(c, p.id);
  for (std::size_t i = 0; i < brute.size(); ++i) {
    RC_ASSERT(fast.points[i].ties == BigUint(brute[i].ties));
    for (std::size_t p = 0; p < vals.size(); ++p) {
      RC_ASSERT(std::fabs(vals[p].Utility(fast.points[i].outcome) - brute[i].utility[p]) <= 1e-9);
    }
  }
}

// With enumeration forbidden, a clamp that bites is handled by clamping and re-pruning: the set
// of frontier vectors is still exact (ties then count only representative outcomes).
RC_GTEST_PROP(FrontierTest, ClampWithoutEnumerationKeepsTheVectors, ()) {
  for (int d = 0; d < 10; ++d) {
    const Case c = RandomCase({*rc::gen::inRange(2, 4), false, true, 4});
    FrontierOptions options;
    options.max_enumeration = 0;
    const Frontier fast = ComputeFrontier(c, options);
    RC_ASSERT(fast.method == FrontierMethod::kAdditive);
    ExpectSameFrontier(fast, BruteFrontier(c), false);
  }
}

// ---------------------------------------------------------------------------------------------

Case TwoMoneyParties(std::vector<Issue> issues, std::vector<IssueTerm> a,
                     std::vector<IssueTerm> b) {
  Case c;
  c.title = "t";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = std::move(issues);
  Preferences pa, pb;
  pa.party = "a";
  pa.terms = std::move(a);
  pb.party = "b";
  pb.terms = std::move(b);
  c.values = {pa, pb};
  return c;
}

TEST(FrontierTest, DominatesFollowsTheEpsilon) {
  EXPECT_TRUE(Dominates({1, 1}, {1, 0.5}));
  EXPECT_FALSE(Dominates({1, 1}, {1, 1}));
  EXPECT_FALSE(Dominates({1, 1}, {1, 1 - 1e-12}));
  EXPECT_FALSE(Dominates({1, 0}, {0, 1}));
  EXPECT_TRUE(Dominates({0.5, 0.5, 0.5}, {0.5, 0.5, 0.4}));
}

TEST(FrontierTest, OpposedMoneyIssueGivesTheWholeLine) {
  const Case c = TwoMoneyParties({NumberIssue("price", 0, 10, 1)}, {Term("price", LinearValue{1})},
                                 {Term("price", LinearValue{-1})});
  const Frontier f = ComputeFrontier(c);
  ASSERT_EQ(f.points.size(), 11u);
  EXPECT_EQ(f.parties, (std::vector<std::string>{"a", "b"}));
  EXPECT_DOUBLE_EQ(f.points.front().utility[0], 1.0);
  EXPECT_EQ(f.points.front().outcome, (Outcome{10}));
  EXPECT_EQ(f.method, FrontierMethod::kAdditive);
}

TEST(FrontierTest, HugeAlignedGridIsSolvedAnalytically) {
  // 2^20 + 1 grid points (beyond the point-by-point limit), both parties want more: the top
  // end wins on this issue.
  const std::uint64_t top = std::uint64_t{1} << 20;
  const Case c =
      TwoMoneyParties({NumberIssue("x", 0, 1, std::ldexp(1.0, -20)), OptionsIssue("o", {"a", "b"})},
                      {Term("x", LinearValue{2}), Term("o", TableValue{{{"a", 1}}})},
                      {Term("x", LinearValue{1}), Term("o", TableValue{{{"b", 1}}})});
  const Frontier f = ComputeFrontier(c);
  ASSERT_EQ(f.points.size(), 2u);
  EXPECT_EQ(f.points[0].outcome, (Outcome{top, 0}));
  EXPECT_EQ(f.points[1].outcome, (Outcome{top, 1}));
  EXPECT_EQ(f.points[0].ties.ToString(), "1");
  EXPECT_EQ(f.outcome_count.ToString(), std::to_string((top + 1) * 2));
}

TEST(FrontierTest, HugeGridWithAnIndifferentPartyCountsAllTies) {
  const double hi = 1e12;
  const Case c = TwoMoneyParties({NumberIssue("x", 0, hi, 1), OptionsIssue("o", {"a", "b"})},
                                 {Term("x", LinearValue{0}), Term("o", TableValue{{{"a", 1}}})},
                                 {Term("o", TableValue{{{"b", 1}}})});
  const Frontier f = ComputeFrontier(c);
  ASSERT_EQ(f.points.size(), 2u);
  EXPECT_EQ(f.points[0].ties.ToString(), "1000000000001");
  EXPECT_EQ(f.points[0].outcome, (Outcome{0, 0}));
}

TEST(FrontierTest, HugeGridWithMonotonePointsEvaluators) {
  // Both parties' piecewise-linear values fall with x, one flat from 0.5 on: x = 0 is best.
  const Case c = TwoMoneyParties(
      {NumberIssue("x", 0, 1, std::ldexp(1.0, -21)), OptionsIssue("o", {"a", "b"})},
      {Term("x", PointsValue{{{0, 3}, {0.5, 1}}}), Term("o", TableValue{{{"a", 1}}})},
      {Term("x", PointsValue{{{0, 2}, {1, 0}}}), Term("o", TableValue{{{"b", 1}}})});
  const Frontier f = ComputeFrontier(c);
  ASSERT_EQ(f.points.size(), 2u);
  EXPECT_EQ(f.points[0].outcome, (Outcome{0, 0}));
  EXPECT_EQ(f.points[1].outcome, (Outcome{0, 1}));
  EXPECT_EQ(f.points[0].ties.ToString(), "1");
}

TEST(FrontierTest, HugeOpposedGridIsALimit) {
  const Case c = TwoMoneyParties({NumberIssue("x", 0, 1e12, 1)}, {Term("x", LinearValue{1})},
                                 {Term("x", LinearValue{-1})});
  try {
    ComputeFrontier(c);
    FAIL() << "expected a limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
    EXPECT_NE(std::string(e.what()).find("'x'"), std::string::npos) << e.what();
  }
}

TEST(FrontierTest, EnumerationLimitAndPointLimit) {
  const Case c = TwoMoneyParties({NumberIssue("price", 0, 1000, 1)},
                                 {Term("price", LinearValue{1})}, {Term("price", LinearValue{-1})});
  FrontierOptions small;
  small.max_enumeration = 100;
  EXPECT_THROW(EnumerateFrontier(c, small), Error);
  FrontierOptions few;
  few.max_points = 10;
  try {
    ComputeFrontier(c, few);
    FAIL() << "expected a limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
  }
}

// x + y = 200 for party a, x for b, y for c: every split of two grids of 201 is on the frontier
// (20,301 points with a's value from 0 down to -400).
Case SplitsOfTwoGrids() {
  Case c = TwoMoneyParties({NumberIssue("x", 0, 200, 1), NumberIssue("y", 0, 200, 1)},
                           {Term("x", LinearValue{-1}), Term("y", LinearValue{-1})},
                           {Term("x", LinearValue{1})});
  c.parties.push_back(MakeParty("c", Side::kThem));
  Preferences pc;
  pc.party = "c";
  pc.terms = {Term("y", LinearValue{1})};
  c.values.push_back(pc);
  return c;
}

TEST(FrontierTest, ThreePartyFrontiersAreNotCapped) {
  const Case c = SplitsOfTwoGrids();
  const Frontier fast = ComputeFrontier(c);
  const Frontier slow = EnumerateFrontier(c);
  ASSERT_EQ(fast.points.size(), 201u * 201u);
  ASSERT_EQ(slow.points.size(), fast.points.size());
  for (std::size_t i = 0; i < fast.points.size(); ++i) {
    EXPECT_EQ(fast.points[i].outcome, slow.points[i].outcome);
    EXPECT_EQ(fast.points[i].ties, BigUint(1));
    EXPECT_EQ(slow.points[i].ties, BigUint(1));
  }
  // First by a's utility descending: x = y = 0 (a pays nothing), then x = 0, y = 1 and x = 1,
  // y = 0 (a pays 1), by b's utility descending among equals: x = 1 first.
  EXPECT_EQ(fast.points[0].outcome, (Outcome{0, 0}));
  EXPECT_EQ(fast.points[1].outcome, (Outcome{1, 0}));
  EXPECT_EQ(fast.points[2].outcome, (Outcome{0, 1}));
}

TEST(FrontierTest, ManyPartyLimitsAreCheckedBeforeTheWork) {
  const Case c = SplitsOfTwoGrids();
  FrontierOptions few;
  few.max_points = 20'000;
  for (bool additive : {true, false}) {
    try {
      additive ? ComputeFrontier(c, few) : EnumerateFrontier(c, few);
      FAIL() << "expected a limit";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kLimit);
      EXPECT_NE(std::string(e.what()).find("20000"), std::string::npos) << e.what();
    }
  }
  // 201 partial points by 201 values of y: refused before the sums are made.
  FrontierOptions narrow;
  narrow.max_candidates = 201 * 200;
  try {
    ComputeFrontier(c, narrow);
    FAIL() << "expected a limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
    EXPECT_EQ(std::string(e.what()),
              "combining issue 'y' would weigh 201 x 201 partial Pareto points of 3 parties, "
              "more than the limit of 40200: the frontier is too large to compute");
  }
}

TEST(FrontierTest, NeedsTwoValuedParties) {
  Case c =
      TwoMoneyParties({OptionsIssue("o", {"a", "b"})}, {Term("o", TableValue{{{"a", 1}}})}, {});
  c.values.pop_back();
  try {
    ComputeFrontier(c);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
  }
}

TEST(FrontierTest, RectanglesUseEnumeration) {
  Case c;
  c.title = "r";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("x", 0, 4, 1), NumberIssue("y", 0, 4, 1)};
  Preferences pa;
  pa.party = "a";
  pa.form = ValueForm::kRectangles;
  RectangleUtility r;
  r.max_utility = 3;
  r.boxes = {{2, {{"x", 0, 2}, {"y", 0, 2}}, {}}, {1, {{"x", 2, 4}}, {{"y", 3, 4}}}};
  pa.rectangles = r;
  Preferences pb;
  pb.party = "b";
  pb.terms = {Term("x", LinearValue{1}), Term("y", LinearValue{1})};
  c.values = {pa, pb};
  ASSERT_TRUE(CheckCase(c).empty()) << CheckCase(c).front().message;
  const Frontier f = ComputeFrontier(c);
  EXPECT_EQ(f.method, FrontierMethod::kEnumeration);
  const std::vector<BrutePoint> brute = BruteFrontier(c);
  ASSERT_EQ(f.points.size(), brute.size());
  for (std::size_t i = 0; i < brute.size(); ++i) {
    EXPECT_EQ(f.points[i].outcome, brute[i].outcome);
    EXPECT_EQ(f.points[i].ties, BigUint(brute[i].ties));
  }
}

// A 10^30-outcome additive domain: 30 issues x 10 values, seeded; computed without enumerating.
TEST(FrontierTest, TenToTheThirtyOutcomes) {
  std::mt19937_64 rng(20261122);
  std::uniform_int_distribution<int> value(0, 100);
  std::vector<Issue> issues;
  std::vector<IssueTerm> a, b;
  std::vector<std::string> options;
  for (int k = 0; k < 10; ++k) options.push_back("v" + std::to_string(k));
  for (int i = 0; i < 30; ++i) {
    const std::string id = "i" + std::to_string(i);
    issues.push_back(OptionsIssue(id, options));
    TableValue ta, tb;
    for (const std::string& o : options) {
      ta.entries.push_back({o, static_cast<double>(value(rng))});
      tb.entries.push_back({o, static_cast<double>(value(rng))});
    }
    a.push_back(Term(id, ta));
    b.push_back(Term(id, tb));
  }
  const Case c = TwoMoneyParties(issues, a, b);
  const Frontier f = ComputeFrontier(c);
  EXPECT_EQ(f.outcome_count.ToString(), "1" + std::string(30, '0'));
  EXPECT_EQ(f.method, FrontierMethod::kAdditive);
  ASSERT_GT(f.points.size(), 100u);
  EXPECT_NEAR(f.points.front().utility[0], 1.0, 1e-9);
  for (std::size_t i = 1; i < f.points.size(); ++i) {
    EXPECT_GT(f.points[i - 1].utility[0], f.points[i].utility[0] + kUtilityEpsilon);
    EXPECT_LT(f.points[i - 1].utility[1], f.points[i].utility[1] - kUtilityEpsilon);
  }
}

// ---------------------------------------------------------------------------------------------
// The ANL 2023 domains: the organisers' Pareto front (weakly dominated points dropped, one bid
// per distinct utility pair), Nash point (max uA x uB over the front) and social welfare point
// (max uA + uB).

namespace fs = std::filesystem;

fs::path Anl2023Dir() { return fs::path(PARLEY_SHARED_DIR) / "data" / "genius" / "anl2023"; }

TEST(FrontierTest, Anl2023FrontsMatchTheOrganisers) {
  if (!fs::exists(Anl2023Dir())) GTEST_SKIP() << "no corpus at " << Anl2023Dir();
  int checked = 0;
  for (int d = 0; d < 50; ++d) {
    const std::string name = std::string("domain") + (d < 10 ? "0" : "") + std::to_string(d);
    const fs::path folder = Anl2023Dir() / name;
    if (!fs::exists(folder / "specials.json")) continue;
    SCOPED_TRACE(name);
    const io::LoadResult loaded = io::ImportScenarioFolder(folder.string());
    ASSERT_TRUE(loaded.Ok());
    const Frontier f = ComputeFrontier(*loaded.value);
    std::ifstream in(folder / "specials.json");
    const nlohmann::json specials = nlohmann::json::parse(in);

    std::vector<std::vector<double>> theirs;
    for (const nlohmann::json& p : specials.at("pareto_front")) {
      theirs.push_back(p.at("utility").get<std::vector<double>>());
    }
    std::sort(theirs.begin(), theirs.end(), std::greater<>());
    theirs.erase(std::unique(theirs.begin(), theirs.end(),
                             [](const auto& x, const auto& y) {
                               return std::fabs(x[0] - y[0]) <= 1e-9 &&
                                      std::fabs(x[1] - y[1]) <= 1e-9;
                             }),
                 theirs.end());
    ASSERT_EQ(f.points.size(), theirs.size());
    for (std::size_t i = 0; i < theirs.size(); ++i) {
      EXPECT_NEAR(f.points[i].utility[0], theirs[i][0], 1e-9) << i;
      EXPECT_NEAR(f.points[i].utility[1], theirs[i][1], 1e-9) << i;
    }
    double best_product = -1, best_sum = -1;
    for (const FrontierPoint& p : f.points) {
      best_product = std::max(best_product, p.utility[0] * p.utility[1]);
      best_sum = std::max(best_sum, p.utility[0] + p.utility[1]);
    }
    const auto nash = specials.at("nash").at("utility").get<std::vector<double>>();
    const auto welfare = specials.at("social_welfare").at("utility").get<std::vector<double>>();
    EXPECT_NEAR(best_product, nash[0] * nash[1], 1e-9);
    EXPECT_NEAR(best_sum, welfare[0] + welfare[1], 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 50);
}

}  // namespace
}  // namespace parley::analysis
