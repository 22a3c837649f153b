// Tests of the case writer: random valid cases (awkward strings, ids that look like numbers or
// booleans, every value form) survive WriteCaseYaml / WriteCaseJson then ReadCaseText unchanged;
// WriteFileAtomically and ReadFile.
#include "parley/io/case_writer.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/core/limits.h"
#include "parley/io/case_reader.h"
#include "parley/io/file.h"
#include "testing/error_code.h"
#include "testing/files.h"

namespace parley::io {
namespace {

namespace fs = std::filesystem;

// --- Generators of valid cases.

std::string Repeated(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t k = 0; k < times; ++k) out += text;
  return out;
}

// Strings that a careless YAML writer gets wrong: they read back as numbers, booleans, null,
// maps, comments, anchors or tags, or hold quotes, escapes and non-ASCII text.
const std::vector<std::string>& AwkwardStrings() {
  static const std::vector<std::string> kStrings = {
      "19'' LCD", "true", "false", "True", "044", "1.50", "-0", "+1", "1e5", "0x10", "0o17",
      "1_000", ".inf", "-.inf", ".nan", "NaN", "Infinity", "a: b", "a:b", "key: value", "a, b",
      "a #b", "#hash", "null", "Null", "~", "yes", "No", "on", "OFF", "y", "n", "-", "- dash",
      "---", "...", "[x]", "{y}", "*star", "&anchor", "!tag", "%pct", "@at", "`tick", "|", ">", "?",
      ":", "=", "<<", "'", "\"", "quote \" inside", "back\\slash", " leading space",
      "trailing space ", "multi\nline", "tab\there", "cr\rhere", "Zürich", "日本語", "emoji 😀",
      "\u00a0nbsp", "2026-12-31", "12:30", "weight", "table", "linear", "points", "constant",
      "format", "id", "plain words", "Net 30 (EUR)", "a/b.c,d",
      // At the limit on an id or option: 200
      // characters, of one and of four bytes.
      std::string(kLimits.name_length.value, 'x'), Repeated("😀", kLimits.name_length.value)};
  return kStrings;
}

// Any text a case may hold: awkward strings, or random characters (ASCII, tab and newline, and a
// few multibyte ones; other control characters are refused by the reader, see case_reader_test).
rc::Gen<std::string> AnyText() {
  return rc::gen::oneOf(
      rc::gen::elementOf(AwkwardStrings()),
      rc::gen::map(rc::gen::container<std::vector<std::string>>(rc::gen::element<std::string>(
                       "a", "b", "Z", "0", "9", " ", ":", "-", "#", "'", "\"", "\\", "\n", "\t",
                       "[", "{", ",", "é", "€", "😀", "&", "*", "!", "%")),
                   [](const std::vector<std::string>& parts) {
                     std::string s;
                     for (const std::string& p : parts) s += p;
                     return s;
                   }));
}

rc::Gen<std::string> NonEmptyText() {
  return rc::gen::suchThat(AnyText(), [](const std::string& s) { return !s.empty(); });
}

// Ids: [a-z0-9_-]+, including ones that look like numbers, booleans or null.
rc::Gen<std::string> AnyId() {
  return rc::gen::oneOf(rc::gen::element<std::string>(
                            "044", "true", "false", "null", "y", "n", "no", "on", "-", "--", "_",
                            "1", "0", "1e5", "0x10", "inf", "nan", "2026-12-31", "a-b", "x_1"),
                        rc::gen::nonEmpty(rc::gen::container<std::string>(
                            rc::gen::element('a', 'b', 'c', 'x', 'z', '0', '7', '-', '_'))));
}

// Finite numbers: small integers, decimals, huge and tiny magnitudes, any finite double.
rc::Gen<double> AnyNumber() {
  return rc::gen::oneOf(
      rc::gen::map(rc::gen::inRange(-1000000, 1000001), [](int i) { return i * 1.0; }),
      rc::gen::map(rc::gen::inRange(-100000, 100001), [](int i) { return i / 100.0; }),
      rc::gen::element(0.1, 1e20, -1e20, 1e300, 5e-324, 1e-7, 123456789.125, -0.0,
                       9007199254740993.0, 0.30000000000000004),
      rc::gen::map(rc::gen::arbitrary<std::uint64_t>(), [](std::uint64_t bits) {
        double x;
        std::memcpy(&x, &bits, sizeof x);
        return std::isfinite(x) ? x : 1.5;
      }));
}

rc::Gen<double> InRange(double lo, double hi) {
  return rc::gen::oneOf(rc::gen::element(lo, hi),
                        rc::gen::map(rc::gen::inRange(0, 1001),
                                     [lo, hi](int k) { return lo + (hi - lo) * k / 1000.0; }));
}

rc::Gen<std::string> AnyDate() {
  return rc::gen::element<std::string>("", "2026-12-31", "2024-02-29", "2000-01-01", "1999-07-15");
}

// Distinct ids for `count` objects (the fallback prefix 'k' never comes out of AnyId).
std::vector<std::string> DistinctIds(std::size_t count) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  int fallback = 0;
  while (ids.size() < count) {
    std::string id = *AnyId();
    if (seen.count(id) != 0) id = "k" + std::to_string(fallback++);
    seen.insert(id);
    ids.push_back(id);
  }
  return ids;
}

Issue GenIssue(const std::string& id) {
  Issue issue;
  issue.id = id;
  if (*rc::gen::arbitrary<bool>()) issue.name = *AnyText();
  if (*rc::gen::inRange(0, 4) == 0) issue.description = *AnyText();
  if (*rc::gen::arbitrary<bool>()) {
    issue.kind = IssueKind::kNumber;
    if (*rc::gen::arbitrary<bool>()) issue.unit = *AnyText();
    issue.step = *rc::gen::element(1.0, 0.5, 0.1, 2.5, 1000.0, 1e-3, 1e6, 0.3);
    issue.lo = *rc::gen::oneOf(
        rc::gen::element(0.0, -50.0, 90000.0, 0.1, 1e9),
        rc::gen::map(rc::gen::inRange(-1000, 1000), [](int i) { return i * 0.25; }));
    const double n = *rc::gen::oneOf(rc::gen::inRange(1, 50), rc::gen::inRange(1, 1000000000));
    issue.hi = issue.lo + (n - 1) * issue.step + *rc::gen::element(0.0, 0.0, 0.4) * issue.step;
    if (issue.ValueCount() == 0) issue.hi = issue.lo;
  } else {
    issue.kind = IssueKind::kOptions;
    const auto options = *rc::gen::unique<std::vector<std::string>>(NonEmptyText());
    issue.options = options.empty() ? std::vector<std::string>{"only"} : options;
    if (issue.options.size() > 8) issue.options.resize(8);
  }
  return issue;
}

// A valid value of an issue.
IssueValue GenValue(const Issue& issue) {
  const std::uint64_t count = issue.ValueCount();
  const std::uint64_t k = *rc::gen::oneOf(rc::gen::just<std::uint64_t>(0), rc::gen::just(count - 1),
                                          rc::gen::inRange<std::uint64_t>(0, count));
  if (issue.kind == IssueKind::kOptions) return issue.options[k];
  return issue.NumberAt(k);
}

// A package over distinct issues, in random order.
Package GenPackage(const std::vector<Issue>& issues) {
  Package package;
  for (const Issue& issue : issues) {
    if (*rc::gen::arbitrary<bool>()) package.emplace_back(issue.id, GenValue(issue));
  }
  std::shuffle(package.begin(), package.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
  return package;
}

TableValue GenTable(const Issue& issue, bool unit) {
  TableValue t;
  for (const std::string& option : issue.options) {
    if (*rc::gen::inRange(0, 3) == 0) continue;
    t.entries.emplace_back(option, unit ? *InRange(0, 1) : *AnyNumber());
  }
  std::shuffle(t.entries.begin(), t.entries.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
  return t;
}

// A number of a points table: any finite number within +-4e299, so the step between two points
// stays computable (within 1e300, the checker's limit).
rc::Gen<double> PointNumber() {
  return rc::gen::map(AnyNumber(), [](double x) { return std::clamp(x, -4e299, 4e299); });
}

PointsValue GenPoints(bool unit) {
  auto xs = *rc::gen::nonEmpty(rc::gen::container<std::vector<double>>(PointNumber()));
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end(), [](double a, double b) { return a == b; }), xs.end());
  PointsValue p;
  for (double x : xs) p.points.emplace_back(x, unit ? *InRange(0, 1) : *PointNumber());
  return p;
}

Preferences GenPreferences(const std::string& party, const std::vector<Issue>& issues,
                           ValueForm form) {
  Preferences prefs;
  prefs.party = party;
  prefs.form = form;
  if (form == ValueForm::kRectangles) {
    RectangleUtility r;
    r.max_utility = *rc::gen::element(1.0, 10.0, 0.5, 123.25);
    r.weight = *rc::gen::element(1.0, 0.8, 0.0, 2.5);
    const int boxes = *rc::gen::inRange(0, 4);
    for (int b = 0; b < boxes; ++b) {
      UtilityBox box;
      box.utility = *AnyNumber();
      for (const Issue& issue : issues) {
        if (issue.kind != IssueKind::kNumber) continue;
        const int where = *rc::gen::inRange(0, 3);
        if (where == 0) continue;
        const double a = *AnyNumber(), b2 = *AnyNumber();
        IssueBound bound{issue.id, std::min(a, b2), std::max(a, b2)};
        (where == 1 ? box.include : box.exclude).push_back(bound);
      }
      r.boxes.push_back(box);
    }
    prefs.rectangles = r;
    return prefs;
  }
  const bool utility = form == ValueForm::kUtility;
  // A utility-form party values at least one issue: an empty map of values is read as money
  // (the file has no other way to say which form an empty map is in).
  const std::size_t must =
      utility ? *rc::gen::inRange<std::size_t>(0, issues.size()) : issues.size();
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Issue& issue = issues[i];
    if (i != must && *rc::gen::inRange(0, 4) == 0) continue;
    IssueTerm term;
    term.issue = issue.id;
    term.weight = utility ? *InRange(0, 1.5) : 1.0;
    if (issue.kind == IssueKind::kOptions) {
      term.evaluator = GenTable(issue, utility);
    } else if (!utility) {
      if (*rc::gen::arbitrary<bool>()) {
        term.evaluator = LinearValue{*AnyNumber()};
      } else {
        term.evaluator = GenPoints(false);
      }
    } else {
      switch (*rc::gen::inRange(0, 4)) {
        case 0:
          term.evaluator = ClampedLinearValue{*AnyNumber(), *AnyNumber(), *AnyNumber()};
          break;
        case 1: {
          std::vector<double> c = {*AnyNumber(), *AnyNumber(), *AnyNumber()};
          std::sort(c.begin(), c.end());
          term.evaluator = TriangularValue{c[0], c[2], c[1]};
          break;
        }
        case 2:
          term.evaluator = ConstantValue{*InRange(0, 1)};
          break;
        default:
          term.evaluator = GenPoints(true);
          break;
      }
    }
    prefs.terms.push_back(term);
  }
  std::shuffle(prefs.terms.begin(), prefs.terms.end(),
               std::mt19937(*rc::gen::arbitrary<unsigned>()));
  return prefs;
}

std::vector<std::string> EvidenceRefs(const std::vector<std::string>& evidence_ids) {
  std::vector<std::string> refs;
  if (evidence_ids.empty()) return refs;
  const int n = *rc::gen::inRange(0, 3);
  for (int i = 0; i < n; ++i) refs.push_back(*rc::gen::elementOf(evidence_ids));
  return refs;
}

Case GenCase() {
  Case c;
  c.title = *NonEmptyText();
  if (*rc::gen::arbitrary<bool>()) c.context = static_cast<Context>(*rc::gen::inRange(0, 6));
  if (*rc::gen::arbitrary<bool>())
    c.relationship = static_cast<Relationship>(*rc::gen::inRange(0, 2));
  if (*rc::gen::arbitrary<bool>()) c.culture = static_cast<Culture>(*rc::gen::inRange(0, 2));
  if (*rc::gen::arbitrary<bool>()) c.currency = *AnyText();
  if (*rc::gen::inRange(0, 3) == 0) c.description = *AnyText();

  const std::size_t party_count = *rc::gen::inRange<std::size_t>(2, 5);
  const std::size_t issue_count = *rc::gen::inRange<std::size_t>(1, 5);
  const std::size_t evidence_count = *rc::gen::inRange<std::size_t>(0, 4);
  const std::size_t stakeholder_count = *rc::gen::inRange<std::size_t>(0, 4);
  const std::vector<std::string> ids =
      DistinctIds(party_count + issue_count + evidence_count + stakeholder_count);
  auto next_id = ids.begin();

  std::vector<std::string> party_ids, evidence_ids, stakeholder_ids;
  for (std::size_t i = 0; i < party_count; ++i) party_ids.push_back(*next_id++);
  for (std::size_t i = 0; i < issue_count; ++i) c.issues.push_back(GenIssue(*next_id++));
  for (std::size_t i = 0; i < evidence_count; ++i) evidence_ids.push_back(*next_id++);
  for (std::size_t i = 0; i < stakeholder_count; ++i) stakeholder_ids.push_back(*next_id++);

  // Values: each party states money, utility or rectangles values, or none. Rectangles come
  // after the others, as the reader lists them (the `rectangles` section follows `values`).
  std::vector<ValueForm> forms(party_count);
  std::vector<bool> states(party_count);
  for (std::size_t i = 0; i < party_count; ++i) {
    states[i] = *rc::gen::inRange(0, 4) != 0;
    forms[i] = *rc::gen::element(ValueForm::kMoney, ValueForm::kMoney, ValueForm::kUtility,
                                 ValueForm::kUtility, ValueForm::kRectangles);
  }
  std::vector<std::size_t> order(party_count);
  for (std::size_t i = 0; i < party_count; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
  std::stable_partition(order.begin(), order.end(),
                        [&](std::size_t i) { return forms[i] != ValueForm::kRectangles; });
  for (std::size_t i : order) {
    if (states[i]) c.values.push_back(GenPreferences(party_ids[i], c.issues, forms[i]));
  }

  const std::size_t us = *rc::gen::inRange<std::size_t>(0, party_count);
  for (std::size_t i = 0; i < party_count; ++i) {
    Party p;
    p.id = party_ids[i];
    p.side = i == us ? Side::kUs : Side::kThem;
    if (*rc::gen::arbitrary<bool>()) p.name = *AnyText();
    if (*rc::gen::inRange(0, 4) == 0) p.description = *AnyText();
    const bool money = !states[i] || forms[i] == ValueForm::kMoney;
    if (*rc::gen::inRange(0, 3) != 0) {
      Batna b;
      if (*rc::gen::arbitrary<bool>()) b.description = *AnyText();
      if (money) {
        if (*rc::gen::arbitrary<bool>()) {
          b.value = *AnyNumber();
        } else {
          double lo = *AnyNumber(), hi = *AnyNumber();
          if (lo > hi) std::swap(lo, hi);
          b.range = std::make_pair(lo, hi);
        }
        if (*rc::gen::arbitrary<bool>()) {
          b.costs.time = std::fabs(*AnyNumber());
          b.costs.risk = *rc::gen::element(0.0, 5000.0, 0.5);
          b.costs.political = *rc::gen::element(0.0, 1.0);
        }
      } else if (*rc::gen::arbitrary<bool>()) {
        b.utility = *InRange(0, 1);
      } else {
        b.outcome = GenPackage(c.issues);
      }
      b.evidence = EvidenceRefs(evidence_ids);
      p.batna = b;
    }
    if (*rc::gen::arbitrary<bool>()) {
      Deadline d;
      const int kind = *rc::gen::inRange(0, 3);  // a date, `date: none`, `deadline: none`
      if (kind == 0) d.date = *AnyDate();
      d.none = kind != 0;
      if (kind != 2) {
        if (*rc::gen::arbitrary<bool>()) d.cost_per_week = std::fabs(*AnyNumber());
        if (*rc::gen::arbitrary<bool>()) d.discount = *rc::gen::element(1.0, 0.5, 0.95, 1e-9);
        d.evidence = EvidenceRefs(evidence_ids);
      }
      p.deadline = d;
    }
    for (int s = 0; s < kPowerSourceCount; ++s) {
      if (*rc::gen::arbitrary<bool>()) continue;
      PowerScore score;
      score.score = *InRange(0, 5);
      score.evidence = EvidenceRefs(evidence_ids);
      if (*rc::gen::arbitrary<bool>()) score.note = *AnyText();
      p.power[s] = score;
    }
    if (*rc::gen::arbitrary<bool>()) p.perceived_power = *InRange(0, 5);
    c.parties.push_back(p);
  }
  // Dates a party sets for another.
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    const std::size_t dates = *rc::gen::inRange<std::size_t>(0, 3);
    for (std::size_t k = 0; k < dates; ++k) {
      const std::size_t other =
          (i + *rc::gen::inRange<std::size_t>(1, c.parties.size())) % c.parties.size();
      c.parties[i].sets.push_back(
          {*rc::gen::element<std::string>("2026-12-31", "2024-02-29"), c.parties[other].id,
           *rc::gen::arbitrary<bool>() ? *AnyText() : std::string(), EvidenceRefs(evidence_ids)});
    }
  }
  if (c.relationship != Relationship::kOneOff && *rc::gen::arbitrary<bool>()) {
    c.horizon = Horizon{*rc::gen::inRange<std::size_t>(0, kMaxHorizonDeals + 1), *InRange(0, 1)};
  }

  // Floors: grouped by party, at most one per (party, issue), as the file's map of maps holds them.
  for (const std::string& party : party_ids) {
    for (const Issue& issue : c.issues) {
      if (*rc::gen::inRange(0, 4) != 0) continue;
      Floor f;
      f.party = party;
      f.issue = issue.id;
      if (issue.kind == IssueKind::kNumber) {
        // Inside the issue's range: a floor outside it is refused by the check.
        auto inside = [&] {
          return issue.lo + (issue.hi - issue.lo) * *rc::gen::inRange(0, 5) / 4;
        };
        double a = inside(), b = inside();
        if (a > b) std::swap(a, b);
        const int which = *rc::gen::inRange(0, 3);
        if (which != 1) f.min = a;
        if (which != 0) f.max = b;
      } else {
        for (std::size_t k = 0; k + 1 < issue.options.size(); ++k) {
          if (*rc::gen::arbitrary<bool>()) f.exclude.push_back(issue.options[k]);
        }
      }
      f.evidence = EvidenceRefs(evidence_ids);
      c.floors.push_back(f);
    }
  }

  for (const std::string& id : evidence_ids) {
    Evidence e;
    e.id = id;
    e.kind = static_cast<EvidenceKind>(*rc::gen::inRange(0, 8));
    e.claim = *NonEmptyText();
    if (*rc::gen::arbitrary<bool>()) e.source = *AnyText();
    e.date = *AnyDate();
    c.evidence.push_back(e);
  }

  // Ties stay within a party and each listener's incoming weights sum to at most 1.
  std::map<std::string, std::string> party_of;
  for (const std::string& id : stakeholder_ids) party_of[id] = *rc::gen::elementOf(party_ids);
  const double tie_cap =
      1.0 / static_cast<double>(std::max<std::size_t>(1, stakeholder_ids.size()));
  for (const std::string& id : stakeholder_ids) {
    Stakeholder s;
    s.id = id;
    s.party = party_of[id];
    // A named role, a free-text one (any text) or none.
    switch (*rc::gen::inRange(0, 3)) {
      case 0:
        s.role = *rc::gen::elementOf(StakeholderRoleNames());
        break;
      case 1:
        s.role = *AnyText();
        break;
      default:
        break;
    }
    if (*rc::gen::arbitrary<bool>()) s.interest = *InRange(0, 5);
    if (*rc::gen::arbitrary<bool>()) s.urgency = *InRange(0, 5);
    if (*rc::gen::arbitrary<bool>()) s.name = *AnyText();
    if (*rc::gen::arbitrary<bool>()) s.title = *AnyText();
    if (*rc::gen::arbitrary<bool>()) s.formal = *InRange(0, 5);
    s.veto = *rc::gen::arbitrary<bool>();
    if (*rc::gen::arbitrary<bool>()) s.stance = *InRange(-2, 2);
    s.interests = *rc::gen::resize(3, rc::gen::container<std::vector<std::string>>(AnyText()));
    for (const std::string& other : stakeholder_ids) {
      if (other != id && party_of[other] == s.party && *rc::gen::inRange(0, 3) == 0)
        s.influences.push_back({other, *InRange(0, tie_cap)});
    }
    s.evidence = EvidenceRefs(evidence_ids);
    c.stakeholders.push_back(s);
  }

  for (const std::string& party : party_ids) {
    std::vector<std::string> members;
    for (const std::string& id : stakeholder_ids) {
      if (party_of[id] == party) members.push_back(id);
    }
    if (members.empty() || *rc::gen::arbitrary<bool>()) continue;
    DecisionRule d;
    d.party = party;
    d.rule = static_cast<DecisionRuleKind>(*rc::gen::inRange(0, 4));
    if (d.rule == DecisionRuleKind::kOne) d.decider = *rc::gen::elementOf(members);
    if (d.rule == DecisionRuleKind::kMajority)
      d.quota = *rc::gen::inRange(1, static_cast<int>(members.size()) + 1);
    if (d.rule == DecisionRuleKind::kWeighted) {
      for (const std::string& id : members) d.weights.emplace_back(id, *rc::gen::inRange(1, 5));
      d.quota = *rc::gen::inRange(1, static_cast<int>(members.size()) + 1);
    }
    c.decisions.push_back(d);
  }

  const int concessions = *rc::gen::inRange(0, 3);
  for (int i = 0; i < concessions; ++i) {
    Concession con;
    con.item = *NonEmptyText();
    if (*rc::gen::arbitrary<bool>()) con.by = *rc::gen::elementOf(party_ids);
    con.give = GenPackage(c.issues);
    con.get = GenPackage(c.issues);
    if (*rc::gen::arbitrary<bool>()) con.trigger = *AnyText();
    con.date = *AnyDate();
    c.concessions.push_back(con);
  }

  // Offers give every issue a value, in any order; dates never go back.
  std::vector<std::string> dates;
  for (int i = *rc::gen::inRange(0, 4); i > 0; --i) dates.push_back(*AnyDate());
  std::sort(dates.begin(), dates.end());
  for (const std::string& date : dates) {
    Round r;
    r.by = *rc::gen::elementOf(party_ids);
    for (const Issue& issue : c.issues) r.offer.emplace_back(issue.id, GenValue(issue));
    std::shuffle(r.offer.begin(), r.offer.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
    r.date = date;
    if (*rc::gen::arbitrary<bool>()) r.note = *AnyText();
    c.rounds.push_back(r);
  }
  return c;
}

std::string JoinedDiagnostics(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) out += FormatDiagnostic(d) + "\n";
  return out;
}

// The generated case must be valid (warnings allowed), or the property tests nothing. The
// generator's extreme numbers may combine into derived values beyond what the checker lets a
// case hold (a huge coefficient at a huge grid end); such rare cases are discarded.
void AssertValid(const Case& c) {
  const std::vector<CaseProblem> problems = CheckCase(c);
  for (const CaseProblem& p : problems) {
    if (p.message.find("too large to compute with") != std::string::npos) RC_DISCARD("overflow");
  }
  for (const CaseProblem& p : problems) {
    RC_LOG() << FormatCasePath(p.path) << ": " << p.message << "\n";
    RC_ASSERT(p.warning);
  }
}

RC_GTEST_PROP(CaseWriterTest, YamlRoundTrip, ()) {
  const Case c = GenCase();
  AssertValid(c);
  const std::string yaml = WriteCaseYaml(c);
  RC_LOG() << yaml;
  const LoadResult r = ReadCaseText(yaml, "case.yaml");
  RC_LOG() << JoinedDiagnostics(r);
  RC_ASSERT(r.value.has_value());
  RC_ASSERT(!HasErrors(r.diagnostics));
  RC_ASSERT(*r.value == c);
  // Writing what was read gives the same text.
  RC_ASSERT(WriteCaseYaml(*r.value) == yaml);
}

RC_GTEST_PROP(CaseWriterTest, JsonRoundTrip, ()) {
  const Case c = GenCase();
  AssertValid(c);
  const std::string json = WriteCaseJson(c);
  RC_LOG() << json;
  const LoadResult r = ReadCaseText(json, "case.json");
  RC_LOG() << JoinedDiagnostics(r);
  RC_ASSERT(r.value.has_value());
  RC_ASSERT(!HasErrors(r.diagnostics));
  RC_ASSERT(*r.value == c);
  RC_ASSERT(WriteCaseJson(*r.value) == json);
  // The JSON text is also YAML.
  const LoadResult as_yaml = ReadCaseText(json, "case.yaml", CaseSyntax::kYaml);
  RC_ASSERT(as_yaml.value.has_value());
  RC_ASSERT(*as_yaml.value == c);
}

// --- Fixed examples.

Case SmallCase() {
  Case c;
  c.title = "true";
  c.currency = "EUR";
  Party a;
  a.id = "044";
  a.side = Side::kUs;
  a.name = "19'' LCD";
  Batna b;
  b.value = 100000;
  a.batna = b;
  Party n;
  n.id = "null";
  n.side = Side::kThem;
  c.parties = {a, n};
  Issue screen;
  screen.id = "screen";
  screen.kind = IssueKind::kOptions;
  screen.options = {"19'' LCD", "true", "a: b", "Zürich"};
  Issue price;
  price.id = "price";
  price.kind = IssueKind::kNumber;
  price.lo = 0.1;
  price.hi = 1e20;
  price.step = 1e15;
  c.issues = {screen, price};
  Preferences v;
  v.party = "044";
  v.terms = {{"screen", 1, TableValue{{{"true", 5}, {"a: b", -2.5}}}},
             {"price", 1, LinearValue{1}}};
  c.values = {v};
  return c;
}

TEST(CaseWriterTest, YamlQuotesWhatWouldReadBackDifferently) {
  const std::string yaml = WriteCaseYaml(SmallCase());
  EXPECT_NE(yaml.find("format: parley/1\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("title: \"true\"\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("id: \"044\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("id: \"null\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\"19'' LCD\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\"a: b\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("value: 100000"), std::string::npos) << yaml;  // integral: no fraction
  EXPECT_NE(yaml.find("[0.1, 1e+20]"), std::string::npos) << yaml;
  const LoadResult r = ReadCaseText(yaml, "case.yaml");
  ASSERT_TRUE(r.Ok()) << JoinedDiagnostics(r) << yaml;
  EXPECT_EQ(*r.value, SmallCase());
}

TEST(CaseWriterTest, JsonIsIndentedAndReadsBack) {
  const std::string json = WriteCaseJson(SmallCase());
  EXPECT_EQ(json.rfind("{\n  \"format\": \"parley/1\",\n  \"title\": \"true\",\n", 0), 0u) << json;
  EXPECT_EQ(json.back(), '\n');
  EXPECT_NE(json.find("\"value\": 100000"), std::string::npos) << json;
  const LoadResult r = ReadCaseText(json, "case.json");
  ASSERT_TRUE(r.Ok()) << JoinedDiagnostics(r) << json;
  EXPECT_EQ(*r.value, SmallCase());
}

// --- Files.

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("parley_writer_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

using testing::Slurp;

using testing::CodeOf;

TEST(CaseWriterTest, WriteFileAtomicallyWritesAndReplaces) {
  TempDir dir;
  const fs::path file = dir.path() / "case.yaml";
  WriteFileAtomically(file.string(), "first\n");
  EXPECT_EQ(Slurp(file), "first\n");
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"case.yaml"});  // no temporary file left
  const std::string binary("a\0b\xff\n", 5);
  WriteFileAtomically(file.string(), binary);
  EXPECT_EQ(Slurp(file), binary);
  WriteFileAtomically(file.string(), "");
  EXPECT_EQ(Slurp(file), "");
  EXPECT_EQ(fs::file_size(file), 0u);
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"case.yaml"});
  // A second file beside it.
  WriteFileAtomically((dir.path() / "other.json").string(), "{}");
  EXPECT_EQ(dir.Names(), (std::vector<std::string>{"case.yaml", "other.json"}));
}

TEST(CaseWriterTest, WriteFileAtomicallyRoundTripsACase) {
  TempDir dir;
  const fs::path file = dir.path() / "small.yaml";
  WriteFileAtomically(file.string(), WriteCaseYaml(SmallCase()));
  const LoadResult r = LoadCase(file.string());
  ASSERT_TRUE(r.Ok()) << JoinedDiagnostics(r);
  EXPECT_EQ(*r.value, SmallCase());
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"small.yaml"});
}

TEST(CaseWriterTest, WriteFileAtomicallyFailsWithIo) {
  TempDir dir;
  const fs::path missing = dir.path() / "no" / "such" / "folder" / "case.yaml";
  EXPECT_EQ(CodeOf([&] { WriteFileAtomically(missing.string(), "x"); }), ErrorCode::kIo);
  try {
    WriteFileAtomically(missing.string(), "x");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
  }
  // A folder in the way of the target cannot be replaced by a file; nothing is left behind.
  fs::create_directories(dir.path() / "taken");
  EXPECT_EQ(CodeOf([&] { WriteFileAtomically((dir.path() / "taken").string(), "x"); }),
            ErrorCode::kIo);
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"taken"});
}

TEST(CaseWriterTest, ReadFile) {
  TempDir dir;
  const fs::path file = dir.path() / "f.txt";
  WriteFileAtomically(file.string(), "hello");
  EXPECT_EQ(ReadFile(file.string(), 5), "hello");
  EXPECT_EQ(CodeOf([&] { ReadFile(file.string(), 4); }), ErrorCode::kLimit);
  EXPECT_EQ(CodeOf([&] { ReadFile((dir.path() / "missing").string(), 100); }), ErrorCode::kIo);
  EXPECT_EQ(CodeOf([&] { ReadFile(dir.path().string(), 100); }), ErrorCode::kIo);
}

}  // namespace
}  // namespace parley::io
