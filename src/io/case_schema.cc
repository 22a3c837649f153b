#include "internal/case_schema.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <tuple>

#include "parley/core/closest_match.h"

namespace parley::io::internal {

namespace {

using Keys = std::vector<std::string>;

// Stands for a number that was written but could not be read (already reported).
constexpr double kUnread = std::numeric_limits<double>::quiet_NaN();

// "a | b | c", as the messages list the choices.
std::string AllOf(const Keys& names) {
  std::string all;
  for (const std::string& name : names) all += (all.empty() ? "" : " | ") + name;
  return all;
}

std::string Describe(const DocNode& n) {
  switch (n.kind) {
    case NodeKind::kNull:
      return "nothing";
    case NodeKind::kScalar:
      return "'" + (n.text.size() > 40 ? n.text.substr(0, 40) + "..." : n.text) + "'";
    case NodeKind::kList:
      return "a list";
    case NodeKind::kMap:
      return "a map";
  }
  return "?";
}

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// Reads YAML/JSON number spellings, including the non-finite ones (.inf, .nan, Infinity, NaN)
// so that the semantic check can say "must be finite" instead of "not a number".
std::optional<double> ParseNumber(const std::string& text) {
  const std::string t = Lower(text);
  if (t == ".nan" || t == "nan") return std::numeric_limits<double>::quiet_NaN();
  if (t == ".inf" || t == "+.inf" || t == "inf" || t == "infinity" || t == "+infinity") {
    return std::numeric_limits<double>::infinity();
  }
  if (t == "-.inf" || t == "-inf" || t == "-infinity")
    return -std::numeric_limits<double>::infinity();
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  double value = 0;
  auto result = std::from_chars(begin, end, value);
  if (result.ec == std::errc::result_out_of_range && result.ptr == end) {
    // Too large (overflow: +-inf, reported as not finite) or too small (underflow: the nearest
    // representable value, 0 or a subnormal); strtod tells them apart.
    return std::strtod(std::string(begin, end).c_str(), nullptr);
  }
  if (result.ec != std::errc() || result.ptr != end || begin == end) return std::nullopt;
  return value;
}

class SchemaReader {
 public:
  SchemaReader(const std::string& file, std::vector<Diagnostic>& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  std::optional<Case> Read(const DocNode& root) {
    if (root.kind != NodeKind::kMap) {
      Error(root.mark, "a case file is a map of keys (format, title, parties, issues, ...), not " +
                           Describe(root));
      return std::nullopt;
    }
    CheckKeys(root,
              {"format", "title", "context", "relationship", "culture", "horizon", "currency",
               "description", "parties", "issues", "values", "rectangles", "floors", "evidence",
               "stakeholders", "decision", "concessions", "rounds"},
              {"format", "title", "parties", "issues"}, "the case");
    Case c;
    if (const DocNode* f = root.Find("format")) {
      if (auto text = Text(*f, "format"); text && *text != "parley/1") {
        Error(f->mark, "unsupported format '" + *text + "'; this version reads `format: parley/1`");
      }
    }
    if (const DocNode* n = root.Find("title")) c.title = Text(*n, "title").value_or("");
    if (const DocNode* n = root.Find("context"))
      c.context = Enum<Context>(*n, ContextNames(), "context");
    if (const DocNode* n = root.Find("relationship")) {
      c.relationship = Enum<Relationship>(*n, RelationshipNames(), "relationship");
    }
    if (const DocNode* n = root.Find("culture"))
      c.culture = Enum<Culture>(*n, CultureNames(), "culture");
    if (const DocNode* n = root.Find("horizon")) c.horizon = ReadHorizon(*n);
    if (const DocNode* n = root.Find("currency")) c.currency = Text(*n, "currency").value_or("");
    if (const DocNode* n = root.Find("description"))
      c.description = Text(*n, "description").value_or("");
    if (const DocNode* n = root.Find("issues"))
      ReadList(*n, "issues", [&](const DocNode& item) { c.issues.push_back(ReadIssue(item)); });
    issues_ = &c.issues;
    if (const DocNode* n = root.Find("parties"))
      ReadList(*n, "parties", [&](const DocNode& item) { c.parties.push_back(ReadParty(item)); });
    if (const DocNode* n = root.Find("values")) ReadValues(*n, c);
    if (const DocNode* n = root.Find("rectangles")) ReadRectangles(*n, c);
    if (const DocNode* n = root.Find("floors")) ReadFloors(*n, c);
    if (const DocNode* n = root.Find("evidence"))
      ReadList(*n, "evidence",
               [&](const DocNode& item) { c.evidence.push_back(ReadEvidence(item)); });
    if (const DocNode* n = root.Find("stakeholders"))
      ReadList(*n, "stakeholders",
               [&](const DocNode& item) { c.stakeholders.push_back(ReadStakeholder(item)); });
    if (const DocNode* n = root.Find("decision"))
      ReadList(*n, "decision",
               [&](const DocNode& item) { c.decisions.push_back(ReadDecisionRule(item)); });
    if (const DocNode* n = root.Find("concessions"))
      ReadList(*n, "concessions",
               [&](const DocNode& item) { c.concessions.push_back(ReadConcession(item)); });
    if (const DocNode* n = root.Find("rounds"))
      ReadList(*n, "rounds", [&](const DocNode& item) { c.rounds.push_back(ReadRound(item)); });
    return c;
  }

 private:
  void Error(const Mark& mark, std::string message, std::string hint = "") {
    diagnostics_.push_back(
        {Severity::kError, file_, mark.line, mark.column, std::move(message), std::move(hint)});
  }

  void CheckKeys(const DocNode& map, const Keys& allowed, const Keys& required,
                 const std::string& where) {
    const DocEntry* previous = nullptr;
    for (const DocEntry& entry : map.entries) {
      const DocKey& key = entry.key;
      bool known = false;
      for (const std::string& a : allowed) known = known || a == key.text;
      if (!known) {
        // The closest key when there is one, else every key allowed here. Words with no value
        // after a text are the rest of that text, cut at a comma inside `{...}`.
        std::string hint = DidYouMean(key.text, allowed);
        if (hint.empty() && entry.value.kind == NodeKind::kNull &&
            key.text.find(' ') != std::string::npos && previous != nullptr &&
            previous->value.kind == NodeKind::kScalar) {
          hint = "inside {...} a comma ends a text: quote the whole text, " + previous->key.text +
                 ": \"" + previous->value.text + ", " + key.text + "\"";
        }
        Error(key.mark, "unknown key '" + key.text + "' in " + where,
              hint.empty() ? "the keys here are " + AllOf(allowed) : hint);
      }
      previous = &entry;
    }
    for (const std::string& r : required) {
      if (map.Find(r) == nullptr) {
        Error(map.mark, where + " is missing the required key '" + r + "'");
      }
    }
  }

  bool IsMap(const DocNode& n, const std::string& what) {
    if (n.kind == NodeKind::kMap) return true;
    Error(n.mark, what + " must be a map (key: value), not " + Describe(n));
    return false;
  }
  bool IsList(const DocNode& n, const std::string& what) {
    if (n.kind == NodeKind::kList) return true;
    Error(n.mark, what + " must be a list, not " + Describe(n));
    return false;
  }

  template <typename F>
  void ReadList(const DocNode& n, const std::string& what, F each) {
    if (!IsList(n, "`" + what + "`")) return;
    for (const DocNode& item : n.items) each(item);
  }

  std::optional<std::string> Text(const DocNode& n, const std::string& what) {
    if (n.kind == NodeKind::kScalar) return n.text;
    Error(n.mark, "`" + what + "` must be text, not " + Describe(n));
    return std::nullopt;
  }

  std::optional<double> Number(const DocNode& n, const std::string& what) {
    if (n.kind == NodeKind::kScalar && !n.quoted) {
      if (auto x = ParseNumber(n.text)) return x;
    }
    Error(n.mark, "`" + what + "` must be a number, not " + Describe(n) +
                      (n.quoted ? " (a quoted string)" : ""));
    return std::nullopt;
  }

  std::optional<bool> Bool(const DocNode& n, const std::string& what) {
    if (n.kind == NodeKind::kScalar && !n.quoted) {
      const std::string t = Lower(n.text);
      if (t == "true") return true;
      if (t == "false") return false;
    }
    Error(n.mark, "`" + what + "` must be true or false, not " + Describe(n));
    return std::nullopt;
  }

  template <typename E>
  std::optional<E> Enum(const DocNode& n, const Keys& names, const std::string& what) {
    auto text = Text(n, what);
    if (!text) return std::nullopt;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == *text) return static_cast<E>(i);
    }
    Error(n.mark, "`" + what + "` must be one of " + AllOf(names) + ", not '" + *text + "'",
          DidYouMean(*text, names));
    return std::nullopt;
  }

  std::vector<std::string> TextList(const DocNode& n, const std::string& what) {
    std::vector<std::string> out;
    if (!IsList(n, "`" + what + "`")) return out;
    for (const DocNode& item : n.items) {
      if (item.kind == NodeKind::kScalar) {
        out.push_back(item.text);
      } else {
        Error(item.mark, "each item of `" + what + "` must be text, not " + Describe(item));
      }
    }
    return out;
  }

  std::optional<std::pair<double, double>> Pair(const DocNode& n, const std::string& what) {
    if (n.kind != NodeKind::kList || n.items.size() != 2) {
      Error(n.mark, "`" + what + "` must be a list of two numbers [low, high], not " + Describe(n));
      return std::nullopt;
    }
    auto a = Number(n.items[0], what), b = Number(n.items[1], what);
    if (!a || !b) return std::nullopt;
    return std::make_pair(*a, *b);
  }

  // Like Pair, but an unreadable end is kUnread instead of dropping the whole pair.
  std::pair<double, double> PairOrUnread(const DocNode& n, const std::string& what) {
    if (n.kind != NodeKind::kList || n.items.size() != 2) {
      Error(n.mark, "`" + what + "` must be a list of two numbers [low, high], not " + Describe(n));
      return {kUnread, kUnread};
    }
    return {Number(n.items[0], what).value_or(kUnread), Number(n.items[1], what).value_or(kUnread)};
  }

  std::vector<std::string> Evidence(const DocNode& map) {
    const DocNode* n = map.Find("evidence");
    return n ? TextList(*n, "evidence") : std::vector<std::string>{};
  }

  Issue ReadIssue(const DocNode& n) {
    Issue issue;
    if (!IsMap(n, "an issue")) return issue;
    CheckKeys(n, {"id", "name", "kind", "description", "unit", "range", "step", "options"},
              {"id", "kind"}, "an issue");
    if (const DocNode* v = n.Find("id")) issue.id = Text(*v, "id").value_or("");
    if (const DocNode* v = n.Find("name")) issue.name = Text(*v, "name").value_or("");
    if (const DocNode* v = n.Find("description"))
      issue.description = Text(*v, "description").value_or("");
    if (const DocNode* v = n.Find("unit")) issue.unit = Text(*v, "unit").value_or("");
    const DocNode* kind = n.Find("kind");
    if (kind)
      issue.kind =
          Enum<IssueKind>(*kind, {"number", "options"}, "kind").value_or(IssueKind::kOptions);
    const std::string where = "issue '" + issue.id + "'";
    if (issue.kind == IssueKind::kNumber && kind) {
      const DocNode* range = n.Find("range");
      const DocNode* step = n.Find("step");
      if (!range) Error(n.mark, "number " + where + " needs `range: [low, high]`");
      if (!step) Error(n.mark, "number " + where + " needs `step`: the grid of values considered");
      if (range) {
        // An unreadable range stays unread (not [0, 0]), so no later check talks of it.
        if (auto r = Pair(*range, "range")) {
          std::tie(issue.lo, issue.hi) = *r;
        } else {
          issue.lo = issue.hi = kUnread;
        }
      }
      if (step) issue.step = Number(*step, "step").value_or(kUnread);
      if (const DocNode* o = n.Find("options"))
        Error(o->mark, "`options` belongs to options issues; " + where + " is a number issue");
    } else if (kind) {
      const DocNode* options = n.Find("options");
      if (!options) Error(n.mark, "options " + where + " needs `options: [...]`");
      if (options) issue.options = TextList(*options, "options");
      for (const char* key : {"range", "step"}) {
        if (const DocNode* o = n.Find(key))
          Error(o->mark, std::string("`") + key + "` belongs to number issues; " + where +
                             " is an options issue");
      }
    }
    return issue;
  }

  Party ReadParty(const DocNode& n) {
    Party p;
    if (!IsMap(n, "a party")) return p;
    CheckKeys(n,
              {"id", "name", "side", "description", "batna", "deadline", "sets", "power",
               "perceived_power"},
              {"id", "side"}, "a party");
    if (const DocNode* v = n.Find("id")) p.id = Text(*v, "id").value_or("");
    if (const DocNode* v = n.Find("name")) p.name = Text(*v, "name").value_or("");
    if (const DocNode* v = n.Find("description"))
      p.description = Text(*v, "description").value_or("");
    if (const DocNode* v = n.Find("side"))
      p.side = Enum<Side>(*v, {"us", "them"}, "side").value_or(Side::kThem);
    if (const DocNode* v = n.Find("perceived_power"))
      p.perceived_power = Number(*v, "perceived_power");
    if (const DocNode* v = n.Find("batna")) p.batna = ReadBatna(*v);
    if (const DocNode* v = n.Find("deadline")) p.deadline = ReadDeadline(*v);
    if (const DocNode* v = n.Find("sets"))
      ReadList(*v, "sets", [&](const DocNode& item) { p.sets.push_back(ReadImposedDate(item)); });
    if (const DocNode* v = n.Find("power"); v && IsMap(*v, "`power`")) {
      for (const auto& [key, score] : v->entries) {
        int source = -1;
        for (int s = 0; s < kPowerSourceCount; ++s) {
          if (PowerSourceNames()[s] == key.text) source = s;
        }
        if (source < 0) {
          Error(key.mark,
                "unknown power source '" + key.text +
                    "'; the six are situational, knowledge, information, organizational, personal, "
                    "planning",
                DidYouMean(key.text, PowerSourceNames()));
          continue;
        }
        if (!IsMap(score, "a power source")) continue;
        CheckKeys(score, {"score", "evidence", "note"}, {"score"},
                  "power source '" + key.text + "'");
        PowerScore ps;
        if (const DocNode* s = score.Find("score")) ps.score = Number(*s, "score").value_or(0);
        if (const DocNode* s = score.Find("note")) ps.note = Text(*s, "note").value_or("");
        ps.evidence = Evidence(score);
        p.power[source] = ps;
      }
    }
    return p;
  }

  std::optional<Batna> ReadBatna(const DocNode& n) {
    if (!IsMap(n, "`batna`")) return std::nullopt;
    CheckKeys(n, {"description", "value", "range", "utility", "outcome", "costs", "evidence"}, {},
              "a BATNA");
    Batna b;
    if (const DocNode* v = n.Find("description"))
      b.description = Text(*v, "description").value_or("");
    // A value written but unreadable is kept as NaN: the BATNA still states it (no second error
    // "needs one of value, range, ..."), and the semantic "must be finite" at the same position
    // is dropped as a consequence of the first.
    if (const DocNode* v = n.Find("value")) b.value = Number(*v, "value").value_or(kUnread);
    if (const DocNode* v = n.Find("range")) b.range = PairOrUnread(*v, "range");
    if (const DocNode* v = n.Find("utility")) b.utility = Number(*v, "utility").value_or(kUnread);
    if (const DocNode* v = n.Find("outcome")) b.outcome = ReadPackage(*v, "outcome");
    int given = 0;
    for (const char* key : {"value", "range", "utility", "outcome"}) given += n.Find(key) ? 1 : 0;
    if (given == 0)
      Error(n.mark,
            "a BATNA needs one of `value`, `range` (money) or `utility`, `outcome` (utility form)");
    if (const DocNode* v = n.Find("costs"); v && IsMap(*v, "`costs`")) {
      CheckKeys(*v, {"time", "risk", "political"}, {}, "BATNA costs");
      if (const DocNode* c = v->Find("time")) b.costs.time = Number(*c, "time").value_or(0);
      if (const DocNode* c = v->Find("risk")) b.costs.risk = Number(*c, "risk").value_or(0);
      if (const DocNode* c = v->Find("political"))
        b.costs.political = Number(*c, "political").value_or(0);
    }
    b.evidence = Evidence(n);
    return b;
  }

  // `deadline: none`, or a map.
  std::optional<Deadline> ReadDeadline(const DocNode& n) {
    if (n.kind == NodeKind::kScalar && n.text == "none") {  // YAML's word or JSON's string
      Deadline none;
      none.none = true;
      return none;
    }
    if (n.kind != NodeKind::kMap) {
      Error(n.mark,
            "`deadline` must be a map (date, cost_per_week, discount, evidence) or "
            "`none` (no time pressure at all), not " +
                Describe(n));
      return std::nullopt;
    }
    CheckKeys(n, {"date", "cost_per_week", "discount", "evidence"}, {}, "a deadline");
    Deadline d;
    if (const DocNode* v = n.Find("date")) d.date = Text(*v, "date").value_or("");
    if (d.date == "none") {  // no date, perhaps a cost of delay
      d.none = true;
      d.date.clear();
    }
    if (const DocNode* v = n.Find("cost_per_week")) d.cost_per_week = Number(*v, "cost_per_week");
    if (const DocNode* v = n.Find("discount")) d.discount = Number(*v, "discount");
    d.evidence = Evidence(n);
    return d;
  }

  ImposedDate ReadImposedDate(const DocNode& n) {
    ImposedDate d;
    if (!IsMap(n, "a date set for another side")) return d;
    CheckKeys(n, {"date", "for", "reason", "evidence"}, {"date", "for"},
              "a date set for another side");
    if (const DocNode* v = n.Find("date")) d.date = Text(*v, "date").value_or("");
    if (const DocNode* v = n.Find("for")) d.for_party = Text(*v, "for").value_or("");
    if (const DocNode* v = n.Find("reason")) d.reason = Text(*v, "reason").value_or("");
    d.evidence = Evidence(n);
    return d;
  }

  std::optional<Horizon> ReadHorizon(const DocNode& n) {
    if (!IsMap(n, "`horizon`")) return std::nullopt;
    CheckKeys(n, {"deals", "likelihood"}, {"deals"}, "the horizon");
    Horizon h;
    if (const DocNode* v = n.Find("deals")) {
      const std::optional<double> deals = Number(*v, "deals");
      if (deals && !(*deals >= 0 && *deals <= static_cast<double>(kMaxHorizonDeals) &&
                     std::floor(*deals) == *deals)) {
        Error(v->mark, "`deals` is a whole number from 0 to " + std::to_string(kMaxHorizonDeals) +
                           ", not " + v->text);
      } else if (deals) {
        h.deals = static_cast<std::size_t>(*deals);
      }
    }
    if (const DocNode* v = n.Find("likelihood"))
      h.likelihood = Number(*v, "likelihood").value_or(kUnread);
    return h;
  }

  const Issue* FindIssue(const std::string& id) const {
    for (const Issue& issue : *issues_) {
      if (issue.id == id) return &issue;
    }
    return nullptr;
  }

  Package ReadPackage(const DocNode& n, const std::string& what) {
    Package package;
    if (!IsMap(n, "`" + what + "`")) return package;
    for (const auto& [key, value] : n.entries) {
      const Issue* issue = FindIssue(key.text);
      if (issue != nullptr && issue->kind == IssueKind::kNumber) {
        if (auto x = Number(value, key.text)) package.emplace_back(key.text, *x);
      } else if (auto t = Text(value, key.text)) {
        package.emplace_back(key.text, *t);
      }
    }
    return package;
  }

  void ReadValues(const DocNode& n, Case& c) {
    if (!IsMap(n, "`values`")) return;
    for (const auto& [party, issues] : n.entries) {
      if (!IsMap(issues, "the values of '" + party.text + "'")) continue;
      Preferences prefs;
      prefs.party = party.text;
      int money = 0, utility = 0;
      const DocKey* first_money = nullptr;
      const DocKey* first_utility = nullptr;
      for (const auto& [issue_key, spec] : issues.entries) {
        const bool is_utility = IsUtilitySpec(issue_key.text, spec);
        if (is_utility) {
          ++utility;
          if (first_utility == nullptr) first_utility = &issue_key;
        } else {
          ++money;
          if (first_money == nullptr) first_money = &issue_key;
        }
        prefs.terms.push_back(ReadTerm(issue_key.text, spec, is_utility));
      }
      if (money > 0 && utility > 0) {
        Error(first_utility->mark, "party '" + party.text + "' mixes money values (e.g. '" +
                                       first_money->text + "') with utility weights (e.g. '" +
                                       first_utility->text +
                                       "'); a party uses one form throughout");
      }
      prefs.form = utility > 0 && money == 0 ? ValueForm::kUtility : ValueForm::kMoney;
      c.values.push_back(std::move(prefs));
    }
  }

  // A utility-form spec has a `weight`. So has the money table of an options issue with an
  // option called "weight": there, only a `table` map beside it makes a utility spec.
  bool IsUtilitySpec(const std::string& issue_id, const DocNode& spec) const {
    if (spec.kind != NodeKind::kMap || spec.Find("weight") == nullptr) return false;
    const Issue* issue = FindIssue(issue_id);
    if (issue == nullptr || issue->kind != IssueKind::kOptions ||
        issue->OptionIndex("weight") < 0) {
      return true;
    }
    const DocNode* table = spec.Find("table");
    return table != nullptr && table->kind == NodeKind::kMap;
  }

  IssueTerm ReadTerm(const std::string& issue_id, const DocNode& spec, bool utility) {
    IssueTerm term;
    term.issue = issue_id;
    const Issue* issue = FindIssue(issue_id);
    const std::string where = "the value of '" + issue_id + "'";
    if (!IsMap(spec, where)) return term;
    if (utility) {
      CheckKeys(spec, {"weight", "table", "linear", "points", "triangular", "constant"}, {}, where);
      term.weight = Number(*spec.Find("weight"), "weight").value_or(0);
      int forms = 0;
      for (const char* key : {"table", "linear", "points", "triangular", "constant"})
        forms += spec.Find(key) ? 1 : 0;
      if (forms != 1) {
        Error(spec.mark, where +
                             " needs exactly one of `table`, `linear`, `points`, `triangular`, "
                             "`constant` beside its `weight`");
      }
      if (const DocNode* t = spec.Find("table")) {
        term.evaluator = ReadTable(*t, where);
      } else if (const DocNode* l = spec.Find("linear")) {
        ClampedLinearValue cl;
        if (IsMap(*l, "`linear`")) {
          CheckKeys(*l, {"from", "slope", "offset"}, {"slope"}, "`linear`");
          if (const DocNode* v = l->Find("from")) cl.from = Number(*v, "from").value_or(0);
          if (const DocNode* v = l->Find("slope")) cl.slope = Number(*v, "slope").value_or(0);
          if (const DocNode* v = l->Find("offset")) cl.offset = Number(*v, "offset").value_or(0);
        }
        term.evaluator = cl;
      } else if (const DocNode* p = spec.Find("points")) {
        term.evaluator = ReadPoints(*p);
      } else if (const DocNode* t = spec.Find("triangular")) {
        TriangularValue tri;
        if (IsMap(*t, "`triangular`")) {
          CheckKeys(*t, {"lower", "upper", "top"}, {"lower", "upper", "top"}, "`triangular`");
          if (const DocNode* v = t->Find("lower")) tri.lower = Number(*v, "lower").value_or(0);
          if (const DocNode* v = t->Find("upper")) tri.upper = Number(*v, "upper").value_or(0);
          if (const DocNode* v = t->Find("top")) tri.top = Number(*v, "top").value_or(0);
        }
        term.evaluator = tri;
      } else if (const DocNode* k = spec.Find("constant")) {
        term.evaluator = ConstantValue{Number(*k, "constant").value_or(0)};
      }
      return term;
    }
    const bool number = issue != nullptr
                            ? issue->kind == IssueKind::kNumber
                            : spec.Find("linear") != nullptr || spec.Find("points") != nullptr;
    if (!number) {
      term.evaluator = ReadTable(spec, where);
      return term;
    }
    CheckKeys(spec, {"linear", "points"}, {}, where + " (a number issue)");
    if (const DocNode* l = spec.Find("linear")) {
      term.evaluator = LinearValue{Number(*l, "linear").value_or(0)};
    } else if (const DocNode* p = spec.Find("points")) {
      term.evaluator = ReadPoints(*p);
    } else {
      Error(spec.mark, where + " needs `linear: k` or `points: [[x, value], ...]`");
      term.evaluator = LinearValue{0};
    }
    return term;
  }

  TableValue ReadTable(const DocNode& n, const std::string& where) {
    TableValue table;
    if (!IsMap(n, where)) return table;
    for (const auto& [option, v] : n.entries) {
      if (auto x = Number(v, option.text)) table.entries.emplace_back(option.text, *x);
    }
    return table;
  }

  PointsValue ReadPoints(const DocNode& n) {
    PointsValue points;
    if (!IsList(n, "`points`")) return points;
    for (const DocNode& item : n.items) {
      if (auto p = Pair(item, "points")) points.points.push_back(*p);
    }
    return points;
  }

  void ReadRectangles(const DocNode& n, Case& c) {
    if (!IsMap(n, "`rectangles`")) return;
    for (const auto& [party, spec] : n.entries) {
      Preferences prefs;
      prefs.party = party.text;
      prefs.form = ValueForm::kRectangles;
      RectangleUtility r;
      if (IsMap(spec, "the rectangles of '" + party.text + "'")) {
        CheckKeys(spec, {"max_utility", "weight", "boxes"}, {"max_utility", "boxes"}, "rectangles");
        if (const DocNode* v = spec.Find("max_utility"))
          r.max_utility = Number(*v, "max_utility").value_or(1);
        if (const DocNode* v = spec.Find("weight")) r.weight = Number(*v, "weight").value_or(1);
        if (const DocNode* boxes = spec.Find("boxes")) {
          ReadList(*boxes, "boxes", [&](const DocNode& b) {
            UtilityBox box;
            if (!IsMap(b, "a box")) return;
            CheckKeys(b, {"utility", "include", "exclude"}, {"utility"}, "a box");
            if (const DocNode* v = b.Find("utility"))
              box.utility = Number(*v, "utility").value_or(0);
            box.include = ReadBounds(b.Find("include"));
            box.exclude = ReadBounds(b.Find("exclude"));
            r.boxes.push_back(std::move(box));
          });
        }
      }
      prefs.rectangles = std::move(r);
      c.values.push_back(std::move(prefs));
    }
  }

  std::vector<IssueBound> ReadBounds(const DocNode* n) {
    std::vector<IssueBound> out;
    if (n == nullptr || !IsMap(*n, "box bounds")) return out;
    for (const auto& [issue, range] : n->entries) {
      if (auto p = Pair(range, issue.text)) out.push_back({issue.text, p->first, p->second});
    }
    return out;
  }

  void ReadFloors(const DocNode& n, Case& c) {
    if (!IsMap(n, "`floors`")) return;
    for (const auto& [party, issues] : n.entries) {
      if (!IsMap(issues, "the floors of '" + party.text + "'")) continue;
      for (const auto& [issue, spec] : issues.entries) {
        Floor f;
        f.party = party.text;
        f.issue = issue.text;
        if (IsMap(spec, "a floor")) {
          CheckKeys(spec, {"min", "max", "exclude", "evidence"}, {}, "a floor");
          if (const DocNode* v = spec.Find("min")) f.min = Number(*v, "min").value_or(kUnread);
          if (const DocNode* v = spec.Find("max")) f.max = Number(*v, "max").value_or(kUnread);
          if (const DocNode* v = spec.Find("exclude")) f.exclude = TextList(*v, "exclude");
          f.evidence = Evidence(spec);
        }
        c.floors.push_back(std::move(f));
      }
    }
  }

  // An evidence item's audience: `share: yes|no` and `for: PARTY` (CASE_FORMAT.md).
  void ReadEvidenceAudience(const DocNode& n, parley::Evidence& e) {
    if (const DocNode* v = n.Find("share")) {
      const std::string t = v->kind == NodeKind::kScalar && !v->quoted ? Lower(v->text) : "";
      if (t == "yes" || t == "true") {
        e.share = true;
      } else if (t == "no" || t == "false") {
        e.share = false;
      } else {
        Error(v->mark, "`share` must be yes or no, not " + Describe(*v));
      }
    }
    if (const DocNode* v = n.Find("for")) e.for_party = Text(*v, "for").value_or("");
  }

  parley::Evidence ReadEvidence(const DocNode& n) {
    parley::Evidence e;
    if (!IsMap(n, "an evidence item")) return e;
    CheckKeys(n, {"id", "kind", "claim", "source", "date", "share", "for"}, {"id", "claim"},
              "an evidence item");
    if (const DocNode* v = n.Find("id")) e.id = Text(*v, "id").value_or("");
    if (const DocNode* v = n.Find("kind"))
      e.kind = Enum<EvidenceKind>(*v, EvidenceKindNames(), "kind").value_or(EvidenceKind::kOther);
    if (const DocNode* v = n.Find("claim")) e.claim = Text(*v, "claim").value_or("");
    if (const DocNode* v = n.Find("source")) e.source = Text(*v, "source").value_or("");
    if (const DocNode* v = n.Find("date")) e.date = Text(*v, "date").value_or("");
    ReadEvidenceAudience(n, e);
    return e;
  }

  Stakeholder ReadStakeholder(const DocNode& n) {
    Stakeholder s;
    if (!IsMap(n, "a stakeholder")) return s;
    CheckKeys(n,
              {"id", "party", "name", "title", "role", "formal", "veto", "stance", "interest",
               "urgency", "interests", "influences", "evidence"},
              {"id", "party"}, "a stakeholder");
    if (const DocNode* v = n.Find("id")) s.id = Text(*v, "id").value_or("");
    if (const DocNode* v = n.Find("party")) s.party = Text(*v, "party").value_or("");
    if (const DocNode* v = n.Find("name")) s.name = Text(*v, "name").value_or("");
    if (const DocNode* v = n.Find("title")) s.title = Text(*v, "title").value_or("");
    if (const DocNode* v = n.Find("formal")) s.formal = Number(*v, "formal");
    if (const DocNode* v = n.Find("veto")) s.veto = Bool(*v, "veto").value_or(false);
    if (const DocNode* v = n.Find("stance")) s.stance = Number(*v, "stance");
    if (const DocNode* v = n.Find("role")) s.role = Text(*v, "role").value_or("");
    if (const DocNode* v = n.Find("interest")) s.interest = Number(*v, "interest");
    if (const DocNode* v = n.Find("urgency")) s.urgency = Number(*v, "urgency");
    if (const DocNode* v = n.Find("interests")) s.interests = TextList(*v, "interests");
    if (const DocNode* v = n.Find("influences")) {
      ReadList(*v, "influences", [&](const DocNode& item) {
        Influence inf;
        if (!IsMap(item, "an influence")) return;
        CheckKeys(item, {"on", "weight"}, {"on", "weight"}, "an influence");
        if (const DocNode* x = item.Find("on")) inf.on = Text(*x, "on").value_or("");
        if (const DocNode* x = item.Find("weight")) inf.weight = Number(*x, "weight").value_or(0);
        s.influences.push_back(inf);
      });
    }
    s.evidence = Evidence(n);
    return s;
  }

  DecisionRule ReadDecisionRule(const DocNode& n) {
    DecisionRule d;
    if (!IsMap(n, "a decision rule")) return d;
    CheckKeys(n, {"party", "rule", "quota", "weights", "decider"}, {"party", "rule"},
              "a decision rule");
    if (const DocNode* v = n.Find("party")) d.party = Text(*v, "party").value_or("");
    if (const DocNode* v = n.Find("rule"))
      d.rule = Enum<DecisionRuleKind>(*v, DecisionRuleNames(), "rule").value_or(d.rule);
    if (const DocNode* v = n.Find("quota")) d.quota = Number(*v, "quota");
    if (const DocNode* v = n.Find("decider")) d.decider = Text(*v, "decider").value_or("");
    if (const DocNode* v = n.Find("weights"); v && IsMap(*v, "`weights`")) {
      for (const auto& [key, w] : v->entries) {
        if (auto x = Number(w, key.text)) d.weights.emplace_back(key.text, *x);
      }
    }
    return d;
  }

  Round ReadRound(const DocNode& n) {
    Round r;
    if (!IsMap(n, "an offer in `rounds`")) return r;
    CheckKeys(n, {"by", "offer", "date", "note"}, {"by", "offer"}, "an offer in `rounds`");
    if (const DocNode* v = n.Find("by")) r.by = Text(*v, "by").value_or("");
    if (const DocNode* v = n.Find("offer")) r.offer = ReadPackage(*v, "offer");
    if (const DocNode* v = n.Find("date")) r.date = Text(*v, "date").value_or("");
    if (const DocNode* v = n.Find("note")) r.note = Text(*v, "note").value_or("");
    return r;
  }

  Concession ReadConcession(const DocNode& n) {
    Concession con;
    if (!IsMap(n, "a concession")) return con;
    CheckKeys(n, {"item", "by", "give", "get", "trigger", "date"}, {"item"}, "a concession");
    if (const DocNode* v = n.Find("item")) con.item = Text(*v, "item").value_or("");
    if (const DocNode* v = n.Find("by")) con.by = Text(*v, "by").value_or("");
    if (const DocNode* v = n.Find("give"); v && v->kind != NodeKind::kNull)
      con.give = ReadPackage(*v, "give");
    if (const DocNode* v = n.Find("get"); v && v->kind != NodeKind::kNull)
      con.get = ReadPackage(*v, "get");
    if (const DocNode* v = n.Find("trigger")) con.trigger = Text(*v, "trigger").value_or("");
    if (const DocNode* v = n.Find("date")) con.date = Text(*v, "date").value_or("");
    return con;
  }

  const std::string& file_;
  std::vector<Diagnostic>& diagnostics_;
  const std::vector<Issue>* issues_ = nullptr;
};

}  // namespace

std::optional<Case> CaseFromDoc(const DocNode& root, const std::string& file,
                                std::vector<Diagnostic>& diagnostics) {
  return SchemaReader(file, diagnostics).Read(root);
}

Mark MarkAt(const DocNode& root, const CasePath& path) {
  const DocNode* node = &root;
  const DocKey* last_key = nullptr;  // the key of the last element, when it was reached
  for (const auto& element : path) {
    const DocNode* next = nullptr;
    last_key = nullptr;
    if (const auto* key = std::get_if<std::string>(&element)) {
      if (node->kind == NodeKind::kMap) {
        next = node->Find(*key);
        last_key = node->FindKey(*key);
      }
    } else if (node->kind == NodeKind::kList) {
      const std::size_t i = std::get<std::size_t>(element);
      if (i < node->items.size()) next = &node->items[i];
    }
    if (next == nullptr || next->mark.line == 0) {
      last_key = nullptr;
      break;
    }
    node = next;
  }
  // A block written under its key (a party's values, a floor) is reported at the key, where the
  // name is written, not at its first entry's line.
  if (path.size() >= 2 && last_key != nullptr && last_key->mark.line != 0 &&
      node->mark.line > last_key->mark.line && node->kind == NodeKind::kMap) {
    return last_key->mark;
  }
  return node->mark;
}

}  // namespace parley::io::internal
