#include "parley/io/case_writer.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace parley::io {

namespace {

using Json = nlohmann::ordered_json;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// Integral values are written without a fraction ("95000", not "95000.0").
Json Num(double x) {
  if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 9007199254740992.0) {
    return Json(static_cast<std::int64_t>(x));
  }
  return Json(x);
}

Json Pair(double a, double b) { return Json::array({Num(a), Num(b)}); }

Json Strings(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

Json PackageJson(const Package& package) {
  Json out = Json::object();
  for (const auto& [issue, value] : package) {
    out[issue] = std::holds_alternative<double>(value) ? Num(std::get<double>(value))
                                                       : Json(std::get<std::string>(value));
  }
  return out;
}

Json BatnaJson(const Batna& b) {
  Json out = Json::object();
  if (!b.description.empty()) out["description"] = b.description;
  if (b.value) out["value"] = Num(*b.value);
  if (b.range) out["range"] = Pair(b.range->first, b.range->second);
  if (b.utility) out["utility"] = Num(*b.utility);
  if (b.outcome) out["outcome"] = PackageJson(*b.outcome);
  if (b.costs.Total() != 0 || b.costs.time != 0 || b.costs.risk != 0 || b.costs.political != 0) {
    Json costs = Json::object();
    if (b.costs.time != 0) costs["time"] = Num(b.costs.time);
    if (b.costs.risk != 0) costs["risk"] = Num(b.costs.risk);
    if (b.costs.political != 0) costs["political"] = Num(b.costs.political);
    out["costs"] = costs;
  }
  if (!b.evidence.empty()) out["evidence"] = Strings(b.evidence);
  return out;
}

Json PartyJson(const Party& p) {
  Json out = Json::object();
  out["id"] = p.id;
  if (!p.name.empty()) out["name"] = p.name;
  out["side"] = p.side == Side::kUs ? "us" : "them";
  if (!p.description.empty()) out["description"] = p.description;
  if (p.batna) out["batna"] = BatnaJson(*p.batna);
  if (p.deadline && p.deadline->none && !p.deadline->cost_per_week && !p.deadline->discount &&
      p.deadline->evidence.empty()) {
    out["deadline"] = "none";
  } else if (p.deadline) {
    Json d = Json::object();
    if (p.deadline->none) d["date"] = "none";
    if (!p.deadline->date.empty()) d["date"] = p.deadline->date;
    if (p.deadline->cost_per_week) d["cost_per_week"] = Num(*p.deadline->cost_per_week);
    if (p.deadline->discount) d["discount"] = Num(*p.deadline->discount);
    if (!p.deadline->evidence.empty()) d["evidence"] = Strings(p.deadline->evidence);
    out["deadline"] = d;
  }
  if (!p.sets.empty()) {
    Json sets = Json::array();
    for (const ImposedDate& d : p.sets) {
      Json item = {{"date", d.date}, {"for", d.for_party}};
      if (!d.reason.empty()) item["reason"] = d.reason;
      if (!d.evidence.empty()) item["evidence"] = Strings(d.evidence);
      sets.push_back(item);
    }
    out["sets"] = sets;
  }
  Json power = Json::object();
  for (int s = 0; s < kPowerSourceCount; ++s) {
    if (!p.power[s]) continue;
    Json score = Json::object();
    score["score"] = Num(p.power[s]->score);
    if (!p.power[s]->evidence.empty()) score["evidence"] = Strings(p.power[s]->evidence);
    if (!p.power[s]->note.empty()) score["note"] = p.power[s]->note;
    power[PowerSourceNames()[s]] = score;
  }
  if (!power.empty()) out["power"] = power;
  if (p.perceived_power) out["perceived_power"] = Num(*p.perceived_power);
  return out;
}

Json IssueJson(const Issue& i) {
  Json out = Json::object();
  out["id"] = i.id;
  if (!i.name.empty()) out["name"] = i.name;
  out["kind"] = i.kind == IssueKind::kNumber ? "number" : "options";
  if (!i.description.empty()) out["description"] = i.description;
  if (!i.unit.empty()) out["unit"] = i.unit;
  if (i.kind == IssueKind::kNumber) {
    out["range"] = Pair(i.lo, i.hi);
    out["step"] = Num(i.step);
  } else {
    out["options"] = Strings(i.options);
  }
  return out;
}

Json TableJson(const TableValue& t) {
  Json out = Json::object();
  for (const auto& [option, v] : t.entries) out[option] = Num(v);
  return out;
}

Json PointsJson(const PointsValue& p) {
  Json out = Json::array();
  for (const auto& [x, v] : p.points) out.push_back(Pair(x, v));
  return out;
}

Json TermJson(const IssueTerm& term, ValueForm form) {
  if (form == ValueForm::kMoney) {
    return std::visit(Overloaded{
                          [](const LinearValue& l) {
                            return Json{{"linear", Num(l.slope)}};
                          },
                          [](const PointsValue& p) {
                            return Json{{"points", PointsJson(p)}};
                          },
                          [](const TableValue& t) { return TableJson(t); },
                          [](const auto&) { return Json::object(); },
                      },
                      term.evaluator);
  }
  Json out = Json::object();
  out["weight"] = Num(term.weight);
  std::visit(Overloaded{
                 [&](const LinearValue& l) {
                   out["linear"] = Json{{"slope", Num(l.slope)}};
                 },
                 [&](const PointsValue& p) { out["points"] = PointsJson(p); },
                 [&](const TableValue& t) { out["table"] = TableJson(t); },
                 [&](const ClampedLinearValue& l) {
                   out["linear"] = Json{
                       {"from", Num(l.from)}, {"slope", Num(l.slope)}, {"offset", Num(l.offset)}};
                 },
                 [&](const TriangularValue& t) {
                   out["triangular"] =
                       Json{{"lower", Num(t.lower)}, {"upper", Num(t.upper)}, {"top", Num(t.top)}};
                 },
                 [&](const ConstantValue& k) { out["constant"] = Num(k.score); },
             },
             term.evaluator);
  return out;
}

Json BoundsJson(const std::vector<IssueBound>& bounds) {
  Json out = Json::object();
  for (const IssueBound& b : bounds) out[b.issue] = Pair(b.min, b.max);
  return out;
}

// A JSON array of `to_json(item)` for each item, in order.
template <class T, class ToJson>
Json ArrayJson(const std::vector<T>& items, ToJson to_json) {
  Json out = Json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

// One box of a rectangles utility: its utility and the bounds it includes and excludes.
Json BoxJson(const UtilityBox& box) {
  Json out = Json::object();
  out["utility"] = Num(box.utility);
  if (!box.include.empty()) out["include"] = BoundsJson(box.include);
  if (!box.exclude.empty()) out["exclude"] = BoundsJson(box.exclude);
  return out;
}

// One party's `rectangles` entry: empty when its rectangles are not given.
Json PartyRectanglesJson(const Preferences& prefs) {
  Json out = Json::object();
  if (prefs.rectangles) {
    out["max_utility"] = Num(prefs.rectangles->max_utility);
    out["weight"] = Num(prefs.rectangles->weight);
    out["boxes"] = ArrayJson(prefs.rectangles->boxes, BoxJson);
  }
  return out;
}

// The `values` section: party -> issue -> term, for the parties that do not value by
// rectangles (a later entry for the same party replaces an earlier one).
Json ValuesJson(const std::vector<Preferences>& values) {
  Json out = Json::object();
  for (const Preferences& prefs : values) {
    if (prefs.form == ValueForm::kRectangles) continue;
    Json terms = Json::object();
    for (const IssueTerm& term : prefs.terms) terms[term.issue] = TermJson(term, prefs.form);
    out[prefs.party] = terms;
  }
  return out;
}

// The `rectangles` section: party -> rectangles, for the parties that value by rectangles.
Json RectanglesJson(const std::vector<Preferences>& values) {
  Json out = Json::object();
  for (const Preferences& prefs : values) {
    if (prefs.form == ValueForm::kRectangles) out[prefs.party] = PartyRectanglesJson(prefs);
  }
  return out;
}

// The `floors` section: party -> issue -> floor.
Json FloorsJson(const std::vector<Floor>& floors) {
  Json out = Json::object();
  for (const Floor& f : floors) {
    Json spec = Json::object();
    if (f.min) spec["min"] = Num(*f.min);
    if (f.max) spec["max"] = Num(*f.max);
    if (!f.exclude.empty()) spec["exclude"] = Strings(f.exclude);
    if (!f.evidence.empty()) spec["evidence"] = Strings(f.evidence);
    out[f.party][f.issue] = spec;
  }
  return out;
}

// One item of the `evidence` section.
Json EvidenceJson(const Evidence& e) {
  Json out = Json::object();
  out["id"] = e.id;
  out["kind"] = EvidenceKindName(e.kind);
  out["claim"] = e.claim;
  if (!e.source.empty()) out["source"] = e.source;
  if (!e.date.empty()) out["date"] = e.date;
  if (e.share) out["share"] = *e.share;
  if (!e.for_party.empty()) out["for"] = e.for_party;
  return out;
}

// One influence of a stakeholder: on whom, with what weight.
Json InfluenceJson(const Influence& inf) {
  return Json{{"on", inf.on}, {"weight", Num(inf.weight)}};
}

// One item of the `stakeholders` section.
Json StakeholderJson(const Stakeholder& s) {
  Json out = Json::object();
  out["id"] = s.id;
  out["party"] = s.party;
  if (!s.name.empty()) out["name"] = s.name;
  if (!s.title.empty()) out["title"] = s.title;
  if (s.formal) out["formal"] = Num(*s.formal);
  if (s.veto) out["veto"] = true;
  if (!s.role.empty()) out["role"] = s.role;
  if (s.stance) out["stance"] = Num(*s.stance);
  if (s.interest) out["interest"] = Num(*s.interest);
  if (s.urgency) out["urgency"] = Num(*s.urgency);
  if (!s.interests.empty()) out["interests"] = Strings(s.interests);
  if (!s.influences.empty()) out["influences"] = ArrayJson(s.influences, InfluenceJson);
  if (!s.evidence.empty()) out["evidence"] = Strings(s.evidence);
  return out;
}

// One item of the `decision` section.
Json DecisionRuleJson(const DecisionRule& d) {
  Json out = Json::object();
  out["party"] = d.party;
  out["rule"] = DecisionRuleName(d.rule);
  if (d.quota) out["quota"] = Num(*d.quota);
  if (!d.weights.empty()) {
    Json weights = Json::object();
    for (const auto& [id, w] : d.weights) weights[id] = Num(w);
    out["weights"] = weights;
  }
  if (!d.decider.empty()) out["decider"] = d.decider;
  return out;
}

// One item of the `concessions` section.
Json ConcessionJson(const Concession& con) {
  Json out = Json::object();
  out["item"] = con.item;
  if (!con.by.empty()) out["by"] = con.by;
  if (!con.give.empty()) out["give"] = PackageJson(con.give);
  if (!con.get.empty()) out["get"] = PackageJson(con.get);
  if (!con.trigger.empty()) out["trigger"] = con.trigger;
  if (!con.date.empty()) out["date"] = con.date;
  return out;
}

// One offer of the `rounds` section.
Json RoundJson(const Round& r) {
  Json out = Json::object();
  out["by"] = r.by;
  out["offer"] = PackageJson(r.offer);
  if (!r.date.empty()) out["date"] = r.date;
  if (!r.note.empty()) out["note"] = r.note;
  return out;
}

// The whole case in the order of the case format, empty sections left out.
Json CaseJson(const Case& c) {
  Json out = Json::object();
  out["format"] = "parley/1";
  out["title"] = c.title;
  if (c.context) out["context"] = ContextName(*c.context);
  if (c.relationship) out["relationship"] = RelationshipName(*c.relationship);
  if (c.culture) out["culture"] = CultureName(*c.culture);
  if (c.horizon) {
    out["horizon"] = {{"deals", c.horizon->deals}};
    if (c.horizon->likelihood != 1) out["horizon"]["likelihood"] = Num(c.horizon->likelihood);
  }
  if (!c.currency.empty()) out["currency"] = c.currency;
  if (!c.description.empty()) out["description"] = c.description;
  out["parties"] = ArrayJson(c.parties, PartyJson);
  out["issues"] = ArrayJson(c.issues, IssueJson);
  const Json values = ValuesJson(c.values), rectangles = RectanglesJson(c.values);
  if (!values.empty()) out["values"] = values;
  if (!rectangles.empty()) out["rectangles"] = rectangles;
  if (!c.floors.empty()) out["floors"] = FloorsJson(c.floors);
  if (!c.evidence.empty()) out["evidence"] = ArrayJson(c.evidence, EvidenceJson);
  if (!c.stakeholders.empty()) out["stakeholders"] = ArrayJson(c.stakeholders, StakeholderJson);
  if (!c.decisions.empty()) out["decision"] = ArrayJson(c.decisions, DecisionRuleJson);
  if (!c.concessions.empty()) out["concessions"] = ArrayJson(c.concessions, ConcessionJson);
  if (!c.rounds.empty()) out["rounds"] = ArrayJson(c.rounds, RoundJson);
  return out;
}

// A string may be written plain only if YAML reads it back as the same text, never as a
// number, boolean or null, and it holds no character with a meaning in YAML.
bool IsSafePlain(const std::string& s) {
  if (s.empty() || s.size() > 200) return false;
  static const char* const kReserved[] = {"true", "false", "null", "yes", "no",
                                          "on",   "off",   "y",    "n",   "~"};
  std::string lower = s;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* word : kReserved) {
    if (lower == word) return false;
  }
  const char first = s.front();
  if (!std::isalpha(static_cast<unsigned char>(first)) && first != '_') return false;
  if (s.back() == ' ') return false;
  for (char ch : s) {
    const bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' ||
                    ch == '.' || ch == ' ' || ch == '/' || ch == '(' || ch == ')' || ch == ',';
    if (!ok) return false;
  }
  return lower.find(".inf") == std::string::npos && lower != ".nan" && lower != "nan" &&
         lower != "inf" && lower != "infinity";
}

void EmitYaml(YAML::Emitter& out, const Json& j, bool flow_context);

// A string, plain if YAML reads it back unchanged, double-quoted otherwise.
void EmitString(YAML::Emitter& out, const std::string& s) {
  if (IsSafePlain(s)) {
    out << s;
  } else {
    out << YAML::DoubleQuoted << s;
  }
}

// A mapping, its keys written as EmitString writes strings.
void EmitMap(YAML::Emitter& out, const Json& j, bool flow_context) {
  out << YAML::BeginMap;
  for (auto it = j.begin(); it != j.end(); ++it) {
    out << YAML::Key;
    EmitString(out, it.key());
    out << YAML::Value;
    EmitYaml(out, it.value(), flow_context);
  }
  out << YAML::EndMap;
}

// A sequence is written on one line inside a flow context, when it holds at most 12 scalars,
// or when it is a list of pairs such as [x, v] points. O(items).
bool IsFlowSequence(const Json& j, bool flow_context) {
  bool all_scalars = true;
  for (const Json& item : j) all_scalars = all_scalars && !item.is_object() && !item.is_array();
  const bool pairs = !j.empty() && std::all_of(j.begin(), j.end(), [](const Json& item) {
    return item.is_array() && item.size() == 2 && item[0].is_number();
  });
  return flow_context || (all_scalars && j.size() <= 12) || pairs;
}

// A sequence, on one line when IsFlowSequence says so.
void EmitSequence(YAML::Emitter& out, const Json& j, bool flow_context) {
  const bool flow = IsFlowSequence(j, flow_context);
  if (flow) out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const Json& item : j) EmitYaml(out, item, flow);
  out << YAML::EndSeq;
}

// Writes `j` as YAML; inside a flow sequence (`flow_context`) every nested sequence is flow too.
void EmitYaml(YAML::Emitter& out, const Json& j, bool flow_context) {
  switch (j.type()) {
    case Json::value_t::object:
      EmitMap(out, j, flow_context);
      return;
    case Json::value_t::array:
      EmitSequence(out, j, flow_context);
      return;
    case Json::value_t::string:
      EmitString(out, j.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean:
      out << (j.get<bool>() ? "true" : "false");
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      out << j.dump();
      return;
    case Json::value_t::number_float:
      out << FormatNumber(j.get<double>());
      return;
    default:
      out << YAML::Null;
      return;
  }
}

}  // namespace

std::string WriteCaseJson(const Case& c) {
  return CaseJson(c).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string WriteCaseYaml(const Case& c) {
  YAML::Emitter out;
  out.SetIndent(2);
  EmitYaml(out, CaseJson(c), false);
  return std::string(out.c_str()) + "\n";
}

}  // namespace parley::io
