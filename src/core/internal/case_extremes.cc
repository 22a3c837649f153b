#include "internal/case_extremes.h"

#include <cmath>
#include <string>

#include "parley/core/limits.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::internal {
namespace {

// "1,000" for a limit's value in a message.
std::string Grouped(std::size_t n) { return text::GroupDigits(std::to_string(n)); }

void CheckLimit(std::vector<CaseProblem>& out, CasePath path, std::size_t count,
                const Limit& limit) {
  if (count <= limit.value) return;
  out.push_back({std::move(path),
                 Grouped(count) + " " + limit.name + "; the limit is " + Grouped(limit.value) +
                     " (see \"Limits\" in the case format)",
                 "", true, false});
}

// Table entries and points of one party's values, or its boxes.
std::size_t ValueEntries(const Preferences& prefs) {
  std::size_t n = prefs.rectangles ? prefs.rectangles->boxes.size() : 0;
  for (const IssueTerm& term : prefs.terms) {
    std::size_t entries = 1;  // a linear or other one-line evaluator
    if (const auto* table = std::get_if<TableValue>(&term.evaluator)) {
      entries = table->entries.size();
    } else if (const auto* points = std::get_if<PointsValue>(&term.evaluator)) {
      entries = points->points.size();
    }
    n += entries;
  }
  return n;
}

// Unicode code points of UTF-8 text: its bytes that do not continue a character. O(bytes).
std::size_t CodePoints(const std::string& text) {
  std::size_t n = 0;
  for (const char ch : text) n += (static_cast<unsigned char>(ch) & 0xc0) != 0x80 ? 1 : 0;
  return n;
}

// Every id and option against kLimits.name_length (the path built only for a problem).
void CheckNameLengths(std::vector<CaseProblem>& out, const Case& c) {
  auto check = [&](const char* list, std::size_t i, const std::string& id) {
    if (id.size() <= kLimits.name_length.value) return;  // bytes >= code points
    CheckLimit(out, {list, i, "id"}, CodePoints(id), kLimits.name_length);
  };
  for (std::size_t i = 0; i < c.parties.size(); ++i) check("parties", i, c.parties[i].id);
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    check("issues", i, c.issues[i].id);
    const std::vector<std::string>& options = c.issues[i].options;
    for (std::size_t k = 0; k < options.size(); ++k) {
      if (options[k].size() <= kLimits.name_length.value) continue;
      CheckLimit(out, {"issues", i, "options", k}, CodePoints(options[k]), kLimits.name_length);
    }
  }
  for (std::size_t i = 0; i < c.evidence.size(); ++i) check("evidence", i, c.evidence[i].id);
  for (std::size_t i = 0; i < c.stakeholders.size(); ++i) {
    check("stakeholders", i, c.stakeholders[i].id);
  }
}

// The largest magnitude a derived number may have: far beyond any amount a person writes, and
// low enough that an analysis can add up a million of them (a mean over up to 10^6 sampled
// BATNAs) and stay finite; 1.8e308, the largest double, left no room (power printed inf and nan).
constexpr double kMaxMagnitude = 1e302;
constexpr const char* kTooLarge = "too large to compute with (beyond +-1e302); use smaller numbers";

// `x` is finite and within kMaxMagnitude.
bool Computable(double x) { return std::isfinite(x) && std::fabs(x) <= kMaxMagnitude; }

// Money form: each issue's values at the grid's ends, and between adjacent `points`.
void CheckMoneyTerms(std::vector<CaseProblem>& out, const Case& c, const Preferences& prefs,
                     const PartyValuation& v) {
  for (const IssueTerm& term : prefs.terms) {
    const int i = c.IssueIndex(term.issue);
    if (i < 0 || c.issues[i].kind != IssueKind::kNumber) continue;
    const Issue& issue = c.issues[i];
    const CasePath path = {"values", prefs.party, term.issue};
    for (const std::uint64_t k : {std::uint64_t{0}, issue.ValueCount() - 1}) {
      if (!Computable(v.IssueContribution(i, k))) {
        out.push_back({path,
                       "the value of '" + term.issue + "' at " + FormatNumber(issue.NumberAt(k)) +
                           " to party '" + prefs.party + "' is " + kTooLarge,
                       "", false, false});
        return;
      }
    }
    if (const auto* points = std::get_if<PointsValue>(&term.evaluator)) {
      for (std::size_t k = 1; k < points->points.size(); ++k) {
        if (!Computable(points->points[k].second - points->points[k - 1].second) ||
            !Computable(points->points[k].first - points->points[k - 1].first)) {
          out.push_back({{"values", prefs.party, term.issue, "points", k},
                         "the step from the previous point is " + std::string(kTooLarge),
                         "",
                         false,
                         false});
          return;
        }
      }
    }
  }
}

void CheckMoneyParty(std::vector<CaseProblem>& out, const Case& c, std::size_t index,
                     const Preferences& prefs) {
  const std::size_t before = out.size();
  const Party& p = c.parties[index];
  const PartyValuation v(c, p.id);
  CheckMoneyTerms(out, c, prefs, v);
  if (out.size() > before) return;
  const double span = v.MaxValue() - v.MinValue();
  if (!Computable(v.MinValue()) || !Computable(v.MaxValue()) || !Computable(span)) {
    out.push_back({{"values", p.id},
                   "party '" + p.id + "' has deals worth from " + FormatNumber(v.MinValue()) +
                       " to " + FormatNumber(v.MaxValue()) + ": the value range is " + kTooLarge,
                   "",
                   false,
                   false});
    return;
  }
  const auto [lo, hi] = v.ReservationRange();
  if (!Computable(lo) || !Computable(hi) || !Computable(hi - lo) ||
      !Computable(v.ReservationValue())) {
    out.push_back({{"parties", index, "batna"},
                   "the BATNA less its costs is " + std::string(kTooLarge),
                   "",
                   false,
                   false});
  } else if (!Computable(v.DisagreementUtility())) {
    out.push_back({{"parties", index, "batna"},
                   "the BATNA on the scale of party '" + p.id + "''s deals (from " +
                       FormatNumber(v.MinValue()) + " to " + FormatNumber(v.MaxValue()) + ") is " +
                       kTooLarge,
                   "",
                   false,
                   false});
  }
}

void CheckRectangles(std::vector<CaseProblem>& out, const Preferences& prefs) {
  const RectangleUtility& r = *prefs.rectangles;
  double total = 0;
  for (const UtilityBox& box : r.boxes) total += std::fabs(box.utility);
  const double scale = r.weight / r.max_utility;
  if (!Computable(total) || !Computable(scale) || !Computable(total * scale)) {
    out.push_back(
        {{"rectangles", prefs.party},
         "the weight x box utilities / max_utility of party '" + prefs.party + "' is " + kTooLarge,
         "",
         false,
         false});
  }
}

}  // namespace

std::vector<CaseProblem> CheckCaseLimits(const Case& c) {
  std::vector<CaseProblem> out;
  CheckLimit(out, {"parties"}, c.parties.size(), kLimits.parties);
  CheckLimit(out, {"issues"}, c.issues.size(), kLimits.issues);
  CheckLimit(out, {"rounds"}, c.rounds.size(), kLimits.rounds);
  for (std::size_t i = 0; i < c.issues.size(); ++i) {  // the path built only for a problem
    if (c.issues[i].options.size() <= kLimits.options.value) continue;
    CheckLimit(out, {"issues", i, "options"}, c.issues[i].options.size(), kLimits.options);
  }
  for (const Preferences& prefs : c.values) {
    const char* section = prefs.form == ValueForm::kRectangles ? "rectangles" : "values";
    CheckLimit(out, {section, prefs.party}, ValueEntries(prefs), kLimits.value_entries);
  }
  CheckNameLengths(out, c);
  return out;
}

std::vector<CaseProblem> CheckDerivedNumbers(const Case& c) {
  std::vector<CaseProblem> out;
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    const Preferences* prefs = c.FindValues(c.parties[i].id);
    if (prefs == nullptr) continue;
    if (prefs->form == ValueForm::kMoney) CheckMoneyParty(out, c, i, *prefs);
    if (prefs->form == ValueForm::kRectangles && prefs->rectangles) CheckRectangles(out, *prefs);
  }
  return out;
}

}  // namespace parley::internal
