#include "parley/report/stakeholder_report.h"

#include <fmt/format.h>

#include <sstream>

#include "internal/json_util.h"
#include "parley/core/text.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;
using internal::Num;
using stakeholders::MemberPower;
using stakeholders::PartyMap;

const char* QuadrantKey(stakeholders::Quadrant q) {
  static const char* const kKeys[] = {"manage-closely", "keep-satisfied", "keep-informed",
                                      "monitor", "unknown"};
  return kKeys[static_cast<int>(q)];
}

Json Strings(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

Json MemberJson(const PartyMap& m, const MemberPower& p) {
  return {{"id", p.id},
          {"party", m.party},
          {"name", p.name},
          {"title", p.title},
          {"role", p.role.empty() ? Json(nullptr) : Json(p.role)},
          {"formal", Num(p.formal)},
          {"veto", p.veto},
          {"veto_by_rule", p.veto_by_rule},
          {"stance", Num(p.stance)},
          {"interest", Num(p.interest)},
          {"urgency", Num(p.urgency)},
          {"formal_power", Num(p.formal_power)},
          {"formal_power_fraction", p.formal_power_fraction},
          {"banzhaf", Num(p.banzhaf)},
          {"banzhaf_fraction", p.banzhaf_fraction},
          {"informal_influence", Num(p.informal_influence)},
          {"degroot", Num(p.degroot)},
          {"social_power", Num(p.social_power)},
          {"real_power", Num(p.real_power)},
          {"decides", p.decides},
          {"salience", stakeholders::SalienceName(p.salience)},
          {"quadrant", QuadrantKey(p.quadrant)},
          {"unknown", Strings(p.unknowns)}};
}

Json RuleJson(const stakeholders::EffectiveRule& r, const std::string& text) {
  Json weights = Json::object();
  for (const auto& [id, w] : r.rule.weights) weights[id] = Num(w);
  return {{"rule", DecisionRuleName(r.rule.rule)},
          {"quota", Num(r.rule.quota)},
          {"weights", weights},
          {"decider", r.decider.empty() ? Json(nullptr) : Json(r.decider)},
          {"assumed", r.assumed},
          {"text", text}};
}

Json PartyJson(const PartyMap& m) {
  Json steps = Json::array();
  for (const auto& s : m.engagement) steps.push_back({{"id", s.id}, {"reason", s.reason}});
  Json out = {{"party", m.party},
              {"ours", m.ours},
              {"decision_rule", RuleJson(m.rule, m.rule_text)},
              {"consensus", stakeholders::ConsensusKindName(m.consensus)},
              {"informal_influence_measure", m.influence_note},
              {"real_deciders", Strings(m.real_deciders)},
              {"real_deciders_reason", m.reason},
              {"org_chart_decider",
               m.org_chart_decider.empty() ? Json(nullptr) : Json(m.org_chart_decider)},
              {"differs_from_org_chart", m.differs_from_org_chart},
              {"org_chart_note", m.org_chart_note}};
  if (!m.ours) {
    out["threads"] = Strings(m.threads);
    out["single_threaded"] = m.single_threaded;
    out["thread_note"] = m.thread_note;
    out["engagement"] = steps;
    out["mode"] = m.mode;
    out["mode_reason"] = m.mode_reason;
  }
  return out;
}

std::string Opt(const std::optional<double>& x, bool sign = false) {
  if (!x) return "?";
  return (sign && *x > 0 ? "+" : "") + text::Fixed(*x, *x == static_cast<int>(*x) ? 0 : 1);
}

void PartyText(std::ostringstream& out, const Case& c, const PartyMap& m) {
  out << PartyName(c, m.party) << (m.ours ? " (us)" : "") << '\n';
  out << "  Decision rule: " << m.rule_text << '\n';
  out << "  Informal influence: " << m.influence_note << "\n\n";
  out << fmt::format("  {:<16} {:>6} {:>4} {:>6} {:>7} {:>9} {:>8} {:>7}  {:<15} {}\n", "member",
                     "formal", "veto", "stance", "formal", "informal", "real say", "decides",
                     "salience", "quadrant");
  for (const MemberPower& p : m.members) {
    out << fmt::format(
        "  {:<16} {:>6} {:>4} {:>6} {:>7} {:>9} {:>8} {:>7}  {:<15} {}\n", p.id, Opt(p.formal),
        p.veto ? "yes" : "", Opt(p.stance, true), text::Percent(p.formal_power),
        text::Percent(p.informal_influence), text::Percent(p.real_power), p.decides ? "yes" : "",
        stakeholders::SalienceName(p.salience), stakeholders::QuadrantName(p.quadrant));
  }
  out << "\n  Real deciders: ";
  for (std::size_t i = 0; i < m.real_deciders.size(); ++i)
    out << (i ? ", " : "") << m.real_deciders[i];
  out << "\n    " << m.reason << '\n';
  if (m.differs_from_org_chart) out << "  Not the org chart: " << m.org_chart_note << '\n';
  for (const MemberPower& p : m.members) {
    if (p.unknowns.empty()) continue;
    out << "  Unknown for " << p.id << ": ";
    for (std::size_t i = 0; i < p.unknowns.size(); ++i) out << (i ? ", " : "") << p.unknowns[i];
    out << " (not stated; not read as 0)\n";
  }
  if (m.ours) return;
  out << "  Threads: " << m.thread_note << '\n';
  out << "  Engagement, " << m.mode << ": " << m.mode_reason << '\n';
  for (std::size_t i = 0; i < m.engagement.size(); ++i) {
    out << fmt::format("    {}. {}: {}\n", i + 1, m.engagement[i].id, m.engagement[i].reason);
  }
}

}  // namespace

std::string RenderStakeholdersText(const Case& c, const stakeholders::StakeholderMap& map) {
  std::ostringstream out;
  out << "Stakeholder map: " << c.title << '\n';
  if (map.parties.empty()) {
    out << "\nThe case lists no stakeholders: add them under `stakeholders` "
           "(docs/case-format.md).\n";
    return out.str();
  }
  for (const PartyMap& m : map.parties) {
    out << '\n';
    PartyText(out, c, m);
  }
  out << "\nFormal power: Shapley-Shubik index of the decision rule; informal: DeGroot or "
         "Friedkin-Johnsen;\nreal say: formal power passed through who listens to whom "
         "(docs/stakeholders.md).\n";
  return out.str();
}

Json StakeholderMapJson(const stakeholders::StakeholderMap& map) {
  Json people = Json::array(), parties = Json::array();
  for (const PartyMap& m : map.parties) {
    for (const MemberPower& p : m.members) people.push_back(MemberJson(m, p));
    parties.push_back(PartyJson(m));
  }
  Json j = Json::object();
  j["stakeholders"] = people;
  j["real_deciders"] = Strings(map.real_deciders);
  j["engagement_order"] = Strings(map.engagement_order);
  j["parties"] = parties;
  return j;
}

Json StakeholdersJson(const Case& c, const std::string& file,
                      const stakeholders::StakeholderMap& map, const std::string& svg_file) {
  Json j = Json::object();
  j["command"] = "stakeholders";
  j["file"] = file;
  j["title"] = c.title;
  j.update(StakeholderMapJson(map));
  if (!svg_file.empty()) j["svg"] = {{"file", svg_file}};
  return j;
}

}  // namespace parley::report
