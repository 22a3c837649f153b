// Tests of PartyValuation: money, utility and rectangles forms against brute force over the
// whole outcome space, evaluators branch by branch, reservation values and disagreement points.
#include "parley/core/party_valuation.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "testing/case_builders.h"

namespace parley {
namespace {

using ::parley::testing::MakeParty;
using ::parley::testing::NumberIssue;
using ::parley::testing::OptionsIssue;
using ::parley::testing::Term;

TableValue Table(std::vector<std::pair<std::string, double>> entries) {
  return TableValue{std::move(entries)};
}

// A two-party case; party "a" is us and states `prefs`.
Case TwoParties(std::vector<Issue> issues, Preferences prefs) {
  Case c;
  c.title = "t";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = std::move(issues);
  prefs.party = "a";
  c.values.push_back(std::move(prefs));
  return c;
}

Preferences Money(std::vector<IssueTerm> terms) {
  Preferences p;
  p.form = ValueForm::kMoney;
  p.terms = std::move(terms);
  return p;
}

Preferences UtilityForm(std::vector<IssueTerm> terms) {
  Preferences p;
  p.form = ValueForm::kUtility;
  p.terms = std::move(terms);
  return p;
}

// Brute-force evaluation, written from the contracts in preferences.h (not from the library).
double BruteInterpolate(const std::vector<std::pair<double, double>>& points, double x) {
  if (points.empty()) return 0;
  if (x <= points.front().first) return points.front().second;
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (x <= points[i].first) {
      const auto [x0, v0] = points[i - 1];
      const auto [x1, v1] = points[i];
      return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
    }
  }
  return points.back().second;
}

double BruteScore(const Evaluator& e, const Issue& issue, std::uint64_t k) {
  if (issue.kind == IssueKind::kOptions) {
    double v = 0;
    for (const auto& [option, value] : std::get<TableValue>(e).entries) {
      if (option == issue.options[k]) v = value;
    }
    return v;
  }
  const double x = std::min(issue.hi, issue.lo + static_cast<double>(k) * issue.step);
  if (const auto* l = std::get_if<LinearValue>(&e)) return l->slope * x;
  if (const auto* p = std::get_if<PointsValue>(&e)) return BruteInterpolate(p->points, x);
  if (const auto* cl = std::get_if<ClampedLinearValue>(&e)) {
    return std::clamp(cl->slope * (x - cl->from) + cl->offset, 0.0, 1.0);
  }
  if (const auto* t = std::get_if<TriangularValue>(&e)) {
    if (x < t->lower) return 0;
    if (x < t->top) return (x - t->lower) / (t->top - t->lower);  // rising to 1 at top
    if (x < t->upper) return 1 - (x - t->top) / (t->upper - t->top);
    return 0;  // from upper on
  }
  return std::get<ConstantValue>(e).score;
}

// Sum over the terms of weight x score (weight 1 in money form).
double BruteSum(const Case& c, const Preferences& prefs, const Outcome& o) {
  double sum = 0;
  for (const IssueTerm& term : prefs.terms) {
    const int i = c.IssueIndex(term.issue);
    const double w = prefs.form == ValueForm::kUtility ? term.weight : 1.0;
    sum += w * BruteScore(term.evaluator, c.issues[i], o[i]);
  }
  return sum;
}

bool Near(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// --- Random small cases for the brute-force properties.

// A number issue lo, lo + step, ... with n points, and sometimes a hi that is off the grid.
rc::Gen<Issue> GenNumberIssue(const std::string& id) {
  return rc::gen::exec([id] {
    const double step = *rc::gen::element(1.0, 0.5, 2.5, 3.0, 0.1);
    const double lo = *rc::gen::inRange(-20, 21) * 1.0;
    const int n = *rc::gen::inRange(1, 8);
    const double tail = *rc::gen::element(0.0, 0.0, 0.3, 0.7) * step;
    return NumberIssue(id, lo, lo + (n - 1) * step + tail, step);
  });
}

rc::Gen<Issue> GenOptionsIssue(const std::string& id) {
  return rc::gen::exec([id] {
    const int n = *rc::gen::inRange(1, 5);
    std::vector<std::string> options;
    for (int i = 0; i < n; ++i) options.push_back(id + "-opt" + std::to_string(i));
    return OptionsIssue(id, options);
  });
}

// Points whose x values lie anywhere around the issue's range (mostly between grid points).
PointsValue GenPoints(const Issue& issue, bool unit_scores) {
  const double span = issue.hi - issue.lo;
  auto xs = *rc::gen::container<std::vector<int>>(*rc::gen::inRange<std::size_t>(1, 6),
                                                  rc::gen::inRange(-300, 1301));
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  PointsValue p;
  for (int x : xs) {
    const double v =
        unit_scores ? *rc::gen::inRange(0, 101) / 100.0 : *rc::gen::inRange(-1000, 1001) / 7.0;
    p.points.emplace_back(issue.lo + span * x / 1000.0 + (span == 0 ? x / 100.0 : 0), v);
  }
  return p;
}

TableValue GenTable(const Issue& issue, bool unit_scores) {
  TableValue t;
  for (const std::string& option : issue.options) {
    if (*rc::gen::inRange(0, 4) == 0) continue;  // left out: worth 0
    t.entries.emplace_back(option, unit_scores ? *rc::gen::inRange(0, 101) / 100.0
                                               : *rc::gen::inRange(-500, 501) * 1.0);
  }
  return t;
}

Evaluator GenMoneyEvaluator(const Issue& issue) {
  if (issue.kind == IssueKind::kOptions) return GenTable(issue, false);
  if (*rc::gen::arbitrary<bool>()) return LinearValue{*rc::gen::inRange(-50, 51) / 4.0};
  return GenPoints(issue, false);
}

Evaluator GenUtilityEvaluator(const Issue& issue) {
  if (issue.kind == IssueKind::kOptions) return GenTable(issue, true);
  switch (*rc::gen::inRange(0, 4)) {
    case 0: {
      ClampedLinearValue l;
      l.from = issue.lo + *rc::gen::inRange(-5, 6);
      l.slope = *rc::gen::inRange(-40, 41) / 40.0;
      l.offset = *rc::gen::inRange(-50, 151) / 100.0;
      return l;
    }
    case 1: {
      // Corners anywhere around the range, on or off the grid, possibly coinciding.
      std::vector<double> corners;
      for (int i = 0; i < 3; ++i) {
        corners.push_back(issue.lo - 2 +
                          *rc::gen::inRange(0, 4 * 20 + 1) * (issue.hi - issue.lo + 4) / 80.0);
      }
      if (*rc::gen::inRange(0, 3) == 0) {
        corners[2] = corners[1];  // a degenerate triangle: top == upper or lower == top
      }
      std::sort(corners.begin(), corners.end());
      if (*rc::gen::inRange(0, 3) == 0) {
        // Snap the corners to grid points.
        for (double& x : corners) x = issue.NumberAt(issue.NearestIndex(x).first);
        std::sort(corners.begin(), corners.end());
      }
      return TriangularValue{corners[0], corners[2], corners[1]};
    }
    case 2:
      return ConstantValue{*rc::gen::inRange(0, 101) / 100.0};
    default:
      return GenPoints(issue, true);
  }
}

Case GenCase(bool utility) {
  const std::size_t count = *rc::gen::inRange<std::size_t>(1, 4);
  std::vector<Issue> issues;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string id = "i" + std::to_string(i);
    issues.push_back(*rc::gen::arbitrary<bool>() ? *GenNumberIssue(id) : *GenOptionsIssue(id));
  }
  Preferences prefs;
  prefs.form = utility ? ValueForm::kUtility : ValueForm::kMoney;
  for (const Issue& issue : issues) {
    if (*rc::gen::inRange(0, 5) == 0) continue;  // the party leaves this issue out
    const double weight = utility ? *rc::gen::inRange(0, 11) / 10.0 : 1.0;
    prefs.terms.push_back(
        Term(issue.id, utility ? GenUtilityEvaluator(issue) : GenMoneyEvaluator(issue), weight));
  }
  return TwoParties(std::move(issues), std::move(prefs));
}

// The generated case, for the log of a failing property.
std::string Describe(const Case& c) {
  std::string out;
  for (const Issue& issue : c.issues) {
    out += issue.id + ": ";
    if (issue.kind == IssueKind::kNumber) {
      out += "[" + FormatNumber(issue.lo) + ", " + FormatNumber(issue.hi) + "] step " +
             FormatNumber(issue.step) + "\n";
    } else {
      out += std::to_string(issue.options.size()) + " options\n";
    }
  }
  for (const IssueTerm& t : c.values[0].terms) {
    out += "  " + t.issue + " w=" + FormatNumber(t.weight) + " ";
    if (const auto* l = std::get_if<LinearValue>(&t.evaluator)) {
      out += "linear " + FormatNumber(l->slope);
    } else if (const auto* p = std::get_if<PointsValue>(&t.evaluator)) {
      out += "points";
      for (const auto& [x, v] : p->points)
        out += " (" + FormatNumber(x) + ", " + FormatNumber(v) + ")";
    } else if (const auto* tb = std::get_if<TableValue>(&t.evaluator)) {
      out += "table";
      for (const auto& [o, v] : tb->entries) out += " " + o + "=" + FormatNumber(v);
    } else if (const auto* cl = std::get_if<ClampedLinearValue>(&t.evaluator)) {
      out += "clamped from " + FormatNumber(cl->from) + " slope " + FormatNumber(cl->slope) +
             " offset " + FormatNumber(cl->offset);
    } else if (const auto* tr = std::get_if<TriangularValue>(&t.evaluator)) {
      out += "triangular lower " + FormatNumber(tr->lower) + " top " + FormatNumber(tr->top) +
             " upper " + FormatNumber(tr->upper);
    } else {
      out += "constant " + FormatNumber(std::get<ConstantValue>(t.evaluator).score);
    }
    out += "\n";
  }
  return out;
}

RC_GTEST_PROP(PartyValuationTest, MoneyFormMatchesBruteForce, ()) {
  const Case c = GenCase(false);
  RC_LOG() << Describe(c);
  RC_ASSERT(CheckCase(c).empty());
  const PartyValuation v(c, "a");
  RC_ASSERT(v.form() == ValueForm::kMoney);
  RC_ASSERT(v.IsAdditive());
  const OutcomeSpace space(c.issues);
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  std::vector<std::pair<Outcome, double>> values;
  Outcome o = space.First();
  do {
    const double expected = BruteSum(c, c.values[0], o);
    RC_ASSERT(Near(v.Value(o), expected));
    lo = std::min(lo, expected);
    hi = std::max(hi, expected);
    values.emplace_back(o, expected);
  } while (space.Next(o));
  RC_LOG() << "enumerated min " << lo << " max " << hi << "; MinValue " << v.MinValue()
           << " MaxValue " << v.MaxValue() << "\n";
  RC_ASSERT(Near(v.MinValue(), lo));
  RC_ASSERT(Near(v.MaxValue(), hi));
  for (const auto& [outcome, value] : values) {
    const double u = v.Utility(outcome);
    if (hi == lo) {
      RC_ASSERT(u == 1.0);  // every deal worth the same
    } else if (hi - lo > 1e-6) {
      RC_ASSERT(std::fabs(u - (value - lo) / (hi - lo)) <= 1e-9);
    }
    RC_ASSERT(u >= -1e-12);
    RC_ASSERT(u <= 1 + 1e-12);
  }
  // No BATNA: the reservation value is the worst deal's value.
  RC_ASSERT(!v.HasBatna());
  RC_ASSERT(Near(v.ReservationValue(), lo));
}

RC_GTEST_PROP(PartyValuationTest, UtilityFormMatchesBruteForce, ()) {
  const Case c = GenCase(true);
  RC_LOG() << Describe(c);
  RC_ASSERT(CheckCase(c).empty());
  const PartyValuation v(c, "a");
  RC_ASSERT(v.form() == ValueForm::kUtility);
  const OutcomeSpace space(c.issues);
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  Outcome o = space.First();
  do {
    const double expected = std::min(1.0, BruteSum(c, c.values[0], o));
    RC_ASSERT(Near(v.Utility(o), expected));
    RC_ASSERT(v.Value(o) == v.Utility(o));
    lo = std::min(lo, expected);
    hi = std::max(hi, expected);
  } while (space.Next(o));
  RC_LOG() << "enumerated min " << lo << " max " << hi << "; MinValue " << v.MinValue()
           << " MaxValue " << v.MaxValue() << "\n";
  RC_ASSERT(Near(v.MinValue(), lo));
  RC_ASSERT(Near(v.MaxValue(), hi));
  RC_ASSERT(v.ReservationValue() == 0);
  RC_ASSERT(v.DisagreementUtility() == 0);
}

// --- Evaluators, branch by branch.

TEST(PartyValuationTest, EvaluateNumberClampedLinear) {
  const Evaluator e = ClampedLinearValue{0, 0.08, 0.3};
  EXPECT_DOUBLE_EQ(EvaluateNumber(e, 0), 0.3);
  EXPECT_DOUBLE_EQ(EvaluateNumber(e, 5), 0.7);
  EXPECT_EQ(EvaluateNumber(e, 10), 1.0);                        // 1.1 clamped
  EXPECT_EQ(EvaluateNumber(e, -10), 0.0);                       // -0.5 clamped
  const Evaluator shifted = ClampedLinearValue{100, -0.01, 1};  // from = 100
  EXPECT_DOUBLE_EQ(EvaluateNumber(shifted, 150), 0.5);
  EXPECT_EQ(EvaluateNumber(shifted, 50), 1.0);
  EXPECT_EQ(EvaluateNumber(shifted, 250), 0.0);
}

TEST(PartyValuationTest, EvaluateNumberTriangular) {
  const Evaluator e = TriangularValue{0, 10, 5};  // lower 0, upper 10, top 5
  EXPECT_EQ(EvaluateNumber(e, -1), 0.0);
  EXPECT_EQ(EvaluateNumber(e, 0), 0.0);
  EXPECT_DOUBLE_EQ(EvaluateNumber(e, 2.5), 0.5);
  EXPECT_EQ(EvaluateNumber(e, 5), 1.0);
  EXPECT_DOUBLE_EQ(EvaluateNumber(e, 7.5), 0.5);
  EXPECT_EQ(EvaluateNumber(e, 10), 0.0);  // 0 from upper on
  EXPECT_EQ(EvaluateNumber(e, 11), 0.0);
  // Degenerate triangles: top == lower jumps to 1 at lower; top == upper is 0 at upper.
  const Evaluator left = TriangularValue{2, 6, 2};
  EXPECT_EQ(EvaluateNumber(left, 1.99), 0.0);
  EXPECT_EQ(EvaluateNumber(left, 2), 1.0);
  EXPECT_DOUBLE_EQ(EvaluateNumber(left, 4), 0.5);
  const Evaluator right = TriangularValue{2, 6, 6};
  EXPECT_DOUBLE_EQ(EvaluateNumber(right, 5), 0.75);
  EXPECT_EQ(EvaluateNumber(right, 6), 0.0);
}

TEST(PartyValuationTest, EvaluateNumberOtherForms) {
  EXPECT_EQ(EvaluateNumber(ConstantValue{0.25}, -1e9), 0.25);
  EXPECT_EQ(EvaluateNumber(ConstantValue{0.25}, 1e9), 0.25);
  EXPECT_EQ(EvaluateNumber(LinearValue{-2}, 3), -6.0);
  EXPECT_EQ(EvaluateNumber(Table({{"x", 5}}), 3), 0.0);
  const Evaluator points = PointsValue{{{0, 10}, {10, 30}, {20, 0}}};
  EXPECT_EQ(EvaluateNumber(points, -5), 10.0);  // flat before the first point
  EXPECT_EQ(EvaluateNumber(points, 0), 10.0);
  EXPECT_EQ(EvaluateNumber(points, 5), 20.0);
  EXPECT_EQ(EvaluateNumber(points, 10), 30.0);
  EXPECT_EQ(EvaluateNumber(points, 15), 15.0);
  EXPECT_EQ(EvaluateNumber(points, 25), 0.0);  // flat after the last point
  EXPECT_EQ(EvaluateNumber(PointsValue{}, 3), 0.0);
}

// --- Money form.

Case SaasCase() {
  Case c = TwoParties(
      {NumberIssue("price", 90000, 150000, 1000), OptionsIssue("term", {"1y", "2y", "3y"})},
      Money({Term("price", LinearValue{1}), Term("term", Table({{"2y", 15000}, {"3y", 25000}}))}));
  return c;
}

TEST(PartyValuationTest, MoneyFormValuesAndUtility) {
  const Case c = SaasCase();
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.party(), "a");
  EXPECT_EQ(v.MinValue(), 90000);
  EXPECT_EQ(v.MaxValue(), 175000);
  EXPECT_EQ(v.Value({0, 0}), 90000);
  EXPECT_EQ(v.Value({60, 2}), 175000);
  EXPECT_EQ(v.Value({10, 1}), 115000);
  EXPECT_EQ(v.Utility({0, 0}), 0);
  EXPECT_EQ(v.Utility({60, 2}), 1);
  EXPECT_DOUBLE_EQ(v.Utility({10, 1}), 25000.0 / 85000.0);
  EXPECT_EQ(v.IssueContribution(0, 10), 100000);
  EXPECT_EQ(v.IssueContribution(1, 0), 0);  // 1y left out of the table: worth 0
  EXPECT_EQ(v.IssueContribution(1, 2), 25000);
  EXPECT_DOUBLE_EQ(v.ValueToUtility(132500), 0.5);
  EXPECT_DOUBLE_EQ(v.ValueToUtility(0), -90000.0 / 85000.0);  // outside [0,1] allowed
  // A partial package: the absent issue counts 0.
  EXPECT_DOUBLE_EQ(v.PartialUtility({std::nullopt, 2}), (25000.0 - 90000.0) / 85000.0);
  EXPECT_DOUBLE_EQ(v.PartialUtility({60, std::nullopt}), (150000.0 - 90000.0) / 85000.0);
}

TEST(PartyValuationTest, LaterTableEntryWins) {
  const Case c = TwoParties({OptionsIssue("o", {"x", "y"})},
                            Money({Term("o", Table({{"x", 1}, {"x", 7}, {"y", 2}}))}));
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.Value({0}), 7);
  EXPECT_EQ(v.MaxValue(), 7);
  EXPECT_EQ(v.MinValue(), 2);
}

TEST(PartyValuationTest, PointsKinksBetweenGridPoints) {
  // A peak at x = 5.5, between the grid points 5 and 6 of [0, 10] step 1; and a dip at 2.2.
  const Case c = TwoParties({NumberIssue("x", 0, 10, 1)},
                            Money({Term("x", PointsValue{{{2.2, -10}, {5.5, 100}, {9, 0}}})}));
  const PartyValuation v(c, "a");
  // Grid values: at 5: -10 + 110 * (2.8 / 3.3); at 6: 100 - 100 * (0.5 / 3.5).
  const double at5 = -10 + 110 * (2.8 / 3.3);
  const double at6 = 100 - 100 * (0.5 / 3.5);
  EXPECT_NEAR(v.MaxValue(), std::max(at5, at6), 1e-9);
  const double at2 = -10, at3 = -10 + 110 * (0.8 / 3.3);
  EXPECT_NEAR(v.MinValue(), std::min(at2, at3), 1e-9);  // flat -10 up to 2.2
}

TEST(PartyValuationTest, MoneyReservationValueIsValueMinusCosts) {
  Case c = SaasCase();
  Batna b;
  b.value = 95000;
  b.costs.risk = 5000;
  b.costs.time = 1000;
  b.costs.political = 500;
  c.parties[0].batna = b;
  const PartyValuation v(c, "a");
  EXPECT_TRUE(v.HasBatna());
  EXPECT_EQ(v.ReservationValue(), 88500);
  EXPECT_EQ(v.ReservationRange(), std::make_pair(88500.0, 88500.0));
  EXPECT_DOUBLE_EQ(v.DisagreementUtility(), (88500.0 - 90000.0) / 85000.0);  // negative
}

TEST(PartyValuationTest, MoneyReservationOfARangeIsItsMidpoint) {
  Case c = SaasCase();
  Batna b;
  b.range = std::make_pair(100000.0, 135000.0);
  b.costs.time = 1000;
  c.parties[0].batna = b;
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.ReservationValue(), 116500);
  EXPECT_EQ(v.ReservationRange(), std::make_pair(99000.0, 134000.0));
  EXPECT_DOUBLE_EQ(v.DisagreementUtility(), (116500.0 - 90000.0) / 85000.0);
}

TEST(PartyValuationTest, MoneyReservationWithoutBatnaIsTheWorstDeal) {
  const Case c = SaasCase();
  const PartyValuation v(c, "a");
  EXPECT_FALSE(v.HasBatna());
  EXPECT_EQ(v.ReservationValue(), 90000);
  EXPECT_EQ(v.ReservationRange(), std::make_pair(90000.0, 90000.0));
  EXPECT_EQ(v.DisagreementUtility(), 0);
}

TEST(PartyValuationTest, DisagreementUtilityMayExceedOne) {
  Case c = SaasCase();
  Batna b;
  b.value = 260000;
  c.parties[0].batna = b;
  const PartyValuation v(c, "a");
  EXPECT_DOUBLE_EQ(v.DisagreementUtility(), 2.0);  // (260000 - 90000) / 85000
}

TEST(PartyValuationTest, FlatMoneyValuesGiveUtilityOneAndDisagreementZeroOrTwo) {
  Case c =
      TwoParties({OptionsIssue("o", {"x", "y"})}, Money({Term("o", Table({{"x", 5}, {"y", 5}}))}));
  for (const auto& [batna, disagreement] :
       std::vector<std::pair<double, double>>{{5, 0}, {4, 0}, {6, 2}}) {
    Batna b;
    b.value = batna;
    c.parties[0].batna = b;
    const PartyValuation v(c, "a");
    EXPECT_EQ(v.Utility({0}), 1.0);
    EXPECT_EQ(v.Utility({1}), 1.0);
    EXPECT_EQ(v.DisagreementUtility(), disagreement) << "BATNA " << batna;
  }
  c.parties[0].batna.reset();
  EXPECT_EQ(PartyValuation(c, "a").DisagreementUtility(), 0);
}

TEST(PartyValuationTest, PartyWithoutValuesThrowsInvalidInput) {
  const Case c = SaasCase();
  try {
    PartyValuation v(c, "b");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
    EXPECT_NE(std::string(e.what()).find("'b'"), std::string::npos);
  }
}

// --- Utility form.

Case LaptopCase() {
  return TwoParties(
      {OptionsIssue("laptop", {"Dell", "Macintosh", "HP"}), NumberIssue("memory", 0, 10, 1)},
      UtilityForm({Term("laptop", Table({{"Dell", 0.4}, {"Macintosh", 1.0}, {"HP", 0.7}}), 0.445),
                   Term("memory", ClampedLinearValue{0, 0.08, 0.3}, 0.378)}));
}

TEST(PartyValuationTest, UtilityFormIsWeightedSumOfScores) {
  const Case c = LaptopCase();
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.form(), ValueForm::kUtility);
  EXPECT_TRUE(v.IsAdditive());
  // Dell, memory 5: 0.445 * 0.4 + 0.378 * 0.7.
  EXPECT_DOUBLE_EQ(v.Utility({0, 5}), 0.445 * 0.4 + 0.378 * 0.7);
  EXPECT_DOUBLE_EQ(v.Value({0, 5}), v.Utility({0, 5}));
  // Macintosh, memory 10: the memory score is clamped at 1.
  EXPECT_DOUBLE_EQ(v.Utility({1, 10}), 0.445 + 0.378);
  EXPECT_DOUBLE_EQ(v.MinValue(), 0.445 * 0.4 + 0.378 * 0.3);
  EXPECT_DOUBLE_EQ(v.MaxValue(), 0.445 + 0.378);
  EXPECT_DOUBLE_EQ(v.IssueContribution(0, 2), 0.445 * 0.7);
  EXPECT_DOUBLE_EQ(v.IssueContribution(1, 0), 0.378 * 0.3);
  EXPECT_EQ(v.ValueToUtility(0.5), 0.5);  // identity in utility form
}

TEST(PartyValuationTest, UtilityFormClampsTheSumAtOne) {
  const Case c = TwoParties({OptionsIssue("a", {"x", "y"}), NumberIssue("n", 0, 4, 1)},
                            UtilityForm({Term("a", Table({{"x", 1}, {"y", 0.2}}), 0.7),
                                         Term("n", TriangularValue{0, 4, 2}, 0.6)}));
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.Utility({0, 2}), 1.0);  // 0.7 + 0.6 = 1.3, clamped
  EXPECT_DOUBLE_EQ(v.Utility({0, 1}), 0.7 + 0.3);
  EXPECT_DOUBLE_EQ(v.Utility({1, 0}), 0.7 * 0.2);
  EXPECT_EQ(v.MaxValue(), 1.0);
  EXPECT_DOUBLE_EQ(v.MinValue(), 0.14);
}

TEST(PartyValuationTest, UtilityFormConstantAndOmittedIssues) {
  const Case c = TwoParties({NumberIssue("n", 0, 4, 1), OptionsIssue("o", {"x"})},
                            UtilityForm({Term("n", ConstantValue{0.5}, 0.4)}));
  const PartyValuation v(c, "a");
  EXPECT_DOUBLE_EQ(v.Utility({0, 0}), 0.2);
  EXPECT_DOUBLE_EQ(v.Utility({4, 0}), 0.2);
  EXPECT_EQ(v.IssueContribution(1, 0), 0);  // the party does not value issue o
}

TEST(PartyValuationTest, UtilityReservationFromUtility) {
  Case c = LaptopCase();
  Batna b;
  b.utility = 0.4;
  c.parties[0].batna = b;
  const PartyValuation v(c, "a");
  EXPECT_TRUE(v.HasBatna());
  EXPECT_EQ(v.ReservationValue(), 0.4);
  EXPECT_EQ(v.ReservationRange(), std::make_pair(0.4, 0.4));
  EXPECT_EQ(v.DisagreementUtility(), 0.4);
}

TEST(PartyValuationTest, UtilityReservationFromBid) {
  Case c = LaptopCase();
  Batna b;
  b.outcome = Package{{"laptop", std::string("HP")}, {"memory", 5.0}};
  c.parties[0].batna = b;
  const PartyValuation full(c, "a");
  EXPECT_DOUBLE_EQ(full.ReservationValue(), 0.445 * 0.7 + 0.378 * 0.7);
  EXPECT_DOUBLE_EQ(full.DisagreementUtility(), full.ReservationValue());
  // A partial bid: the missing memory issue counts 0 (not its worst score 0.3).
  c.parties[0].batna->outcome = Package{{"laptop", std::string("Dell")}};
  const PartyValuation partial(c, "a");
  EXPECT_DOUBLE_EQ(partial.ReservationValue(), 0.445 * 0.4);
  EXPECT_DOUBLE_EQ(partial.DisagreementUtility(), 0.445 * 0.4);
  // Only memory given.
  c.parties[0].batna->outcome = Package{{"memory", 10.0}};
  EXPECT_DOUBLE_EQ(PartyValuation(c, "a").ReservationValue(), 0.378);
}

TEST(PartyValuationTest, UtilityReservationWithoutBatnaIsZero) {
  const Case c = LaptopCase();  // the valuation points into the case: keep it alive
  const PartyValuation v(c, "a");
  EXPECT_FALSE(v.HasBatna());
  EXPECT_EQ(v.ReservationValue(), 0);
  EXPECT_EQ(v.DisagreementUtility(), 0);
}

TEST(PartyValuationTest, PartialUtilityInUtilityForm) {
  const Case c = LaptopCase();  // the valuation points into the case: keep it alive
  const PartyValuation v(c, "a");
  EXPECT_DOUBLE_EQ(v.PartialUtility({1, std::nullopt}), 0.445);
  EXPECT_EQ(v.PartialUtility({std::nullopt, std::nullopt}), 0);
}

// --- Rectangles form.

Case RectanglesCase() {
  Case c;
  c.title = "boxes";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  c.issues = {NumberIssue("x", 0, 10, 1), NumberIssue("y", 0, 10, 1)};
  Preferences p;
  p.party = "a";
  p.form = ValueForm::kRectangles;
  RectangleUtility r;
  r.max_utility = 10;
  r.weight = 0.8;
  UtilityBox b1;
  b1.utility = 4;
  b1.include = {{"x", 0, 5}};
  UtilityBox b2;
  b2.utility = 6;
  b2.include = {{"x", 3, 10}, {"y", 2, 4}};
  b2.exclude = {{"y", 3, 3}};
  r.boxes = {b1, b2};
  p.rectangles = r;
  c.values.push_back(p);
  return c;
}

TEST(PartyValuationTest, RectanglesFormSumsTheBoxesHoldingTheOutcome) {
  const Case c = RectanglesCase();
  ASSERT_TRUE(CheckCase(c).empty());
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.form(), ValueForm::kRectangles);
  EXPECT_FALSE(v.IsAdditive());
  EXPECT_DOUBLE_EQ(v.Utility({0, 0}), 0.8 * 4 / 10);   // box 1 only
  EXPECT_DOUBLE_EQ(v.Utility({4, 2}), 0.8 * 10 / 10);  // both boxes
  EXPECT_DOUBLE_EQ(v.Utility({4, 3}), 0.8 * 4 / 10);   // y = 3 excluded from box 2
  EXPECT_DOUBLE_EQ(v.Utility({5, 4}), 0.8);            // bounds are closed
  EXPECT_DOUBLE_EQ(v.Utility({6, 4}), 0.8 * 6 / 10);
  EXPECT_EQ(v.Utility({6, 5}), 0);  // no box
  EXPECT_EQ(v.Value({6, 5}), 0);
  EXPECT_EQ(v.MinValue(), 0);
  EXPECT_EQ(v.MaxValue(), 1);
  // A partial outcome is held by no bound on its missing issue.
  EXPECT_DOUBLE_EQ(v.PartialUtility({4, std::nullopt}), 0.8 * 4 / 10);
  EXPECT_EQ(v.ReservationValue(), 0);
}

TEST(PartyValuationTest, RectanglesReservationFromUtility) {
  Case c = RectanglesCase();
  Batna b;
  b.utility = 0.25;
  c.parties[0].batna = b;
  const PartyValuation v(c, "a");
  EXPECT_EQ(v.ReservationValue(), 0.25);
  EXPECT_EQ(v.DisagreementUtility(), 0.25);
  // A reservation bid inside box 1 only.
  c.parties[0].batna = Batna{};
  c.parties[0].batna->outcome = Package{{"x", 1.0}, {"y", 9.0}};
  EXPECT_DOUBLE_EQ(PartyValuation(c, "a").ReservationValue(), 0.32);
}

}  // namespace
}  // namespace parley
