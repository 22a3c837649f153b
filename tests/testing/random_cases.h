#pragma once

// The one generator of random cases for the property tests of every module. Call only inside a
// rapidcheck property. Every case passes CheckCase (warnings allowed).
// - RandomDomain: small additive domains with any number of parties, money or utility forms,
//   options and number issues (the deal-space tests: frontier, ZOPA, offers).
// - RandomLineDomain: number issues with equal linear steps (folded as one line) among options.
// - RandomTwoPartyMoneyCase, RandomMirrorCase: two-party money cases with BATNAs, deadlines,
//   power scores and evidence (the power and plan tests). Money figures are multiples of 5 and
//   prices multiples of 10, so equal values are exactly equal and distinct ones far apart; at
//   most 5 x 4 x 4 outcomes.

#include <rapidcheck.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/case_check.h"
#include "parley/core/party_valuation.h"
#include "testing/case_builders.h"

namespace parley::testing {

/// What RandomDomain draws. Money values are small integers, utility weights multiples of 1/8
/// and scores multiples of 1/4, so equal sums are exactly equal and distinct sums far apart (no
/// epsilon ambiguity between a brute force and the library).
struct RandomDomainSpec {
  int parties = 2;
  bool allow_money = true;    ///< a party may state money values...
  bool allow_utility = true;  ///< ...or utilities (each party draws one form)
  int max_issues = 4;         ///< 1..max_issues issues, a third of them number issues
  int max_options = 4;        ///< options per options issue: 1..max_options
  int max_grid = 5;           ///< grid points per number issue: 1..max_grid
  double number_lo = 0;       ///< number issues run from number_lo in steps of number_step
  double number_step = 1;
  bool value_kinds = false;     ///< number issues also get linear, clamped and constant terms
  bool sparse_tables = false;   ///< a table may leave options out (they score 0)
  int batna_percent = 33;       ///< chance that a party states a BATNA
  bool silent_party = false;    ///< sometimes one more party that states no values
  bool constant_party = false;  ///< sometimes a party indifferent to every outcome
};

/// One number issue's term for a random party (see RandomDomainSpec::value_kinds).
inline IssueTerm RandomNumberTerm(const Issue& issue, bool money, double weight, bool constant,
                                  bool value_kinds, const std::function<double()>& score) {
  const int kind = value_kinds ? *rc::gen::inRange(0, 3) : 0;
  if (kind == 0) {
    PointsValue pv;
    pv.points = {{issue.lo, score()}};
    if (issue.hi > issue.lo) pv.points.push_back({issue.hi, score()});
    return Term(issue.id, pv, weight);
  }
  if (money) return Term(issue.id, LinearValue{constant ? 0.0 : *rc::gen::inRange(-2, 3) * 1.0});
  if (kind == 1) {
    ClampedLinearValue l;
    l.slope = constant ? 0.0 : *rc::gen::inRange(-2, 3) * 0.25;
    l.offset = *rc::gen::inRange(0, 3) * 0.5;
    return Term(issue.id, l, weight);
  }
  return Term(issue.id, ConstantValue{score()}, weight);
}

/// One random party's preferences over the issues of `c`, and sometimes its BATNA.
inline void AddRandomParty(Case& c, const std::string& id, Side side,
                           const RandomDomainSpec& spec) {
  c.parties.push_back(MakeParty(id, side));
  Preferences prefs;
  prefs.party = id;
  const bool money = spec.allow_money && (!spec.allow_utility || *rc::gen::arbitrary<bool>());
  prefs.form = money ? ValueForm::kMoney : ValueForm::kUtility;
  const bool constant = spec.constant_party && *rc::gen::inRange(0, 10) == 0;
  const std::function<double()> score = [&] {
    if (constant) return 0.5;
    return money ? static_cast<double>(*rc::gen::inRange(-4, 5)) : *rc::gen::inRange(0, 5) * 0.25;
  };
  for (const Issue& issue : c.issues) {
    if (*rc::gen::inRange(0, 6) == 0) continue;  // the party does not value this issue
    const double weight = money ? 1.0 : *rc::gen::inRange(0, 5) * 0.125;
    if (issue.kind == IssueKind::kNumber) {
      prefs.terms.push_back(
          RandomNumberTerm(issue, money, weight, constant, spec.value_kinds, score));
      continue;
    }
    TableValue t;
    for (const std::string& o : issue.options) {
      if (!spec.sparse_tables || *rc::gen::inRange(0, 5) != 0) t.entries.push_back({o, score()});
    }
    prefs.terms.push_back(Term(issue.id, t, weight));
  }
  if (*rc::gen::inRange(0, 100) < spec.batna_percent) {
    Batna b;
    if (money) {
      b.value = *rc::gen::inRange(-6, 7) * 1.0;
    } else {
      b.utility = *rc::gen::inRange(0, 5) * 0.25;
    }
    c.parties.back().batna = b;
  }
  c.values.push_back(std::move(prefs));
}

/// A random domain with issues on one line: two or three money parties ("a" us, "b", "c"),
/// 2 or 3 number issues "l<k>" on the grid 0, 2, ... with the same linear slope per party (equal
/// steps), and up to `extras` options issues "o<k>" whose values are even, so they can make up
/// for steps along the line exactly; issues in random order. Sets `*extra_count`.
inline Case RandomLineDomain(int extras, int* extra_count) {
  const int parties = *rc::gen::inRange(2, 4);
  const int slope_a = *rc::gen::element(-3, -1, 1, 2);
  const int slope_b = slope_a > 0 ? -*rc::gen::inRange(1, 4) : *rc::gen::inRange(1, 4);
  const int lines = *rc::gen::inRange(2, 4);
  const int options = *rc::gen::inRange(0, extras + 1);
  std::vector<Issue> issues;
  std::vector<std::vector<IssueTerm>> terms(parties);
  int line_count = 0, option_count = 0;
  while (line_count < lines || option_count < options) {
    const bool line =
        option_count == options || (line_count < lines && *rc::gen::arbitrary<bool>());
    const std::string id = (line ? "l" : "o") + std::to_string(issues.size());
    if (line) {
      issues.push_back(NumberIssue(id, 0, 2.0 * *rc::gen::inRange(1, 7), 2));
      terms[0].push_back(Term(id, LinearValue{.slope = static_cast<double>(slope_a)}));
      terms[1].push_back(Term(id, LinearValue{.slope = static_cast<double>(slope_b)}));
      if (parties == 3) terms[2].push_back(Term(id, LinearValue{.slope = 1}));
      ++line_count;
      continue;
    }
    issues.push_back(OptionsIssue(id, {"x", "y", "z"}));
    for (int p = 0; p < parties; ++p) {
      std::vector<std::pair<std::string, double>> entries;
      for (const char* o : {"x", "y", "z"}) entries.emplace_back(o, 2.0 * *rc::gen::inRange(-3, 4));
      terms[p].push_back(Term(id, Table(entries)));
    }
    ++option_count;
  }
  Case c = TwoMoneyParties(issues, terms[0], terms[1]);
  if (parties == 3) {
    c.parties.push_back(MakeParty("c", Side::kThem));
    c.values.push_back(MoneyValues("c", terms[2]));
  }
  for (Party& p : c.parties) {
    if (*rc::gen::inRange(0, 3) > 0) {
      Batna b;
      b.value = *rc::gen::inRange(-8, 9) * 1.0;
      p.batna = b;
    }
  }
  *extra_count = option_count;
  return c;
}

/// A random small additive domain: parties "p0" (us), "p1", ... and issues "i0", "i1", ...
inline Case RandomDomain(const RandomDomainSpec& spec = {}) {
  Case c;
  c.title = "random";
  const int n_issues = *rc::gen::inRange(1, spec.max_issues + 1);
  for (int i = 0; i < n_issues; ++i) {
    std::string id = "i";
    id += std::to_string(i);
    if (*rc::gen::inRange(0, 3) == 0) {
      const int m = *rc::gen::inRange(1, spec.max_grid + 1);
      c.issues.push_back(NumberIssue(
          id, spec.number_lo, spec.number_lo + spec.number_step * (m - 1), spec.number_step));
    } else {
      std::vector<std::string> options;
      for (int k = *rc::gen::inRange(1, spec.max_options + 1); k > 0; --k) {
        std::string option = "o";
        option += std::to_string(k);
        options.push_back(option);
      }
      c.issues.push_back(OptionsIssue(id, options));
    }
  }
  for (int p = 0; p < spec.parties; ++p) {
    std::string id = "p";
    id += std::to_string(p);
    AddRandomParty(c, id, p == 0 ? Side::kUs : Side::kThem, spec);
  }
  if (spec.silent_party && *rc::gen::inRange(0, 4) == 0) {
    c.parties.push_back(MakeParty("silent", Side::kThem));
  }
  for (const CaseProblem& problem : CheckCase(c)) {
    if (!problem.warning) RC_FAIL("generated an invalid case: " + problem.message);
  }
  return c;
}

/// The date of the one dated piece of evidence of every random case, hence its analysis date.
inline constexpr const char* kRandomToday = "2026-01-01";

/// kRandomToday moved by `days` (-31 < days < 334, within 2025-12 and 2026), as YYYY-MM-DD.
inline std::string RandomTodayPlusDays(int days) {
  static const int kLengths[] = {31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2026, month = 1, day = 1 + days;  // month 0 is December 2025
  while (day < 1) {
    --month;
    day += kLengths[month];
  }
  while (day > kLengths[month]) {
    day -= kLengths[month];
    ++month;
  }
  if (month == 0) {
    year = 2025;
    month = 12;
  }
  char text[40];  // room for any three ints: GCC sees no truncation (-Wformat-truncation)
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

/// Ids of the evidence of every random case.
inline const std::vector<std::string>& RandomEvidenceIds() {
  static const std::vector<std::string> ids = {"e0", "e1", "e2", "e3"};
  return ids;
}

/// Random six-source scores (some unscored, scores multiples of 0.5, 0-3 pieces of evidence) and
/// sometimes a perceived power.
inline void RandomPower(Party& p) {
  for (int s = 0; s < kPowerSourceCount; ++s) {
    if (*rc::gen::inRange(0, 3) == 0) {
      p.power[s].reset();
      continue;
    }
    PowerScore score;
    score.score = *rc::gen::inRange(0, 11) * 0.5;
    const int n = *rc::gen::inRange(0, 4);
    for (int k = 0; k < n; ++k) score.evidence.push_back(RandomEvidenceIds()[k]);
    p.power[s] = score;
  }
  if (*rc::gen::inRange(0, 2) == 0) {
    p.perceived_power = *rc::gen::inRange(0, 11) * 0.5;
  } else {
    p.perceived_power.reset();
  }
}

/// No deadline, a date only, a cost of delay only, or both; dates from two weeks before the
/// analysis date to four months after.
/// A random deadline: none stated (unknown), a date, a cost of delay, both, `deadline: none` or
/// `date: none` with a cost.
inline std::optional<Deadline> RandomDeadline() {
  const int kind = *rc::gen::inRange(0, 6);
  if (kind == 0) return std::nullopt;
  Deadline d;
  if (kind >= 4) {
    d.none = true;
    if (kind == 5) d.cost_per_week = *rc::gen::inRange(0, 6) * 2.0;
    return d;
  }
  if (kind != 2) {
    d.date = RandomTodayPlusDays(*rc::gen::inRange(-14, 121));
  }
  if (kind != 1) d.cost_per_week = *rc::gen::inRange(0, 6) * 2.0;
  return d;
}

/// A random money BATNA for a party whose deals are worth `min` to `max`: none, a value or (when
/// `ranges`) a range, from just below the worst deal to just above the best, sometimes with a
/// cost.
inline std::optional<Batna> RandomMoneyBatna(double min, double max, bool ranges) {
  const int kind = *rc::gen::inRange(0, ranges ? 6 : 4);
  if (kind == 0) return std::nullopt;
  const int steps = static_cast<int>((max - min) / 5);
  const double v = min + 5.0 * *rc::gen::inRange(-1, steps + 2);
  Batna b = kind >= 4 ? MoneyBatnaRange(v, v + 5.0 * *rc::gen::inRange(1, 5)) : MoneyBatna(v);
  if (*rc::gen::inRange(0, 4) == 0) {
    b.costs.time = 5;
    if (b.value) *b.value += 5;
    if (b.range) {
      b.range->first += 5;
      b.range->second += 5;
    }
  }
  return b;
}

/// Shape of RandomTwoPartyMoneyCase.
struct RandomCaseSpec {
  int min_issues = 2;
  int max_issues = 3;
  int max_values = 4;  ///< values per issue: 2..max_values (price: up to 5)
  bool ranges = true;  ///< BATNAs may be ranges
};

inline void RequireValid(const Case& c) {
  for (const CaseProblem& problem : CheckCase(c)) {
    if (!problem.warning) RC_FAIL("generated an invalid case: " + problem.message);
  }
}

/// A random case: "a" (us) and "b" (them) state money values on a price (a gains, b pays) and
/// 1-2 options issues valued at random; random BATNAs, deadlines, power scores and evidence.
inline Case RandomTwoPartyMoneyCase(const RandomCaseSpec& spec = {}) {
  Case c = TwoMoneyParties({}, {}, {});
  c.title = "random";
  const int n = *rc::gen::inRange(spec.min_issues, spec.max_issues + 1);
  for (int i = 0; i < n; ++i) {
    if (i == 0) {
      const int m = *rc::gen::inRange(2, 6);
      c.issues.push_back(NumberIssue("price", 0, 10.0 * (m - 1), 10));
      c.values[0].terms.push_back(Term("price", LinearValue{*rc::gen::inRange(1, 3) * 1.0}));
      c.values[1].terms.push_back(Term("price", LinearValue{-*rc::gen::inRange(1, 3) * 1.0}));
      continue;
    }
    std::string id = "i";
    id += std::to_string(i);  // appended: GCC 12 warns falsely on "i" + std::string
    const int m = *rc::gen::inRange(2, spec.max_values + 1);
    std::vector<std::string> options;
    for (int k = 0; k < m; ++k) {
      std::string option = "o";
      option += std::to_string(k);
      options.push_back(option);
    }
    c.issues.push_back(OptionsIssue(id, options));
    for (Preferences& p : c.values) {
      std::vector<std::pair<std::string, double>> entries;
      for (const std::string& o : options) entries.emplace_back(o, 5.0 * *rc::gen::inRange(-4, 5));
      p.terms.push_back(Term(id, Table(entries)));
    }
  }
  c.evidence = {MakeEvidence("e0", kRandomToday), MakeEvidence("e1"), MakeEvidence("e2"),
                MakeEvidence("e3")};
  for (Party& p : c.parties) {
    double min = 0, max = 0;
    {
      const PartyValuation v(c, p.id);
      min = v.MinValue();
      max = v.MaxValue();
    }
    p.batna = RandomMoneyBatna(min, max, spec.ranges);
    p.deadline = RandomDeadline();
    RandomPower(p);
  }
  RequireValid(c);
  return c;
}

/// Adds 1..max_members random stakeholders to `party` (ids "PARTY-s0", ...): formal, stance,
/// interest and urgency sometimes unstated (whole numbers in range), a role among the named
/// ones, a free text or none, a veto one time in five, influence ties within the party (weights
/// 0.1 to 0.3, at most 1 per listener), and sometimes a decision rule (one, unanimity, majority,
/// weighted with whole votes and a quota). The case stays valid.
inline void AddRandomStakeholders(Case& c, const std::string& party, int max_members = 5) {
  const int n = *rc::gen::inRange(1, max_members + 1);
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back(party + "-s" + std::to_string(i));
  std::vector<double> heard(n, 0.0);  // per listener: the weight it gives to others
  auto maybe = [](int lo, int hi) -> std::optional<double> {
    if (*rc::gen::inRange(0, 4) == 0) return std::nullopt;
    return static_cast<double>(*rc::gen::inRange(lo, hi + 1));
  };
  static const std::vector<std::string> kRoles{
      "", "economic-buyer", "user", "technical-evaluator", "coach", "blocker", "legal counsel"};
  bool any_formal = false;
  for (int i = 0; i < n; ++i) {
    Stakeholder s;
    s.id = ids[i];
    s.party = party;
    s.title = "member " + std::to_string(i);
    s.formal = maybe(0, 5);
    any_formal = any_formal || s.formal.has_value();
    s.stance = maybe(-2, 2);
    s.interest = maybe(0, 5);
    s.urgency = maybe(0, 5);
    s.role = *rc::gen::elementOf(kRoles);
    s.veto = *rc::gen::inRange(0, 5) == 0;
    for (int x = 0; x < n; ++x) {
      if (x == i || *rc::gen::inRange(0, 3) != 0) continue;
      const double w = *rc::gen::inRange(1, 4) / 10.0;
      if (heard[x] + w > 1) continue;
      heard[x] += w;
      s.influences.push_back({ids[x], w});
    }
    c.stakeholders.push_back(s);
  }
  DecisionRule d;
  d.party = party;
  switch (*rc::gen::inRange(0, 5)) {
    case 0:
      return;  // no rule: the map assumes one
    case 1:
      d.rule = DecisionRuleKind::kOne;
      if (!any_formal) d.decider = *rc::gen::elementOf(ids);
      break;
    case 2:
      d.rule = DecisionRuleKind::kUnanimity;
      break;
    case 3:
      d.rule = DecisionRuleKind::kMajority;
      break;
    default: {
      d.rule = DecisionRuleKind::kWeighted;
      double total = 0;
      for (const std::string& id : ids) {
        const double w = *rc::gen::inRange(0, 4);
        d.weights.emplace_back(id, w);
        total += w;
      }
      if (total == 0) {
        d.weights[0].second = 1;
        total = 1;
      }
      d.quota = static_cast<double>(*rc::gen::inRange(1, static_cast<int>(total) + 1));
    }
  }
  c.decisions.push_back(d);
}

/// A mirror-image case: b is a with the sign of price flipped (price 0..hi, a gains x, b pays
/// x), an options issue whose two values a and b rank in swapped order, sometimes a common-value
/// issue, BATNAs at the same distance from each party's worst deal, and the same deadline,
/// scores and perceived power. Swapping x for hi - x and the two options swaps the parties'
/// utilities exactly.
inline Case RandomMirrorCase() {
  const int m = *rc::gen::inRange(2, 7);
  const double hi = 10.0 * (m - 1);
  const double v1 = 5.0 * *rc::gen::inRange(-3, 4), v2 = 5.0 * *rc::gen::inRange(-3, 4);
  std::vector<Issue> issues = {NumberIssue("price", 0, hi, 10), OptionsIssue("swap", {"x", "y"})};
  std::vector<IssueTerm> a = {Term("price", LinearValue{1}),
                              Term("swap", Table({{"x", v1}, {"y", v2}}))};
  std::vector<IssueTerm> b = {Term("price", LinearValue{-1}),
                              Term("swap", Table({{"x", v2}, {"y", v1}}))};
  if (*rc::gen::inRange(0, 2) == 0) {
    issues.push_back(OptionsIssue("common", {"p", "q", "r"}));
    const auto f = Table({{"p", 5.0 * *rc::gen::inRange(-2, 3)},
                          {"q", 5.0 * *rc::gen::inRange(-2, 3)},
                          {"r", 5.0 * *rc::gen::inRange(-2, 3)}});
    a.push_back(Term("common", f));
    b.push_back(Term("common", f));
  }
  Case c = TwoMoneyParties(issues, a, b);
  c.title = "mirror";
  c.evidence = {MakeEvidence("e0", kRandomToday), MakeEvidence("e1"), MakeEvidence("e2"),
                MakeEvidence("e3")};
  double min_a = 0, max_a = 0;
  {
    const PartyValuation v(c, "a");
    min_a = v.MinValue();
    max_a = v.MaxValue();
  }
  Party& pa = c.parties[0];
  pa.batna = RandomMoneyBatna(min_a, max_a, true);
  pa.deadline = RandomDeadline();
  RandomPower(pa);
  Party& pb = c.parties[1];
  pb.batna = pa.batna;
  pb.deadline = pa.deadline;
  pb.power = pa.power;
  pb.perceived_power = pa.perceived_power;
  // b's worst deal is worth hi less than a's worst, so the same distance is hi lower.
  if (pb.batna && pb.batna->value) *pb.batna->value -= hi;
  if (pb.batna && pb.batna->range) {
    pb.batna->range->first -= hi;
    pb.batna->range->second -= hi;
  }
  RequireValid(c);
  return c;
}

}  // namespace parley::testing
