#pragma once

// Small builders for the parts of a Case, shared by the tests.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"

namespace parley::testing {

/// A number issue on the grid lo, lo + step, ... <= hi.
inline Issue NumberIssue(const std::string& id, double lo, double hi, double step) {
  Issue issue;
  issue.id = id;
  issue.kind = IssueKind::kNumber;
  issue.lo = lo;
  issue.hi = hi;
  issue.step = step;
  return issue;
}

/// An options issue.
inline Issue OptionsIssue(const std::string& id, std::vector<std::string> options) {
  Issue issue;
  issue.id = id;
  issue.kind = IssueKind::kOptions;
  issue.options = std::move(options);
  return issue;
}

/// A party with an id and a side only.
inline Party MakeParty(const std::string& id, Side side) {
  Party p;
  p.id = id;
  p.side = side;
  return p;
}

/// One issue's term of a party's values (the weight matters in utility form only).
inline IssueTerm Term(const std::string& issue, Evaluator e, double weight = 1) {
  IssueTerm t;
  t.issue = issue;
  t.evaluator = std::move(e);
  t.weight = weight;
  return t;
}

/// Money-form values of `party` (values in the case's currency, summed over issues).
inline Preferences MoneyValues(const std::string& party, std::vector<IssueTerm> terms) {
  Preferences p;
  p.party = party;
  p.form = ValueForm::kMoney;
  p.terms = std::move(terms);
  return p;
}

/// Utility-form values of `party` (weight x score per issue).
inline Preferences UtilityValues(const std::string& party, std::vector<IssueTerm> terms) {
  Preferences p;
  p.party = party;
  p.form = ValueForm::kUtility;
  p.terms = std::move(terms);
  return p;
}

/// An options evaluator: option -> value (money) or score (utility).
inline TableValue Table(std::vector<std::pair<std::string, double>> entries) {
  TableValue t;
  t.entries = std::move(entries);
  return t;
}

/// A money BATNA known exactly.
inline Batna MoneyBatna(double value, std::vector<std::string> evidence = {}) {
  Batna b;
  b.value = value;
  b.evidence = std::move(evidence);
  return b;
}

/// A money BATNA known only as a range [lo, hi] (sampled uniformly).
inline Batna MoneyBatnaRange(double lo, double hi, std::vector<std::string> evidence = {}) {
  Batna b;
  b.range = std::make_pair(lo, hi);
  b.evidence = std::move(evidence);
  return b;
}

/// A deadline: an ISO date, or `date: none` when empty, and a money cost of delay per week
/// (unset when < 0).
inline Deadline MakeDeadline(const std::string& date, double cost_per_week = -1,
                             std::vector<std::string> evidence = {}) {
  Deadline d;
  d.date = date;
  d.none = date.empty();
  if (cost_per_week >= 0) d.cost_per_week = cost_per_week;
  d.evidence = std::move(evidence);
  return d;
}

/// One power source's score (0..5) with the evidence behind it.
inline PowerScore Score(double score, std::vector<std::string> evidence = {}) {
  PowerScore s;
  s.score = score;
  s.evidence = std::move(evidence);
  return s;
}

/// A piece of evidence, optionally dated (YYYY-MM-DD).
inline Evidence MakeEvidence(const std::string& id, const std::string& date = "") {
  Evidence e;
  e.id = id;
  e.claim = "claim " + id;
  e.date = date;
  return e;
}

/// A floor of `party` on a number issue: at least `min` and at most `max` (each optional).
inline Floor NumberFloor(const std::string& party, const std::string& issue,
                         std::optional<double> min, std::optional<double> max,
                         std::vector<std::string> evidence = {}) {
  Floor f;
  f.party = party;
  f.issue = issue;
  f.min = min;
  f.max = max;
  f.evidence = std::move(evidence);
  return f;
}

/// A case with two money-form parties, "a" (us) and "b" (them), over `issues`, neither under
/// any time pressure (`deadline: none`).
inline Case TwoMoneyParties(std::vector<Issue> issues, std::vector<IssueTerm> a,
                            std::vector<IssueTerm> b) {
  Case c;
  c.title = "two parties";
  c.currency = "USD";
  c.parties = {MakeParty("a", Side::kUs), MakeParty("b", Side::kThem)};
  for (Party& p : c.parties) {
    p.deadline = Deadline{};
    p.deadline->none = true;  // `deadline: none`: no time pressure unless a test adds some
  }
  c.issues = std::move(issues);
  c.values = {MoneyValues("a", std::move(a)), MoneyValues("b", std::move(b))};
  return c;
}

/// Removes every piece of evidence from `c` and every citation of one.
inline void StripEvidence(Case& c) {
  c.evidence.clear();
  for (Party& p : c.parties) {
    if (p.batna) p.batna->evidence.clear();
    if (p.deadline) p.deadline->evidence.clear();
    for (ImposedDate& d : p.sets) d.evidence.clear();
    for (auto& s : p.power) {
      if (s) s->evidence.clear();
    }
  }
  for (Floor& f : c.floors) f.evidence.clear();
  for (Stakeholder& s : c.stakeholders) s.evidence.clear();
}

}  // namespace parley::testing
