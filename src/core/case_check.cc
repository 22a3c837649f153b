#include "parley/core/case_check.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "internal/case_extremes.h"
#include "internal/stakeholder_check.h"
#include "parley/core/closest_match.h"
#include "parley/core/package.h"
#include "parley/core/party_valuation.h"

namespace parley {

std::string FormatCasePath(const CasePath& path) {
  std::string out;
  for (const auto& element : path) {
    if (const auto* key = std::get_if<std::string>(&element)) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<std::size_t>(element)) + ']';
    }
  }
  return out;
}

bool IsValidId(const std::string& id) {
  if (id.empty()) return false;
  for (char ch : id) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    if (!ok) return false;
  }
  return true;
}

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)),
            d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

// Collects problems while walking a case; the path grows and shrinks with the walk.
class Checker {
 public:
  explicit Checker(const Case& c) : c_(c) {
    for (const Party& p : c.parties) party_ids_.push_back(p.id);
    for (const Issue& i : c.issues) issue_ids_.push_back(i.id);
    for (const Evidence& e : c.evidence) evidence_ids_.push_back(e.id);
    for (const Stakeholder& s : c.stakeholders) stakeholder_ids_.push_back(s.id);
  }

  std::vector<CaseProblem> Run() {
    // A case beyond a size limit gets only those problems: the rules below are not run on it.
    if (auto limits = internal::CheckCaseLimits(c_); !limits.empty()) return limits;
    if (c_.title.empty()) Add({"title"}, "the title is empty; give the case a short title");
    CheckIds();
    CheckSides();
    for (std::size_t i = 0; i < c_.parties.size(); ++i) {
      CheckParty(i);
      CheckImposedDates(i);
    }
    CheckHorizon();
    for (std::size_t i = 0; i < c_.issues.size(); ++i) CheckIssue(i);
    CheckValues();
    for (std::size_t i = 0; i < c_.floors.size(); ++i) CheckFloor(c_.floors[i]);
    for (std::size_t i = 0; i < c_.evidence.size(); ++i) CheckEvidence(i);
    for (std::size_t i = 0; i < c_.stakeholders.size(); ++i) CheckStakeholder(i);
    for (auto* rules : {&internal::CheckInfluenceTies, &internal::CheckDecisionRules}) {
      for (CaseProblem& p : rules(c_)) problems_.push_back(std::move(p));
    }
    for (std::size_t i = 0; i < c_.concessions.size(); ++i) CheckConcession(i);
    for (std::size_t i = 0; i < c_.rounds.size(); ++i) CheckRound(i);
    if (problems_.empty()) problems_ = internal::CheckDerivedNumbers(c_);
    if (problems_.empty()) {
      WarnBatnaScale();
      WarnFloorsExcludeEachOther();
    }
    return std::move(problems_);
  }

 private:
  void Add(CasePath path, std::string message, std::string hint = "", bool limit = false) {
    problems_.push_back({std::move(path), std::move(message), std::move(hint), limit});
  }

  void Number(const CasePath& path, double x, double lo, double hi, const char* what) {
    if (!std::isfinite(x)) {
      Add(path, std::string(what) + " must be a finite number, not " + FormatNumber(x));
    } else if (x < lo || x > hi) {
      Add(path, std::string(what) + " must be between " + FormatNumber(lo) + " and " +
                    FormatNumber(hi) + ", not " + FormatNumber(x));
    }
  }
  void Finite(const CasePath& path, double x, const char* what) {
    if (!std::isfinite(x))
      Add(path, std::string(what) + " must be a finite number, not " + FormatNumber(x));
  }
  void NonNegative(const CasePath& path, double x, const char* what) {
    if (!std::isfinite(x)) {
      Finite(path, x, what);
    } else if (x < 0) {
      Add(path,
          std::string(what) + " cannot be negative (" + FormatNumber(x) + "); write 0 or more");
    }
  }

  void Ref(const CasePath& path, const std::string& id, const std::vector<std::string>& ids,
           const char* kind) {
    for (const std::string& known : ids) {
      if (known == id) return;
    }
    std::string message = "unknown " + std::string(kind) + " '" + id + "'";
    if (ids.empty()) message += "; the case defines no " + std::string(kind) + " yet";
    // Hints cost O(ids x length^2) each; a hostile file with many bad references gets hints on
    // the first ones only, so checking stays fast.
    Add(path, message, ++hints_ <= kMaxHints ? DidYouMean(id, ids) : "");
  }

  void EvidenceRefs(CasePath path, const std::vector<std::string>& refs) {
    path.push_back("evidence");
    for (std::size_t i = 0; i < refs.size(); ++i) {
      CasePath p = path;
      p.push_back(i);
      Ref(p, refs[i], evidence_ids_, "evidence");
    }
  }

  // O(ids) on average, with no allocation per id beyond the hash table's: the path of the first
  // definition is written only for a duplicate (the interview checks the case after every
  // answer, so this runs O(answers) times).
  void CheckIds() {
    std::unordered_map<std::string_view, std::pair<const char*, std::size_t>> seen;
    seen.reserve(c_.parties.size() + c_.issues.size() + c_.evidence.size() +
                 c_.stakeholders.size());
    auto visit = [&](const char* list, std::size_t i, const std::string& id) {
      if (!IsValidId(id)) {
        Add({list, i, "id"},
            "id '" + id + "' is not valid: use lowercase letters, digits, '-' and '_'");
        return;
      }
      auto [it, inserted] = seen.try_emplace(id, list, i);
      if (!inserted) {
        Add({list, i, "id"}, "duplicate id '" + id + "': already used at " +
                                 FormatCasePath({it->second.first, it->second.second}));
      }
    };
    for (std::size_t i = 0; i < c_.parties.size(); ++i) visit("parties", i, c_.parties[i].id);
    for (std::size_t i = 0; i < c_.issues.size(); ++i) visit("issues", i, c_.issues[i].id);
    for (std::size_t i = 0; i < c_.evidence.size(); ++i) visit("evidence", i, c_.evidence[i].id);
    for (std::size_t i = 0; i < c_.stakeholders.size(); ++i) {
      visit("stakeholders", i, c_.stakeholders[i].id);
    }
  }

  void CheckSides() {
    if (c_.parties.size() < 2) {
      Add({"parties"},
          "a negotiation needs at least two parties; found " + std::to_string(c_.parties.size()));
    }
    if (c_.issues.empty()) Add({"issues"}, "there must be at least one issue to negotiate");
    std::size_t us_count = 0;
    for (std::size_t i = 0; i < c_.parties.size(); ++i) {
      if (c_.parties[i].side != Side::kUs) continue;
      if (++us_count > 1) {
        Add({"parties", i, "side"}, "party '" + c_.parties[i].id +
                                        "' is a second `us` party; exactly one party is `us`, "
                                        "the others are `them`");
      }
    }
    if (us_count == 0 && !c_.parties.empty()) {
      Add({"parties"}, "no party has `side: us`; exactly one party must be `us`");
    }
  }

  void CheckParty(std::size_t index) {
    const Party& p = c_.parties[index];
    const CasePath base = {"parties", index};
    auto at = [&](std::initializer_list<std::variant<std::string, std::size_t>> rest) {
      CasePath path = base;
      path.insert(path.end(), rest.begin(), rest.end());
      return path;
    };
    if (p.perceived_power)
      Number(at({"perceived_power"}), *p.perceived_power, 0, 5, "perceived_power");
    for (int s = 0; s < kPowerSourceCount; ++s) {
      if (!p.power[s]) continue;
      const std::string source = PowerSourceNames()[s];
      Number(at({"power", source, "score"}), p.power[s]->score, 0, 5, "a power score");
      EvidenceRefs(at({"power", source}), p.power[s]->evidence);
    }
    const Preferences* prefs = c_.FindValues(p.id);
    if (p.batna) {
      const Batna& b = *p.batna;
      const int kinds =
          (b.value ? 1 : 0) + (b.range ? 1 : 0) + (b.utility ? 1 : 0) + (b.outcome ? 1 : 0);
      if (kinds != 1) {
        Add(at({"batna"}),
            "a BATNA states exactly one of `value`, `range`, `utility` or `outcome`");
      }
      if (b.value) Finite(at({"batna", "value"}), *b.value, "the BATNA value");
      if (b.range) {
        Finite(at({"batna", "range", std::size_t{0}}), b.range->first, "the range's low end");
        Finite(at({"batna", "range", std::size_t{1}}), b.range->second, "the range's high end");
        if (b.range->first > b.range->second) {
          Add(at({"batna", "range"}), "the range is reversed: write [" +
                                          FormatNumber(b.range->second) + ", " +
                                          FormatNumber(b.range->first) + "]");
        }
      }
      if (b.utility) Number(at({"batna", "utility"}), *b.utility, 0, 1, "a BATNA utility");
      if (b.outcome) {
        for (const std::string& problem : ResolvePackage(c_, Checkable(*b.outcome)).problems) {
          Add(at({"batna", "outcome"}), problem);
        }
      }
      NonNegative(at({"batna", "costs", "time"}), b.costs.time, "a BATNA cost");
      NonNegative(at({"batna", "costs", "risk"}), b.costs.risk, "a BATNA cost");
      NonNegative(at({"batna", "costs", "political"}), b.costs.political, "a BATNA cost");
      const bool money = b.value || b.range;
      if (prefs != nullptr && prefs->form == ValueForm::kMoney && !money && kinds == 1) {
        Add(at({"batna"}), "party '" + p.id +
                               "' states its values in money, so its BATNA needs "
                               "`value` or `range`, not a utility");
      }
      if (prefs != nullptr && prefs->form != ValueForm::kMoney && money) {
        Add(at({"batna"}), "party '" + p.id +
                               "' states its values as utilities, so its BATNA "
                               "needs `utility` or `outcome`, not money");
      }
      if (b.costs.Total() > 0 && !money) {
        Add(at({"batna", "costs"}), "BATNA costs are money and apply only to a `value` or `range`");
      }
      EvidenceRefs(at({"batna"}), b.evidence);
    }
    if (p.deadline) {
      const Deadline& d = *p.deadline;
      if (!d.date.empty() && !IsIsoDate(d.date)) {
        Add(at({"deadline", "date"}), "'" + d.date + "' is not a date; write YYYY-MM-DD");
      }
      if (d.cost_per_week)
        NonNegative(at({"deadline", "cost_per_week"}), *d.cost_per_week, "cost_per_week");
      if (d.discount && !(*d.discount > 0 && *d.discount <= 1)) {
        Add(at({"deadline", "discount"}),
            "a discount factor must be in (0, 1], not " + FormatNumber(*d.discount));
      }
      EvidenceRefs(at({"deadline"}), d.evidence);
    }
  }

  // The dates a party sets for other sides: a date, another party, evidence that exists.
  void CheckImposedDates(std::size_t index) {
    const Party& p = c_.parties[index];
    for (std::size_t k = 0; k < p.sets.size(); ++k) {
      const ImposedDate& d = p.sets[k];
      const CasePath at = {"parties", index, "sets", k};
      auto field = [&](const char* name) {
        CasePath path = at;
        path.push_back(name);
        return path;
      };
      if (!IsIsoDate(d.date))
        Add(field("date"), "'" + d.date + "' is not a date; write YYYY-MM-DD");
      if (d.for_party == p.id) {
        Add(field("for"), "party '" + p.id +
                              "' sets this date for itself; a party's own date is its "
                              "`deadline`, and `sets` names another party");
      } else {
        Ref(field("for"), d.for_party, party_ids_, "party");
      }
      EvidenceRefs(at, d.evidence);
    }
  }

  void CheckHorizon() {
    if (!c_.horizon) return;
    Number({"horizon", "likelihood"}, c_.horizon->likelihood, 0, 1, "a likelihood");
    if (c_.relationship == Relationship::kOneOff && c_.horizon->deals > 0) {
      Add({"horizon", "deals"},
          "a one-off relationship has no future deals, yet the horizon "
          "states " +
              std::to_string(c_.horizon->deals) + "; write `relationship: repeated` or `deals: 0`");
    }
  }

  void CheckIssue(std::size_t index) {
    const Issue& issue = c_.issues[index];
    if (issue.kind == IssueKind::kOptions) {
      if (issue.options.empty())
        Add({"issues", index, "options"}, "an options issue needs at least one option");
      // Listed twice: a scan of the ones before for a short list (no allocation), else a hash
      // set of views. O(options) on average.
      constexpr std::size_t kShortList = 16;
      const std::vector<std::string>& options = issue.options;
      std::unordered_set<std::string_view> seen;
      if (options.size() > kShortList) seen.reserve(options.size());
      auto repeated = [&](std::size_t k) {
        if (options.size() > kShortList) return !seen.insert(options[k]).second;
        return std::find(options.begin(), options.begin() + static_cast<std::ptrdiff_t>(k),
                         options[k]) != options.begin() + static_cast<std::ptrdiff_t>(k);
      };
      for (std::size_t k = 0; k < issue.options.size(); ++k) {
        if (issue.options[k].empty())
          Add({"issues", index, "options", k}, "an option cannot be empty");
        if (repeated(k)) {
          Add({"issues", index, "options", k}, "option '" + issue.options[k] + "' is listed twice");
        }
      }
      return;
    }
    bool ok = true;
    if (!std::isfinite(issue.lo) || !std::isfinite(issue.hi)) {
      Add({"issues", index, "range"}, "the range must be two finite numbers");
      ok = false;
    } else if (issue.lo > issue.hi) {
      Add({"issues", index, "range"}, "the range is reversed: write [" + FormatNumber(issue.hi) +
                                          ", " + FormatNumber(issue.lo) + "]");
      ok = false;
    }
    if (!std::isfinite(issue.step) || issue.step <= 0) {
      Add({"issues", index, "step"},
          "the step must be a number above 0, not " + FormatNumber(issue.step));
      ok = false;
    }
    if (ok && issue.ValueCount() == 0) {
      Add({"issues", index, "step"}, "the step " + FormatNumber(issue.step) +
                                         " makes more than 2^53 grid points on the range; "
                                         "use a coarser step");
    }
  }

  void CheckValues() {
    std::set<std::string> seen;
    for (const Preferences& prefs : c_.values) {
      const char* section = prefs.form == ValueForm::kRectangles ? "rectangles" : "values";
      const CasePath base = {section, prefs.party};
      Ref(base, prefs.party, party_ids_, "party");
      if (!seen.insert(prefs.party).second) {
        Add(base, "party '" + prefs.party +
                      "' states its values twice (in `values` and in "
                      "`rectangles`?); a party uses one form");
      }
      if (prefs.form == ValueForm::kRectangles) {
        CheckRectangles(base, prefs);
        continue;
      }
      std::set<std::string> issues_seen;
      for (const IssueTerm& term : prefs.terms) {
        CasePath path = base;
        path.push_back(term.issue);
        const Issue* issue = c_.FindIssue(term.issue);
        if (issue == nullptr) {
          Ref(path, term.issue, issue_ids_, "issue");
          continue;
        }
        if (!issues_seen.insert(term.issue).second)
          Add(path, "issue '" + term.issue + "' is valued twice");
        CheckTerm(path, prefs.form, *issue, term);
      }
    }
  }

  void CheckTerm(const CasePath& path, ValueForm form, const Issue& issue, const IssueTerm& term) {
    const bool utility = form == ValueForm::kUtility;
    auto sub = [&](std::initializer_list<std::variant<std::string, std::size_t>> rest) {
      CasePath p = path;
      p.insert(p.end(), rest.begin(), rest.end());
      return p;
    };
    if (utility) NonNegative(sub({"weight"}), term.weight, "a weight");
    const double score_hi = utility ? 1 : HUGE_VAL, score_lo = utility ? 0 : -HUGE_VAL;
    const char* what = utility ? "a score" : "a value";
    if (const auto* table = std::get_if<TableValue>(&term.evaluator)) {
      if (issue.kind != IssueKind::kOptions) {
        Add(path, "issue '" + issue.id +
                      "' is a number issue: value it with `linear` or `points`, "
                      "not a table of options");
        return;
      }
      for (const auto& [option, v] : table->entries) {
        const CasePath p = utility ? sub({"table", option}) : sub({option});
        if (!HasOption(issue, option)) {
          Add(p, "issue '" + issue.id + "' has no option '" + option + "'",
              ++hints_ <= kMaxHints ? DidYouMean(option, issue.options) : "");
        }
        Number(p, v, score_lo, score_hi, what);
      }
      return;
    }
    if (issue.kind == IssueKind::kOptions) {
      Add(path,
          "issue '" + issue.id + "' is an options issue: value it with a table of its options");
      return;
    }
    if (const auto* linear = std::get_if<LinearValue>(&term.evaluator)) {
      if (utility)
        Add(path, "a utility-form party values number issues with `linear: {from, slope, offset}`");
      Finite(sub({"linear"}), linear->slope, "the slope");
    } else if (const auto* points = std::get_if<PointsValue>(&term.evaluator)) {
      if (points->points.empty())
        Add(sub({"points"}), "`points` needs at least one [x, value] pair");
      for (std::size_t k = 0; k < points->points.size(); ++k) {
        Finite(sub({"points", k, std::size_t{0}}), points->points[k].first, "x");
        Number(sub({"points", k, std::size_t{1}}), points->points[k].second, score_lo, score_hi,
               what);
        if (k > 0 && !(points->points[k].first > points->points[k - 1].first)) {
          Add(sub({"points", k}), "the x values of `points` must increase strictly");
        }
      }
    } else if (!utility) {
      Add(path,
          "this evaluator is for utility-form parties (with a `weight`); in money form use "
          "`linear: k` or `points`");
    } else if (const auto* cl = std::get_if<ClampedLinearValue>(&term.evaluator)) {
      Finite(sub({"linear", "from"}), cl->from, "from");
      Finite(sub({"linear", "slope"}), cl->slope, "slope");
      Finite(sub({"linear", "offset"}), cl->offset, "offset");
    } else if (const auto* tri = std::get_if<TriangularValue>(&term.evaluator)) {
      Finite(sub({"triangular", "lower"}), tri->lower, "lower");
      Finite(sub({"triangular", "upper"}), tri->upper, "upper");
      Finite(sub({"triangular", "top"}), tri->top, "top");
      if (!(tri->lower <= tri->top && tri->top <= tri->upper)) {
        Add(sub({"triangular"}), "a triangle needs lower <= top <= upper");
      }
    } else if (const auto* constant = std::get_if<ConstantValue>(&term.evaluator)) {
      Number(sub({"constant"}), constant->score, 0, 1, "a score");
    }
  }

  void CheckRectangles(const CasePath& base, const Preferences& prefs) {
    if (!prefs.rectangles) {
      Add(base, "rectangle preferences need `boxes`");
      return;
    }
    const RectangleUtility& r = *prefs.rectangles;
    CasePath p = base;
    p.push_back("max_utility");
    if (!(std::isfinite(r.max_utility) && r.max_utility > 0)) {
      Add(p, "max_utility must be a number above 0, not " + FormatNumber(r.max_utility));
    }
    p.back() = "weight";
    Finite(p, r.weight, "weight");
    for (std::size_t b = 0; b < r.boxes.size(); ++b) {
      CasePath bp = base;
      bp.insert(bp.end(), {std::string("boxes"), b});
      CasePath up = bp;
      up.push_back("utility");
      Finite(up, r.boxes[b].utility, "a box utility");
      for (const char* part : {"include", "exclude"}) {
        const auto& bounds =
            std::string(part) == "include" ? r.boxes[b].include : r.boxes[b].exclude;
        for (const IssueBound& bound : bounds) {
          CasePath ip = bp;
          ip.insert(ip.end(), {std::string(part), bound.issue});
          const Issue* issue = c_.FindIssue(bound.issue);
          if (issue == nullptr) {
            Ref(ip, bound.issue, issue_ids_, "issue");
          } else if (issue->kind != IssueKind::kNumber) {
            Add(ip, "box bounds apply to number issues; '" + bound.issue + "' is an options issue");
          }
          if (!(std::isfinite(bound.min) && std::isfinite(bound.max) && bound.min <= bound.max)) {
            Add(ip, "a bound is [min, max] with finite min <= max");
          }
        }
      }
    }
  }

  void CheckFloor(const Floor& floor) {
    const CasePath base = {"floors", floor.party, floor.issue};
    Ref({"floors", floor.party}, floor.party, party_ids_, "party");
    const Issue* issue = c_.FindIssue(floor.issue);
    if (issue == nullptr) {
      Ref(base, floor.issue, issue_ids_, "issue");
      return;
    }
    CasePath p = base;
    if (issue->kind == IssueKind::kNumber) {
      if (!floor.exclude.empty()) {
        p.push_back("exclude");
        Add(p, "`exclude` applies to options issues; for number issue '" + issue->id +
                   "' use `min` or `max`");
      }
      if (floor.min) {
        CasePath q = base;
        q.push_back("min");
        Finite(q, *floor.min, "min");
        FloorInRange(q, *issue, *floor.min, "min");
      }
      if (floor.max) {
        CasePath q = base;
        q.push_back("max");
        Finite(q, *floor.max, "max");
        FloorInRange(q, *issue, *floor.max, "max");
      }
      if (floor.min && floor.max && *floor.min > *floor.max) {
        Add(base, "the floor's min is above its max");
      }
      if (!floor.min && !floor.max) Add(base, "a floor on a number issue needs `min` or `max`");
    } else {
      if (floor.min || floor.max) {
        Add(base, "`min` and `max` apply to number issues; for options issue '" + issue->id +
                      "' list the options the party will not accept in `exclude`");
      }
      for (std::size_t k = 0; k < floor.exclude.size(); ++k) {
        if (!HasOption(*issue, floor.exclude[k])) {
          CasePath q = base;
          q.insert(q.end(), {std::string("exclude"), k});
          Add(q, "issue '" + issue->id + "' has no option '" + floor.exclude[k] + "'",
              ++hints_ <= kMaxHints ? DidYouMean(floor.exclude[k], issue->options) : "");
        }
      }
      if (floor.exclude.size() >= issue->options.size() && !issue->options.empty()) {
        Add(base, "the floor excludes every option of '" + issue->id + "'; no deal could meet it");
      }
    }
    EvidenceRefs(base, floor.evidence);
  }

  // `package` without its terms on number issues whose range or step is itself wrong (already
  // reported): checking a value against a broken grid would only repeat that error.
  Package Checkable(const Package& package) const {
    Package out;
    for (const auto& term : package) {
      const Issue* issue = c_.FindIssue(term.first);
      if (issue != nullptr && issue->kind == IssueKind::kNumber &&
          (!std::isfinite(issue->lo) || !std::isfinite(issue->hi) || issue->lo > issue->hi ||
           !std::isfinite(issue->step) || issue->step <= 0)) {
        continue;
      }
      out.push_back(term);
    }
    return out;
  }

  // A floor's limit outside its issue's range is refused: no deal can be at it, so the floor
  // either binds nothing or leaves no deal, and either way it is a mistake in the case.
  void FloorInRange(const CasePath& path, const Issue& issue, double x, const char* what) {
    if (!std::isfinite(x) || !std::isfinite(issue.lo) || !std::isfinite(issue.hi) ||
        issue.lo > issue.hi) {
      return;
    }
    const double tolerance = 1e-9 * std::fmax(1.0, std::fabs(issue.step));
    if (x >= issue.lo - tolerance && x <= issue.hi + tolerance) return;
    Add(path, std::string("the floor's ") + what + " " + FormatNumber(x) + " is outside issue '" +
                  issue.id + "', whose values run from " + FormatNumber(issue.lo) + " to " +
                  FormatNumber(issue.hi));
  }

  void CheckEvidence(std::size_t index) {
    const Evidence& e = c_.evidence[index];
    if (e.claim.empty())
      Add({"evidence", index, "claim"}, "evidence needs a `claim`: what it establishes");
    if (!e.date.empty() && !IsIsoDate(e.date)) {
      Add({"evidence", index, "date"}, "'" + e.date + "' is not a date; write YYYY-MM-DD");
    }
    CheckEvidenceFor(index);
  }

  // `for: PARTY` names a party of the case.
  void CheckEvidenceFor(std::size_t index) {
    const Evidence& e = c_.evidence[index];
    if (!e.for_party.empty()) Ref({"evidence", index, "for"}, e.for_party, party_ids_, "party");
  }

  void CheckStakeholder(std::size_t index) {
    const Stakeholder& s = c_.stakeholders[index];
    const CasePath base = {"stakeholders", index};
    Ref({"stakeholders", index, "party"}, s.party, party_ids_, "party");
    if (s.formal) Number({"stakeholders", index, "formal"}, *s.formal, 0, 5, "formal authority");
    if (s.stance) Number({"stakeholders", index, "stance"}, *s.stance, -2, 2, "a stance");
    if (s.interest) Number({"stakeholders", index, "interest"}, *s.interest, 0, 5, "interest");
    if (s.urgency) Number({"stakeholders", index, "urgency"}, *s.urgency, 0, 5, "urgency");
    for (std::size_t k = 0; k < s.influences.size(); ++k) {
      const CasePath p = {"stakeholders", index, "influences", k};
      CasePath on = p;
      on.push_back("on");
      Ref(on, s.influences[k].on, stakeholder_ids_, "stakeholder");
      if (s.influences[k].on == s.id) Add(on, "a stakeholder cannot influence itself");
      CasePath w = p;
      w.push_back("weight");
      Number(w, s.influences[k].weight, 0, 1, "an influence weight");
    }
    EvidenceRefs(base, s.evidence);
  }

  void CheckConcession(std::size_t index) {
    const Concession& con = c_.concessions[index];
    if (con.item.empty())
      Add({"concessions", index, "item"}, "a concession needs an `item`: what it is about");
    if (!con.by.empty()) Ref({"concessions", index, "by"}, con.by, party_ids_, "party");
    if (!con.date.empty() && !IsIsoDate(con.date)) {
      Add({"concessions", index, "date"}, "'" + con.date + "' is not a date; write YYYY-MM-DD");
    }
    for (const char* part : {"give", "get"}) {
      const Package& package = std::string(part) == "give" ? con.give : con.get;
      for (const std::string& problem : ResolvePackage(c_, Checkable(package)).problems) {
        Add({"concessions", index, part}, problem);
      }
    }
  }

  // One offer of `rounds`: a known party, a date in order, and a package that is an outcome.
  void CheckRound(std::size_t index) {
    const Round& r = c_.rounds[index];
    if (r.by.empty()) {
      Add({"rounds", index, "by"}, "an offer needs `by`: the id of the party that made it");
    } else {
      Ref({"rounds", index, "by"}, r.by, party_ids_, "party");
    }
    CheckRoundDate(index);
    const ResolvedPackage resolved = ResolvePackage(c_, Checkable(r.offer));
    for (const std::string& problem : resolved.problems) Add({"rounds", index, "offer"}, problem);
    if (!resolved.problems.empty() || r.offer.size() != Checkable(r.offer).size()) return;
    std::string missing;
    for (std::size_t i = 0; i < c_.issues.size(); ++i) {
      if (!resolved.indices[i]) missing += (missing.empty() ? "" : ", ") + c_.issues[i].id;
    }
    if (!missing.empty()) {
      Add({"rounds", index, "offer"},
          "an offer must give every issue a value; this one leaves out " + missing,
          "write the terms that stood for them, e.g. the current contract's");
    }
  }

  // A round's date is a date, and no earlier than the last dated round before it.
  void CheckRoundDate(std::size_t index) {
    const std::string& date = c_.rounds[index].date;
    if (date.empty()) return;
    if (!IsIsoDate(date)) {
      Add({"rounds", index, "date"}, "'" + date + "' is not a date; write YYYY-MM-DD");
      return;
    }
    for (std::size_t k = index; k-- > 0;) {
      const std::string& before = c_.rounds[k].date;
      if (before.empty() || !IsIsoDate(before)) continue;
      if (date < before) {
        Add({"rounds", index, "date"},
            "rounds go oldest first, but " + date + " comes after an offer dated " + before);
      }
      return;
    }
  }

  void WarnBatnaScale() {
    for (std::size_t i = 0; i < c_.parties.size(); ++i) {
      const Party& p = c_.parties[i];
      const Preferences* prefs = c_.FindValues(p.id);
      if (!p.batna || prefs == nullptr || prefs->form != ValueForm::kMoney) continue;
      const PartyValuation v(c_, p.id);
      if (v.ReservationRange().first <= v.MaxValue()) continue;
      problems_.push_back(
          {{"parties", i, "batna"},
           "party '" + p.id + "' walks away with at least " +
               FormatNumber(v.ReservationRange().first) + ", more than its best possible deal (" +
               FormatNumber(v.MaxValue()) +
               "), so no deal is acceptable to it; if the BATNA is a price paid elsewhere, write "
               "it on the scale of the party's values (a cost as a negative number)",
           "",
           false,
           true});
    }
  }

  // Floors of several parties on one issue, each valid alone, that together leave none of its
  // values: no deal can meet them all (`parley plan` then advises walking away). Likely a
  // figure written wrong, or an estimate of the other side's floor that is too firm, so a
  // warning at the floor that closes the issue, naming every floor on it. Number floors read
  // as analysis::ApplyFloors reads them (FloorIndexRange). O(floors x issues).
  void WarnFloorsExcludeEachOther() {
    for (const Issue& issue : c_.issues) {
      double first = 0, last = static_cast<double>(issue.ValueCount()) - 1;
      std::set<std::string> excluded;
      std::vector<std::string> limits;
      for (const Floor& f : c_.floors) {
        if (f.issue != issue.id) continue;
        std::string limit = f.party + ":";
        if (issue.kind == IssueKind::kNumber) {
          const auto [a, b] = FloorIndexRange(issue, f);
          first = std::max(first, a);
          last = std::min(last, b);
          if (f.min) limit += " min " + FormatNumber(*f.min);
          if (f.max) limit += std::string(f.min ? "," : "") + " max " + FormatNumber(*f.max);
        } else {
          excluded.insert(f.exclude.begin(), f.exclude.end());
          for (std::size_t k = 0; k < f.exclude.size(); ++k) {
            limit += std::string(k == 0 ? " excludes " : ", ") + f.exclude[k];
          }
        }
        limits.push_back(limit);
        const bool none = issue.kind == IssueKind::kNumber
                              ? first > last
                              : excluded.size() >= issue.options.size();
        if (!none) continue;
        std::string all;
        for (const std::string& l : limits) all += (all.empty() ? "" : "; ") + l;
        problems_.push_back({{"floors", f.party, f.issue},
                             "the floors on issue '" + issue.id + "' leave none of its values (" +
                                 all +
                                 "), so no deal can meet them all; check each floor's figure, "
                                 "and how firm the estimate of the other side's floor is",
                             "",
                             false,
                             true});
        break;
      }
    }
  }

  // Whether `issue` lists `option`: O(1) on average through a hash map of the issue's options,
  // built once per issue on first use (Issue::OptionIndex is a linear scan, which made checking
  // a table of every option quadratic in the options).
  bool HasOption(const Issue& issue, const std::string& option) {
    auto [it, inserted] = option_index_.try_emplace(&issue);
    if (inserted) {
      it->second.reserve(issue.options.size());
      for (const std::string& o : issue.options) it->second.insert(o);
    }
    return it->second.count(option) > 0;
  }

  static constexpr int kMaxHints = 200;
  std::unordered_map<const Issue*, std::unordered_set<std::string_view>> option_index_;
  int hints_ = 0;
  const Case& c_;
  std::vector<std::string> party_ids_, issue_ids_, evidence_ids_, stakeholder_ids_;
  std::vector<CaseProblem> problems_;
};

}  // namespace

std::vector<CaseProblem> CheckCase(const Case& c) { return Checker(c).Run(); }

}  // namespace parley
