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
  if (p.deadline) {
    Json d = Json::object();
    if (!p.deadline->date.empty()) d["date"] = p.deadline->date;
    if (p.deadline->cost_per_week) d["cost_per_week"] = Num(*p.deadline->cost_per_week);
    if (p.deadline->discount) d["discount"] = Num(*p.deadline->discount);
    if (!p.deadline->evidence.empty()) d["evidence"] = Strings(p.deadline->evidence);
    out["deadline"] = d;
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

Json CaseJson(const Case& c) {
  Json out = Json::object();
  out["format"] = "parley/1";
  out["title"] = c.title;
  if (c.context) out["context"] = ContextName(*c.context);
  if (c.relationship) out["relationship"] = RelationshipName(*c.relationship);
  if (c.culture) out["culture"] = CultureName(*c.culture);
  if (!c.currency.empty()) out["currency"] = c.currency;
  if (!c.description.empty()) out["description"] = c.description;
  out["parties"] = Json::array();
  for (const Party& p : c.parties) out["parties"].push_back(PartyJson(p));
  out["issues"] = Json::array();
  for (const Issue& i : c.issues) out["issues"].push_back(IssueJson(i));
  Json values = Json::object(), rectangles = Json::object();
  for (const Preferences& prefs : c.values) {
    if (prefs.form == ValueForm::kRectangles) {
      Json r = Json::object();
      if (prefs.rectangles) {
        r["max_utility"] = Num(prefs.rectangles->max_utility);
        r["weight"] = Num(prefs.rectangles->weight);
        r["boxes"] = Json::array();
        for (const UtilityBox& box : prefs.rectangles->boxes) {
          Json b = Json::object();
          b["utility"] = Num(box.utility);
          if (!box.include.empty()) b["include"] = BoundsJson(box.include);
          if (!box.exclude.empty()) b["exclude"] = BoundsJson(box.exclude);
          r["boxes"].push_back(b);
        }
      }
      rectangles[prefs.party] = r;
      continue;
    }
    Json terms = Json::object();
    for (const IssueTerm& term : prefs.terms) terms[term.issue] = TermJson(term, prefs.form);
    values[prefs.party] = terms;
  }
  if (!values.empty()) out["values"] = values;
  if (!rectangles.empty()) out["rectangles"] = rectangles;
  if (!c.floors.empty()) {
    Json floors = Json::object();
    for (const Floor& f : c.floors) {
      Json spec = Json::object();
      if (f.min) spec["min"] = Num(*f.min);
      if (f.max) spec["max"] = Num(*f.max);
      if (!f.exclude.empty()) spec["exclude"] = Strings(f.exclude);
      if (!f.evidence.empty()) spec["evidence"] = Strings(f.evidence);
      floors[f.party][f.issue] = spec;
    }
    out["floors"] = floors;
  }
  if (!c.evidence.empty()) {
    out["evidence"] = Json::array();
    for (const Evidence& e : c.evidence) {
      Json item = Json::object();
      item["id"] = e.id;
      item["kind"] = EvidenceKindName(e.kind);
      item["claim"] = e.claim;
      if (!e.source.empty()) item["source"] = e.source;
      if (!e.date.empty()) item["date"] = e.date;
      out["evidence"].push_back(item);
    }
  }
  if (!c.stakeholders.empty()) {
    out["stakeholders"] = Json::array();
    for (const Stakeholder& s : c.stakeholders) {
      Json item = Json::object();
      item["id"] = s.id;
      item["party"] = s.party;
      if (!s.name.empty()) item["name"] = s.name;
      if (!s.title.empty()) item["title"] = s.title;
      if (s.formal) item["formal"] = Num(*s.formal);
      if (s.veto) item["veto"] = true;
      if (s.stance) item["stance"] = Num(*s.stance);
      if (!s.interests.empty()) item["interests"] = Strings(s.interests);
      if (!s.influences.empty()) {
        item["influences"] = Json::array();
        for (const Influence& inf : s.influences) {
          item["influences"].push_back(Json{{"on", inf.on}, {"weight", Num(inf.weight)}});
        }
      }
      if (!s.evidence.empty()) item["evidence"] = Strings(s.evidence);
      out["stakeholders"].push_back(item);
    }
  }
  if (!c.concessions.empty()) {
    out["concessions"] = Json::array();
    for (const Concession& con : c.concessions) {
      Json item = Json::object();
      item["item"] = con.item;
      if (!con.by.empty()) item["by"] = con.by;
      if (!con.give.empty()) item["give"] = PackageJson(con.give);
      if (!con.get.empty()) item["get"] = PackageJson(con.get);
      if (!con.trigger.empty()) item["trigger"] = con.trigger;
      if (!con.date.empty()) item["date"] = con.date;
      out["concessions"].push_back(item);
    }
  }
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

void EmitYaml(YAML::Emitter& out, const Json& j, bool flow_context) {
  switch (j.type()) {
    case Json::value_t::object:
      out << YAML::BeginMap;
      for (auto it = j.begin(); it != j.end(); ++it) {
        out << YAML::Key;
        if (IsSafePlain(it.key())) {
          out << it.key();
        } else {
          out << YAML::DoubleQuoted << it.key();
        }
        out << YAML::Value;
        EmitYaml(out, it.value(), flow_context);
      }
      out << YAML::EndMap;
      return;
    case Json::value_t::array: {
      bool all_scalars = true;
      for (const Json& item : j) all_scalars = all_scalars && !item.is_object() && !item.is_array();
      const bool pairs = !j.empty() && std::all_of(j.begin(), j.end(), [](const Json& item) {
        return item.is_array() && item.size() == 2 && item[0].is_number();
      });
      const bool flow = flow_context || (all_scalars && j.size() <= 12) || pairs;
      if (flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const Json& item : j) EmitYaml(out, item, flow);
      out << YAML::EndSeq;
      return;
    }
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      if (IsSafePlain(s)) {
        out << s;
      } else {
        out << YAML::DoubleQuoted << s;
      }
      return;
    }
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
