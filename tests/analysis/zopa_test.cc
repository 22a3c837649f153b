// Tests of the ZOPA: existence, exact counts (enumeration and meet-in-the-middle), spans and the
// Monte Carlo estimate against a brute force written from the contract; the hand-worked minimal
// case; a corpus domain with no ZOPA.
#include "parley/analysis/zopa.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case_check.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/io/case_reader.h"
#include "parley/io/genius.h"
#include "testing/case_builders.h"
#include "testing/random_cases.h"

namespace parley::analysis {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Term;

Batna MoneyBatna(double value) {
  Batna b;
  b.value = value;
  return b;
}

struct Brute {
  std::uint64_t count = 0;
  std::vector<std::vector<std::uint64_t>> spans;
};

Brute BruteZopa(const Case& c) {
  std::vector<PartyValuation> vals;
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) != nullptr) vals.emplace_back(c, p.id);
  }
  OutcomeSpace space(c.issues);
  std::vector<std::vector<char>> seen(c.issues.size());
  for (std::size_t i = 0; i < c.issues.size(); ++i) seen[i].assign(space.ValueCount(i), 0);
  Brute b;
  Outcome o = space.First();
  do {
    bool ok = true;
    for (const PartyValuation& v : vals) {
      ok = ok && v.Utility(o) >= v.DisagreementUtility() - kUtilityEpsilon;
    }
    if (!ok) continue;
    ++b.count;
    for (std::size_t i = 0; i < o.size(); ++i) seen[i][o[i]] = 1;
  } while (space.Next(o));
  b.spans.resize(c.issues.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    for (std::uint64_t k = 0; k < seen[i].size(); ++k) {
      if (seen[i][k]) b.spans[i].push_back(k);
    }
  }
  return b;
}

// Random additive domains: small integer money values, utility weights in eighths and scores in
// quarters (so distinct sums are far apart), BATNAs two times in three.
Case RandomCase(int parties, int max_issues, int max_values) {
  testing::RandomDomainSpec s;
  s.parties = parties;
  s.max_issues = max_issues;
  s.max_options = max_values;
  s.max_grid = max_values;
  s.number_lo = 10;
  s.number_step = 5;
  s.batna_percent = 67;
  return testing::RandomDomain(s);
}

void ExpectSpans(const Case& c, const Zopa& z, const Brute& b) {
  RC_ASSERT(z.spans_exact);
  RC_ASSERT(z.spans.size() == c.issues.size());
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    RC_ASSERT(z.spans[i].issue == c.issues[i].id);
    RC_ASSERT(z.spans[i].values == b.spans[i]);
    if (c.issues[i].kind == IssueKind::kNumber && !b.spans[i].empty()) {
      RC_ASSERT(z.spans[i].number_range.has_value());
      RC_ASSERT(z.spans[i].number_range->first == c.issues[i].NumberAt(b.spans[i].front()));
      RC_ASSERT(z.spans[i].number_range->second == c.issues[i].NumberAt(b.spans[i].back()));
    } else {
      RC_ASSERT(!z.spans[i].number_range.has_value());
    }
  }
}

RC_GTEST_PROP(ZopaTest, EnumerationMatchesBruteForce, ()) {
  for (int d = 0; d < 10; ++d) {
    const Case c = RandomCase(*rc::gen::inRange(2, 4), 4, 4);
    const Brute b = BruteZopa(c);
    ZopaOptions enumerate;
    enumerate.max_half = 0;  // two additive parties would otherwise be counted without enumerating
    const Zopa z = ComputeZopa(c, enumerate);
    RC_ASSERT(z.count_method == ZopaCountMethod::kEnumeration);
    RC_ASSERT(z.count_exact);
    RC_ASSERT(z.exists == (b.count > 0));
    RC_ASSERT(z.acceptable_count == BigUint(b.count));
    RC_ASSERT(z.exists == z.explanation.empty());
    ExpectSpans(c, z, b);
  }
}

RC_GTEST_PROP(ZopaTest, MeetInTheMiddleAndAdditiveSpansMatchBruteForce, ()) {
  for (int d = 0; d < 10; ++d) {
    const Case c = RandomCase(2, 5, 5);
    const Brute b = BruteZopa(c);
    ZopaOptions options;
    options.max_exact = 0;
    const Zopa z = ComputeZopa(c, options);
    RC_ASSERT(z.count_method == ZopaCountMethod::kMeetInTheMiddle);
    RC_ASSERT(z.count_exact);
    RC_ASSERT(z.exists == (b.count > 0));
    RC_ASSERT(z.acceptable_count == BigUint(b.count));
    ExpectSpans(c, z, b);
  }
}

// Issues on one line are one slot of the spans' fold; each of them is spanned against the
// others and the rest of its line.
RC_GTEST_PROP(ZopaTest, SpansOfIssuesOnOneLineMatchBruteForce, ()) {
  int extras = 0;
  const Case c = testing::RandomLineDomain(2, &extras);
  const Brute b = BruteZopa(c);
  ZopaOptions options;
  options.max_exact = 0;
  options.samples = 2000;
  const Zopa z = ComputeZopa(c, options);
  RC_ASSERT(z.exists == (b.count > 0));
  if (c.parties.size() == 2) RC_ASSERT(z.acceptable_count == BigUint(b.count));
  ExpectSpans(c, z, b);
}

RC_GTEST_PROP(ZopaTest, ThreePartyAdditiveSpansMatchBruteForce, ()) {
  for (int d = 0; d < 5; ++d) {
    const Case c = RandomCase(3, 4, 4);
    const Brute b = BruteZopa(c);
    ZopaOptions options;
    options.max_exact = 0;  // three parties: Monte Carlo count, additive spans
    options.samples = 2000;
    const Zopa z = ComputeZopa(c, options);
    RC_ASSERT(z.exists == (b.count > 0));
    if (z.exists) {
      RC_ASSERT(z.count_method == ZopaCountMethod::kMonteCarlo);
      RC_ASSERT(!z.count_exact);
    }
    ExpectSpans(c, z, b);
  }
}

TEST(ZopaTest, MonteCarloIsSeededAndClose) {
  Case c;
  c.title = "mc";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  for (int i = 0; i < 4; ++i) {
    c.issues.push_back(OptionsIssue("i" + std::to_string(i), {"x", "y", "z"}));
  }
  Preferences pa, pb;
  pa.party = "a";
  pb.party = "b";
  for (const Issue& issue : c.issues) {
    pa.terms.push_back(Term(issue.id, TableValue{{{"x", 0}, {"y", 1}, {"z", 2}}}));
    pb.terms.push_back(Term(issue.id, TableValue{{{"x", 2}, {"y", 1}, {"z", 1}}}));
  }
  c.values = {pa, pb};
  c.parties[0].batna = MoneyBatna(3);
  c.parties[1].batna = MoneyBatna(4);
  const Zopa exact = ComputeZopa(c);
  ZopaOptions options;
  options.max_exact = 0;
  options.max_half = 0;
  options.seed = 42;
  options.samples = 200'000;
  const Zopa est = ComputeZopa(c, options);
  EXPECT_EQ(est.count_method, ZopaCountMethod::kMonteCarlo);
  EXPECT_FALSE(est.count_exact);
  EXPECT_EQ(est.seed, 42u);
  EXPECT_EQ(est.samples, 200'000u);
  EXPECT_NEAR(est.share, exact.share, 0.01);
  const Zopa again = ComputeZopa(c, options);
  EXPECT_EQ(again.acceptable_count, est.acceptable_count);
  // Additive parties: spans stay exact even when the count is estimated.
  EXPECT_TRUE(est.spans_exact);
  ASSERT_EQ(est.spans.size(), exact.spans.size());
  for (std::size_t i = 0; i < exact.spans.size(); ++i) {
    EXPECT_EQ(est.spans[i].values, exact.spans[i].values);
  }
}

// Two money parties on `issues` number issues of 10 values each, pulling against each other.
Case Opposed(int issues) {
  Case c;
  c.title = "large";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  Preferences pa, pb;
  pa.party = "a";
  pb.party = "b";
  for (int i = 0; i < issues; ++i) {
    const std::string id = "i" + std::to_string(i);
    c.issues.push_back(NumberIssue(id, 0, 9, 1));
    pa.terms.push_back(Term(id, LinearValue{1.0 + i % 3}));
    pb.terms.push_back(Term(id, LinearValue{-1.0 - (i * 7 % 5)}));
  }
  c.values = {pa, pb};
  c.parties[0].batna = MoneyBatna(9.0 * issues);
  c.parties[1].batna = MoneyBatna(-13.0 * issues);
  return c;
}

TEST(ZopaTest, MeetInTheMiddleEqualsEnumeration) {
  const Case c = Opposed(6);  // 10^6 outcomes
  ZopaOptions mitm;
  mitm.max_exact = 0;
  const Zopa fast = ComputeZopa(c, mitm);
  EXPECT_EQ(ComputeZopa(c).count_method, ZopaCountMethod::kMeetInTheMiddle);  // the default
  ZopaOptions enumerate;
  enumerate.max_half = 0;
  const Zopa slow = ComputeZopa(c, enumerate);
  ASSERT_EQ(fast.count_method, ZopaCountMethod::kMeetInTheMiddle);
  ASSERT_EQ(slow.count_method, ZopaCountMethod::kEnumeration);
  EXPECT_EQ(fast.acceptable_count, slow.acceptable_count);
  EXPECT_FALSE(slow.acceptable_count.IsZero());
  for (std::size_t i = 0; i < slow.spans.size(); ++i) {
    EXPECT_EQ(fast.spans[i].values, slow.spans[i].values);
  }
}

TEST(ZopaTest, MeetInTheMiddleCountsALargeSpace) {
  const Case c = Opposed(12);  // 10^12 outcomes: far beyond enumeration
  const Zopa z = ComputeZopa(c);
  EXPECT_EQ(z.count_method, ZopaCountMethod::kMeetInTheMiddle);
  EXPECT_TRUE(z.count_exact);
  EXPECT_TRUE(z.exists);
  ZopaOptions mc;
  mc.max_half = 0;
  mc.samples = 100'000;
  const Zopa estimate = ComputeZopa(c, mc);
  EXPECT_EQ(estimate.count_method, ZopaCountMethod::kMonteCarlo);
  EXPECT_NEAR(estimate.share, z.share, 0.01);
  EXPECT_GT(z.share, 0.01);
  EXPECT_LT(z.share, 0.99);
}

// Worked by hand: the buyer accepts -price + (express ? 80 : 0) >= -1000, i.e. price <= 1000
// (standard) or <= 1080 (express); the seller (BATNA range [100, 300]: midpoint 200) accepts
// price - 800 - (express ? 30 : 0) >= 200, i.e. price >= 1000 (standard) or >= 1030 (express).
// On the 50-step grid that leaves exactly (1000, standard), where both sit at their reservation
// value, and (1050, express).
TEST(ZopaTest, MinimalCaseHasTwoAcceptableDeals) {
  const io::LoadResult loaded =
      io::LoadCase(std::string(PARLEY_TEST_DATA_DIR) + "/good/minimal.yaml");
  ASSERT_TRUE(loaded.value.has_value());
  ZopaOptions mitm;
  mitm.max_exact = 0;
  for (const ZopaOptions& options : {ZopaOptions{}, mitm}) {
    const Zopa z = ComputeZopa(*loaded.value, options);
    EXPECT_TRUE(z.exists);
    EXPECT_TRUE(z.explanation.empty());
    EXPECT_EQ(z.acceptable_count, BigUint(2));
    EXPECT_TRUE(z.count_exact);
    EXPECT_EQ(z.outcome_count, BigUint(18));
    EXPECT_DOUBLE_EQ(z.share, 2.0 / 18);
    ASSERT_EQ(z.spans.size(), 2u);
    EXPECT_TRUE(z.spans_exact);
    EXPECT_EQ(z.spans[0].issue, "price");
    EXPECT_EQ(z.spans[0].values, (std::vector<std::uint64_t>{4, 5}));  // 1000 and 1050
    ASSERT_TRUE(z.spans[0].number_range.has_value());
    EXPECT_DOUBLE_EQ(z.spans[0].number_range->first, 1000);
    EXPECT_DOUBLE_EQ(z.spans[0].number_range->second, 1050);
    EXPECT_EQ(z.spans[1].issue, "delivery");
    EXPECT_EQ(z.spans[1].values, (std::vector<std::uint64_t>{0, 1}));
    EXPECT_FALSE(z.spans[1].number_range.has_value());
  }
  EXPECT_EQ(ComputeZopa(*loaded.value, mitm).count_method, ZopaCountMethod::kMeetInTheMiddle);
}

TEST(ZopaTest, LunchHasNoZopa) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(PARLEY_SHARED_DIR) / "data" / "genius" / "Lunch";
  if (!fs::exists(folder)) GTEST_SKIP() << "no corpus at " << folder;
  const io::LoadResult loaded = io::ImportScenarioFolder(folder.string());
  ASSERT_TRUE(loaded.value.has_value());
  const Zopa z = ComputeZopa(*loaded.value);
  EXPECT_FALSE(z.exists);
  EXPECT_EQ(z.acceptable_count, BigUint());
  EXPECT_FALSE(z.explanation.empty());
  EXPECT_NE(z.explanation.find("disagreement utility"), std::string::npos) << z.explanation;
  for (const IssueSpan& s : z.spans) EXPECT_TRUE(s.values.empty());
  std::cout << "Lunch: " << z.explanation << "\n";
}

}  // namespace
}  // namespace parley::analysis
