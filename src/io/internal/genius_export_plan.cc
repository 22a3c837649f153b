#include "internal/genius_export_plan.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/core/party_valuation.h"

namespace parley::io::internal {

namespace {

bool IsIntegral(double x) {
  return std::isfinite(x) && std::fabs(x) <= 9007199254740992.0 && std::floor(x) == x;
}

const Evaluator* FindEvaluator(const Preferences& p, const std::string& issue) {
  for (const IssueTerm& term : p.terms) {
    if (term.issue == issue) return &term.evaluator;
  }
  return nullptr;
}

const IssueTerm* FindTerm(const Preferences& p, const std::string& issue) {
  for (const IssueTerm& term : p.terms) {
    if (term.issue == issue) return &term;
  }
  return nullptr;
}

// A GENIUS integer evaluator computes clamp(slope (x - lowerbound) + offset, 0, 1).
bool IntegerCompatible(const Evaluator* e, ValueForm form, const Issue& issue) {
  if (e == nullptr || form == ValueForm::kRectangles) return true;
  if (form == ValueForm::kMoney) return std::holds_alternative<LinearValue>(*e);
  if (const auto* l = std::get_if<ClampedLinearValue>(e)) return l->from == issue.lo;
  return std::holds_alternative<ConstantValue>(*e);
}

// A GENIUS real evaluator: linear clamp(p1 x + p0, 0, 1) (a clamped line from any point is
// one, with p0 = offset - slope x from), constant, triangular.
bool RealCompatible(const Evaluator* e, ValueForm form) {
  if (e == nullptr || form == ValueForm::kRectangles) return true;
  if (form == ValueForm::kMoney) return std::holds_alternative<LinearValue>(*e);
  return std::holds_alternative<ClampedLinearValue>(*e) ||
         std::holds_alternative<ConstantValue>(*e) || std::holds_alternative<TriangularValue>(*e);
}

// Why a number issue cannot be a GENIUS real issue: the first party whose evaluator is none of
// GENIUS's real evaluators, in words.
std::string WhyItems(const Case& c, const Issue& issue,
                     const std::vector<const Preferences*>& prefs) {
  for (const Preferences* p : prefs) {
    const Evaluator* e = FindEvaluator(*p, issue.id);
    if (RealCompatible(e, p->form)) continue;
    const char* how =
        std::holds_alternative<PointsValue>(*e) ? "by points (a piecewise line)" : "with a table";
    return PartyName(c, p->party) + " values it " + how + ", which no GENIUS evaluator computes";
  }
  return "";
}

ExportIssue PlanIssue(const Case& c, const Issue& issue,
                      const std::vector<const Preferences*>& prefs,
                      const std::set<std::string>& boxed) {
  ExportIssue out;
  if (issue.kind == IssueKind::kOptions) {
    out.items = issue.options;
    return out;
  }
  const std::uint64_t n = issue.ValueCount();
  bool integer = IsIntegral(issue.lo) && IsIntegral(issue.hi) && issue.step == 1 &&
                 static_cast<double>(n) == issue.hi - issue.lo + 1;
  bool real = true;
  for (const Preferences* p : prefs) {
    const Evaluator* e = FindEvaluator(*p, issue.id);
    integer = integer && IntegerCompatible(e, p->form, issue);
    real = real && RealCompatible(e, p->form);
  }
  if (integer) {
    out.kind = GeniusKind::kInteger;
    out.int_lo = static_cast<std::int64_t>(issue.lo);
    out.int_hi = static_cast<std::int64_t>(issue.hi);
    return out;
  }
  // GENIUS needs a real issue's upper bound above its lower bound: one value is an item.
  if (real && issue.hi > issue.lo) {
    // GENIUS analyses a real issue on 21 points; any other grid keeps its step.
    out.kind = GeniusKind::kReal;
    const bool genius_grid = n == 21 && issue.step == (issue.hi - issue.lo) / 20;
    out.real_step = genius_grid ? 0 : issue.step;
    return out;
  }
  out.why_items = real ? "it has one value, and a GENIUS real issue needs two bounds"
                       : WhyItems(c, issue, prefs);
  if (boxed.count(issue.id) > 0) {
    throw Error(
        ErrorCode::kUsage,
        "issue '" + issue.id +
            "' bounds a box of a non-linear utility, so GENIUS needs it as an integer or a real "
            "issue, but " +
            out.why_items);
  }
  if (n > kMaxExportGridPoints) {
    throw Error(ErrorCode::kUsage,
                "issue '" + issue.id + "' has " + std::to_string(n) +
                    " grid points; GENIUS export "
                    "writes such an issue as discrete items, at most " +
                    std::to_string(kMaxExportGridPoints) +
                    " (use a coarser step, or an integer range with step 1 and linear values)");
  }
  std::set<std::string> seen;
  for (std::uint64_t k = 0; k < n; ++k) {
    out.items.push_back(FormatNumber(issue.NumberAt(k)));
    if (!seen.insert(out.items.back()).second) {
      throw Error(ErrorCode::kUsage, "issue '" + issue.id + "' has two grid points that print as " +
                                         out.items.back() + "; use a coarser step");
    }
  }
  return out;
}

// A constant utility `score` on one issue, in the representation of `x`.
void Constant(const ExportIssue& x, double score, ExportTerm& t) {
  t.evaluations.assign(x.items.size(), score);
  t.offset = score;
  t.ftype = "constant";
  t.parameter0 = score;
}

// Money form: weight span_i / S, evaluation (v - min_i) / span_i.
ExportTerm MoneyTerm(const Case& c, std::size_t i, const ExportIssue& x, const PartyValuation& v,
                     const Evaluator* e, double total_span) {
  ExportTerm t;
  Constant(x, 0, t);
  if (e == nullptr) return t;
  const Issue& issue = c.issues[i];
  const std::uint64_t n = x.kind == GeniusKind::kDiscrete ? x.items.size() : issue.ValueCount();
  std::vector<double> values;
  if (x.kind == GeniusKind::kDiscrete) {
    for (std::uint64_t k = 0; k < n; ++k) values.push_back(v.IssueContribution(i, k));
  } else {
    values = {v.IssueContribution(i, 0), v.IssueContribution(i, n - 1)};  // linear: the ends
  }
  const double min = *std::min_element(values.begin(), values.end());
  const double span = *std::max_element(values.begin(), values.end()) - min;
  if (!(span > 0)) return t;
  t.weight = span / total_span;
  if (x.kind == GeniusKind::kDiscrete) {
    for (std::size_t k = 0; k < t.evaluations.size(); ++k)
      t.evaluations[k] = (values[k] - min) / span;
    return t;
  }
  const double slope = std::get<LinearValue>(*e).slope;  // the plan admits only linear here
  t.slope = slope / span;                                // integer: from the lower bound
  t.offset = (values[0] - min) / span;
  t.ftype = "linear";  // real: from 0
  t.parameter1 = slope / span;
  t.parameter0 = -min / span;
  return t;
}

ExportTerm UtilityTerm(const Issue& issue, const ExportIssue& x, const IssueTerm* term) {
  ExportTerm t;
  Constant(x, 0, t);
  if (term == nullptr) return t;
  t.weight = term->weight;
  const Evaluator& e = term->evaluator;
  if (x.kind == GeniusKind::kDiscrete) {
    std::vector<double> scores(x.items.size(), 0.0);
    if (const auto* table = std::get_if<TableValue>(&e)) {
      for (const auto& [option, score] : table->entries) {
        const int k = issue.OptionIndex(option);
        if (k >= 0) scores[k] = score;  // a later entry wins, as in PartyValuation
      }
    } else {
      for (std::size_t k = 0; k < scores.size(); ++k)
        scores[k] = EvaluateNumber(e, issue.NumberAt(k));
    }
    // GENIUS divides by the best evaluation: write score / m with weight x m.
    const double m = *std::max_element(scores.begin(), scores.end());
    t.evaluations = scores;
    if (m > 0) {
      for (double& s : t.evaluations) s /= m;
      t.weight *= m;
    }
  } else if (const auto* l = std::get_if<ClampedLinearValue>(&e)) {
    t.slope = l->slope;  // integer: from the lower bound, which the plan checked is `from`
    t.offset = l->offset;
    t.ftype = "linear";  // real: from 0
    t.parameter1 = l->slope;
    t.parameter0 = l->from == 0 ? l->offset : l->offset - l->slope * l->from;
  } else if (const auto* k = std::get_if<ConstantValue>(&e)) {
    Constant(x, k->score, t);
  } else if (const auto* tri = std::get_if<TriangularValue>(&e)) {
    t.ftype = "triangular";
    t.parameter0 = tri->lower;
    t.parameter1 = tri->upper;
    t.parameter2 = tri->top;
  }
  return t;
}

ExportProfile PlanProfile(const Case& c, const Preferences& p,
                          const std::vector<ExportIssue>& issues) {
  const PartyValuation v(c, p.party);
  ExportProfile out;
  out.party = p.party;
  if (p.form == ValueForm::kRectangles) {
    out.nonlinear = true;
    out.rectangles = p.rectangles;
  } else {
    const double total_span = v.MaxValue() - v.MinValue();
    const double scale = std::max({1.0, std::fabs(v.MaxValue()), std::fabs(v.MinValue())});
    const bool flat = p.form == ValueForm::kMoney && total_span <= 1e-12 * scale;
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      ExportTerm t;
      if (flat) {
        // Every deal is worth the same: utility 1 everywhere, as PartyValuation says.
        Constant(issues[i], 1, t);
        t.weight = i == 0 ? 1 : 0;
      } else if (p.form == ValueForm::kMoney) {
        t = MoneyTerm(c, i, issues[i], v, FindEvaluator(p, c.issues[i].id), total_span);
      } else {
        t = UtilityTerm(c.issues[i], issues[i], FindTerm(p, c.issues[i].id));
      }
      out.terms.push_back(std::move(t));
    }
  }
  const Party* party = c.FindParty(p.party);
  if (party != nullptr && party->batna) {
    const double r = p.form == ValueForm::kMoney ? v.DisagreementUtility() : v.ReservationValue();
    out.reservation = std::clamp(r, 0.0, 1.0);
  }
  if (party != nullptr && party->deadline && party->deadline->discount) {
    out.discount = party->deadline->discount;
  }
  return out;
}

}  // namespace

ExportPlan PlanGeniusExport(const Case& c) {
  for (const CaseProblem& problem : CheckCase(c)) {
    if (problem.warning) continue;
    throw Error(
        ErrorCode::kInvalidInput,
        "cannot export an invalid case: " + FormatCasePath(problem.path) + ": " + problem.message);
  }
  std::vector<const Preferences*> prefs;
  const Party& us = c.Us();
  if (const Preferences* p = c.FindValues(us.id)) prefs.push_back(p);
  for (const Party& party : c.parties) {
    const Preferences* p = c.FindValues(party.id);
    if (party.id != us.id && p != nullptr) prefs.push_back(p);
  }
  if (prefs.size() < 2) {
    throw Error(ErrorCode::kUsage, "a GENIUS scenario needs two profiles, but only " +
                                       std::to_string(prefs.size()) + " party states values");
  }
  std::set<std::string> boxed;
  for (const Preferences* p : prefs) {
    if (!p->rectangles) continue;
    for (const UtilityBox& box : p->rectangles->boxes) {
      for (const IssueBound& b : box.include) boxed.insert(b.issue);
      for (const IssueBound& b : box.exclude) boxed.insert(b.issue);
    }
  }
  ExportPlan plan;
  for (const Issue& issue : c.issues) plan.issues.push_back(PlanIssue(c, issue, prefs, boxed));
  for (const Preferences* p : prefs) plan.profiles.push_back(PlanProfile(c, *p, plan.issues));
  plan.warnings = GeniusExportWarnings(c, plan);
  return plan;
}

}  // namespace parley::io::internal
