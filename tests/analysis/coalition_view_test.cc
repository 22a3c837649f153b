// Tests of the coalition view of a multi-party deal: every subset's ZOPA, blocking test and
// worth against a brute force over every outcome written from the contract (coalition_view.h),
// on random money and utility domains of 3 and 4 parties; a worked three-party case; limits.
#include "parley/analysis/coalition_view.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <vector>

#include "parley/core/error.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "testing/case_builders.h"
#include "testing/random_cases.h"

namespace parley::analysis {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Term;

struct BruteSubset {
  bool zopa = false, blocks = false;
  double worth = 0;
};

// From the contract: issue i is settled by S when every party with a term on it is in S; a
// member counts the others at min(0, worst contribution); x_i(o) is the money value (or the
// clamped utility of the settled terms) plus that.
BruteSubset Brute(const Case& c, const std::vector<std::string>& parties, std::uint32_t members,
                  const Outcome& deal) {
  const OutcomeSpace space(c.issues);
  std::vector<PartyValuation> vals;
  for (const std::string& id : parties) vals.emplace_back(c, id);
  std::vector<bool> settled(c.issues.size(), true);
  for (std::size_t p = 0; p < parties.size(); ++p) {
    if ((members >> p) & 1u) continue;
    for (const IssueTerm& t : c.FindValues(parties[p])->terms) {
      for (std::size_t i = 0; i < c.issues.size(); ++i) {
        if (c.issues[i].id == t.issue) settled[i] = false;
      }
    }
  }
  auto x = [&](std::size_t p, const Outcome& o) {
    double sum = 0, fixed = 0;
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      if (settled[i]) {
        sum += vals[p].IssueContribution(i, o[i]);
        continue;
      }
      double worst = 0;
      for (std::uint64_t k = 0; k < space.ValueCount(i); ++k) {
        worst = std::min(worst, vals[p].IssueContribution(i, k));
      }
      fixed += worst;
    }
    return fixed + (vals[p].form() == ValueForm::kMoney ? sum : std::min(1.0, sum));
  };
  BruteSubset b;
  double best = -INFINITY;
  Outcome o = space.First();
  do {
    bool ok = true, better = true;
    double total = 0;
    for (std::size_t p = 0; p < parties.size(); ++p) {
      if (((members >> p) & 1u) == 0) continue;
      const bool money = vals[p].form() == ValueForm::kMoney;
      const double span = money ? std::max(vals[p].MaxValue() - vals[p].MinValue(), 1e-12) : 1;
      const double tol = kUtilityEpsilon * span;
      const double floor = money ? vals[p].ReservationValue() : vals[p].DisagreementUtility();
      const double at_deal = money ? vals[p].Value(deal) : vals[p].Utility(deal);
      ok = ok && x(p, o) >= floor - tol;
      better = better && x(p, o) > at_deal + tol;
      total += x(p, o) - (money ? vals[p].ReservationValue() : 0);
    }
    b.zopa = b.zopa || ok;
    b.blocks = b.blocks || better;
    best = std::max(best, total);
  } while (space.Next(o));
  b.worth = std::max(0.0, best);
  return b;
}

void CheckAgainstBruteForce(bool money) {
  testing::RandomDomainSpec spec;
  spec.parties = *rc::gen::inRange(3, 5);
  spec.allow_money = money;
  spec.allow_utility = !money;
  spec.max_issues = 4;
  spec.batna_percent = 80;
  const Case c = testing::RandomDomain(spec);
  const OutcomeSpace space(c.issues);
  Outcome deal = space.First();
  for (std::size_t i = 0; i < deal.size(); ++i) {
    deal[i] = *rc::gen::inRange<std::uint64_t>(0, space.ValueCount(i));
  }
  const CoalitionView v = ComputeCoalitionView(c, deal);
  RC_ASSERT(v.money == money);
  RC_ASSERT(v.subsets.size() == (std::size_t{1} << v.parties.size()) - v.parties.size() - 1);
  RC_ASSERT(v.subsets.back().members == v.Everyone());
  for (const SubsetView& s : v.subsets) {
    const BruteSubset b = Brute(c, v.parties, s.members, deal);
    RC_ASSERT(s.zopa == b.zopa);
    RC_ASSERT(s.blocks == b.blocks);
    if (money) RC_ASSERT(std::fabs(*s.worth - b.worth) <= 1e-6 * std::max(1.0, b.worth));
  }
  // Essential parties: exactly those missing from no subset with a ZOPA.
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    bool needed = v.Find(v.Everyone())->zopa;
    for (const SubsetView& s : v.subsets) needed = needed && !(s.zopa && !((s.members >> p) & 1u));
    RC_ASSERT(needed ==
              (std::find(v.essential.begin(), v.essential.end(), p) != v.essential.end()));
  }
}

RC_GTEST_PROP(CoalitionViewTest, MoneySubsetsMatchBruteForce, ()) { CheckAgainstBruteForce(true); }

RC_GTEST_PROP(CoalitionViewTest, UtilitySubsetsMatchBruteForce, ()) {
  CheckAgainstBruteForce(false);
}

Batna Money(double value) {
  Batna b;
  b.value = value;
  return b;
}

// Three firms: `split` is valued by all three (only all three can settle it); `pair` by a and b
// only. a, b and c get 0/300/... from the split options; a and b gain 40 and 30 from `pair=yes`.
// BATNAs: a 20, b 20, c 50.
Case ThreeFirms() {
  Case c;
  c.title = "three firms";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem), MakeParty("c", Side::kThem)};
  c.parties[0].batna = Money(20.0);
  c.parties[1].batna = Money(20.0);
  c.parties[2].batna = Money(50.0);
  c.issues = {OptionsIssue("split", {"even", "ab"}), OptionsIssue("pair", {"no", "yes"})};
  Preferences a, b, cc;
  a.party = "a";
  a.terms = {Term("split", TableValue{{{"even", 100}, {"ab", 150}}}),
             Term("pair", TableValue{{{"no", 0}, {"yes", 40}}})};
  b.party = "b";
  b.terms = {Term("split", TableValue{{{"even", 100}, {"ab", 150}}}),
             Term("pair", TableValue{{{"no", 0}, {"yes", 30}}})};
  cc.party = "c";
  cc.terms = {Term("split", TableValue{{{"even", 100}, {"ab", 0}}})};
  c.values = {a, b, cc};
  return c;
}

TEST(CoalitionViewTest, ThreeFirmsByHand) {
  const Case c = ThreeFirms();
  const CoalitionView v = ComputeCoalitionView(c, Outcome{0, 1});  // even split, pair yes
  ASSERT_TRUE(v.money);
  EXPECT_EQ(v.deal_gain, (std::vector<double>{120, 110, 50}));
  // {a, b}: settle `pair` only (split counts 0): 40 >= 20 and 30 >= 20, worth 70 - 40 = 30.
  const SubsetView* ab = v.Find(0b011);
  ASSERT_NE(ab, nullptr);
  EXPECT_TRUE(ab->zopa);
  EXPECT_EQ(ab->worth_text, "30");
  EXPECT_FALSE(ab->blocks);
  // {a, c} and {b, c} settle nothing: a at 0 < 20.
  EXPECT_FALSE(v.Find(0b101)->zopa);
  EXPECT_FALSE(v.Find(0b110)->zopa);
  // Everyone: best joint surplus max(100+100+100, 150+150+0) + 70 - 90 = 280.
  EXPECT_EQ(v.Find(0b111)->worth_text, "280");
  // The deal's gains 280 in all: efficient, and {a, b} gets 230 >= 30: in the core.
  EXPECT_TRUE(v.in_core);
  // c is needed by every workable deal but a and b agree alone; c cannot agree alone with
  // either: one by one, starting with a and b (rule 5).
  EXPECT_EQ(v.essential, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(v.advice.kind, EngagementKind::kOneByOne);
  EXPECT_EQ(v.advice.rule, 5);
  EXPECT_EQ(v.advice.reason,
            "a and b can agree on their own, while a and c cannot: start with a and b, then "
            "bring c to a deal that already has momentum");
}

TEST(CoalitionViewTest, AnUnfairSplitIsBlocked) {
  // split=ab gives c 0 < 50: below its BATNA (rule 2), not in the core.
  const CoalitionView v = ComputeCoalitionView(ThreeFirms(), Outcome{1, 0});
  EXPECT_FALSE(v.in_core);
  EXPECT_EQ(v.advice.rule, 2);
  EXPECT_EQ(v.advice.reason,
            "The proposed deal leaves c below its BATNA: it would walk away, so engage it on "
            "its own first");
}

TEST(CoalitionViewTest, PartyCountLimits) {
  Case two = ThreeFirms();
  two.values.pop_back();
  try {
    ComputeCoalitionView(two, Outcome{0, 0});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
  }
  Case many;
  many.title = "many";
  many.issues = {OptionsIssue("x", {"p", "q"})};
  for (int i = 0; i < 17; ++i) {
    const std::string id = "p" + std::to_string(i);
    many.parties.push_back(MakeParty(id, i == 0 ? Side::kUs : Side::kThem));
    Preferences prefs;
    prefs.party = id;
    prefs.terms = {Term("x", TableValue{{{"p", 1}, {"q", 0}}})};
    many.values.push_back(prefs);
  }
  try {
    ComputeCoalitionView(many, Outcome{0});
    FAIL() << "expected a limit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit);
  }
}

}  // namespace
}  // namespace parley::analysis
