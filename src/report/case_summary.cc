#include "parley/report/case_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <sstream>

#include "parley/analysis/floors.h"
#include "parley/analysis/walk_away.h"
#include "parley/core/evidence_coverage.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"
#include "parley/report/outcome_format.h"

namespace parley::report {

namespace {

using Json = nlohmann::ordered_json;

// The JSON names of analysis::WalkAwayBasis, in its order.
constexpr const char* kBasisNames[] = {"batna", "worst-deal", "utility-0"};

const char* FormName(const Preferences* prefs) {
  if (prefs == nullptr) return "none";
  switch (prefs->form) {
    case ValueForm::kMoney:
      return "money";
    case ValueForm::kUtility:
      return "utility";
    case ValueForm::kRectangles:
      return "rectangles";
  }
  return "none";
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

Json PartyJson(const Case& c, const Party& p) {
  Json j;
  j["id"] = p.id;
  j["name"] = p.DisplayName();
  j["side"] = p.side == Side::kUs ? "us" : "them";
  const Preferences* prefs = c.FindValues(p.id);
  j["form"] = FormName(prefs);
  if (p.batna) {
    Json b;
    b["description"] = p.batna->description;
    if (p.batna->value) b["value"] = *p.batna->value;
    if (p.batna->range) b["range"] = {p.batna->range->first, p.batna->range->second};
    if (p.batna->utility) b["utility"] = *p.batna->utility;
    if (p.batna->outcome) {
      Json o = Json::object();
      for (const auto& [issue, v] : *p.batna->outcome) o[issue] = FormatIssueValue(v);
      b["outcome"] = o;
    }
    b["costs"] = p.batna->costs.Total();
    b["evidence"] = p.batna->evidence;
    j["batna"] = b;
  } else {
    j["batna"] = nullptr;
  }
  if (prefs != nullptr) {
    // In the deal space within every floor, as the walk-away (analysis/walk_away.h) reads it.
    const analysis::FlooredCase floored = analysis::ApplyFloors(c);
    const PartyValuation v(floored.feasible ? floored.c : c, p.id);
    const analysis::WalkAway walk_away = analysis::PartyWalkAway(c, p.id);
    j["value_range"] = {v.MinValue(), v.MaxValue()};
    j["reservation_value"] = walk_away.value;
    j["reservation_range"] = {walk_away.range.first, walk_away.range.second};
    j["reservation_basis"] = kBasisNames[static_cast<int>(walk_away.basis)];
    j["disagreement_utility"] = v.DisagreementUtility();
  }
  if (p.deadline) {
    Json d;
    d["date"] = p.deadline->none ? "none" : p.deadline->date;
    d["cost_per_week"] =
        p.deadline->cost_per_week ? Json(*p.deadline->cost_per_week) : Json(nullptr);
    d["discount"] = p.deadline->discount ? Json(*p.deadline->discount) : Json(nullptr);
    j["deadline"] = d;
  } else {
    j["deadline"] = nullptr;
  }
  j["sets"] = Json::array();
  for (const ImposedDate& d : p.sets) {
    j["sets"].push_back(
        {{"date", d.date}, {"for", d.for_party}, {"reason", d.reason}, {"evidence", d.evidence}});
  }
  Json power = Json::object();
  for (int s = 0; s < kPowerSourceCount; ++s) {
    if (p.power[s]) power[PowerSourceNames()[s]] = p.power[s]->score;
  }
  j["power"] = power;
  j["perceived_power"] = p.perceived_power ? Json(*p.perceived_power) : Json(nullptr);
  return j;
}

Json Opt(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

// Every stakeholder with the fields the case gives (docs/cli.md, `show`).
Json StakeholderListJson(const Case& c) {
  Json list = Json::array();
  for (const Stakeholder& s : c.stakeholders) {
    const Party* party = c.FindParty(s.party);
    Json ties = Json::array();
    for (const Influence& tie : s.influences)
      ties.push_back({{"on", tie.on}, {"weight", tie.weight}});
    list.push_back({{"id", s.id},
                    {"party", s.party},
                    {"side", party != nullptr && party->side == Side::kUs ? "us" : "them"},
                    {"name", s.name},
                    {"title", s.title},
                    {"role", s.role.empty() ? Json(nullptr) : Json(s.role)},
                    {"formal", Opt(s.formal)},
                    {"veto", s.veto},
                    {"stance", Opt(s.stance)},
                    {"interest", Opt(s.interest)},
                    {"urgency", Opt(s.urgency)},
                    {"interests", s.interests},
                    {"influences", ties}});
  }
  return list;
}

// The case's decision rules as the case writes them.
Json DecisionJson(const Case& c) {
  Json list = Json::array();
  for (const DecisionRule& d : c.decisions) {
    Json weights = Json::object();
    for (const auto& [id, w] : d.weights) weights[id] = w;
    list.push_back({{"party", d.party},
                    {"rule", DecisionRuleName(d.rule)},
                    {"quota", Opt(d.quota)},
                    {"weights", weights},
                    {"decider", d.decider.empty() ? Json(nullptr) : Json(d.decider)}});
  }
  return list;
}

Json CaseSummaryJsonImpl(const std::string& file, const Case& c) {
  Json j;
  j["command"] = "show";
  j["file"] = file;
  j["title"] = c.title;
  j["context"] = c.context ? Json(ContextName(*c.context)) : Json(nullptr);
  j["relationship"] = c.relationship ? Json(RelationshipName(*c.relationship)) : Json(nullptr);
  j["horizon"] = c.horizon
                     ? Json{{"deals", c.horizon->deals}, {"likelihood", c.horizon->likelihood}}
                     : Json(nullptr);
  j["culture"] = c.culture ? Json(CultureName(*c.culture)) : Json(nullptr);
  j["currency"] = c.currency;
  j["parties"] = Json::array();
  for (const Party& p : c.parties) j["parties"].push_back(PartyJson(c, p));
  j["issues"] = Json::array();
  for (const Issue& issue : c.issues) {
    Json i;
    i["id"] = issue.id;
    i["name"] = issue.DisplayName();
    i["kind"] = issue.kind == IssueKind::kNumber ? "number" : "options";
    i["value_count"] = std::to_string(issue.ValueCount());
    if (issue.kind == IssueKind::kNumber) {
      i["range"] = {issue.lo, issue.hi};
      i["step"] = issue.step;
    } else {
      i["options"] = issue.options;
    }
    j["issues"].push_back(i);
  }
  j["outcome_count"] = OutcomeSpace(c.issues).Size().ToString();
  Json claims = Json::array();
  std::size_t supported = 0;
  for (const Claim& claim : ListClaims(c)) {
    supported += claim.Supported();
    claims.push_back({{"party", claim.party},
                      {"kind", ClaimKindName(claim.kind)},
                      {"subject", claim.subject},
                      {"supported", claim.Supported()},
                      {"evidence", claim.evidence}});
  }
  j["evidence_coverage"] = {{"claims", claims.size()}, {"supported", supported}, {"list", claims}};
  j["evidence_items"] = c.evidence.size();
  j["stakeholders"] = c.stakeholders.size();
  j["concessions"] = c.concessions.size();
  j["rounds"] = c.rounds.size();
  j["stakeholder_list"] = StakeholderListJson(c);
  j["decision"] = DecisionJson(c);
  return j;
}

// A score as the case writes it, "?" when not stated.
std::string Score(const std::optional<double>& x, bool sign = false) {
  if (!x) return "?";
  return (sign && *x > 0 ? "+" : "") + FormatNumber(*x);
}

// A decision rule in words: "weighted, quota 4, weights h-cfo 3, h-coo 2".
std::string RuleText(const DecisionRule& d) {
  std::string out = DecisionRuleName(d.rule);
  if (!d.decider.empty()) out += ", decider " + d.decider;
  if (d.quota) out += ", quota " + FormatNumber(*d.quota);
  for (std::size_t k = 0; k < d.weights.size(); ++k) {
    out += (k == 0 ? ", weights " : ", ") + d.weights[k].first + " " +
           FormatNumber(d.weights[k].second);
  }
  return out;
}

// Each stakeholder with every field of the map (side, role, scores, veto, who listens to
// them), then each party's decision rule; parties with stakeholders and no rule say so.
void StakeholdersText(std::ostream& out, const Case& c) {
  for (const Stakeholder& s : c.stakeholders) {
    const Party* party = c.FindParty(s.party);
    const std::string side = party != nullptr && party->side == Side::kUs ? "us" : "them";
    std::string line = fmt::format(
        "  {} ({}), {} [{}]: role {}, formal {}{}, stance {}, interest {}, urgency {}",
        s.name.empty() ? (s.title.empty() ? s.id : s.title)
                       : s.name + (s.title.empty() ? "" : ", " + s.title),
        s.id, PartyName(c, s.party), side, s.role.empty() ? "?" : s.role, Score(s.formal),
        s.veto ? ", veto" : "", Score(s.stance, true), Score(s.interest), Score(s.urgency));
    std::vector<std::string> ties;
    for (const Influence& tie : s.influences) {
      ties.push_back(tie.on + " " + text::Percent(tie.weight));
    }
    if (!ties.empty()) line += "; listened to by " + Join(ties, ", ");
    out << line << '\n';
  }
  std::vector<std::string> parties;
  for (const Stakeholder& s : c.stakeholders) {
    if (std::find(parties.begin(), parties.end(), s.party) == parties.end()) {
      parties.push_back(s.party);
    }
  }
  for (const DecisionRule& d : c.decisions) {
    if (std::find(parties.begin(), parties.end(), d.party) == parties.end()) {
      parties.push_back(d.party);
    }
  }
  if (parties.empty()) return;
  out << "Decision rules:\n";
  for (const std::string& id : parties) {
    const auto d = std::find_if(c.decisions.begin(), c.decisions.end(),
                                [&](const DecisionRule& r) { return r.party == id; });
    out << "  " << PartyName(c, id) << ": "
        << (d != c.decisions.end()
                ? RuleText(*d)
                : std::string(
                      "not stated (the highest `formal` decides alone; docs/stakeholders.md)"))
        << '\n';
  }
}

// One party's lines of the summary: sides and form, BATNA, walk-away, deadline, power.
void PartyText(std::ostream& out, const Case& c, const Party& p) {
  const Preferences* prefs = c.FindValues(p.id);
  const bool money = prefs != nullptr && prefs->form == ValueForm::kMoney;
  out << fmt::format("  {} ({}) [{}], values in {} form\n", p.DisplayName(), p.id,
                     p.side == Side::kUs ? "us" : "them", FormName(prefs));
  if (p.batna) {
    const Batna& b = *p.batna;
    std::string what;
    if (b.value) what = "value " + text::Amount(*b.value, true);
    if (b.range)
      what = "range " + text::Amount(b.range->first, true) + " to " +
             text::Amount(b.range->second, true);
    if (b.utility) what = "utility " + text::Amount(*b.utility, false);
    if (b.outcome) what = "a reservation bid";
    if (b.costs.Total() > 0) what += ", less costs " + text::Amount(b.costs.Total(), true);
    out << "    BATNA:      " << (b.description.empty() ? "" : b.description + ": ") << what
        << "\n";
  } else {
    out << "    BATNA:      none stated\n";
  }
  if (prefs != nullptr) {
    // The walk-away every command states, on the scale of the deals within every floor.
    const analysis::FlooredCase floored = analysis::ApplyFloors(c);
    const PartyValuation v(floored.feasible ? floored.c : c, p.id);
    out << "    Walk-away:  " << analysis::WalkAwayText(c, analysis::PartyWalkAway(c, p.id))
        << fmt::format("; utility {:.4f} on a scale where its deals{} run from {} to {}\n",
                       v.DisagreementUtility(), c.floors.empty() ? "" : " within the floors",
                       text::Amount(v.MinValue(), money), text::Amount(v.MaxValue(), money));
  }
  if (p.deadline) {
    std::vector<std::string> parts;
    if (!p.deadline->date.empty()) parts.push_back(p.deadline->date);
    if (p.deadline->none) {
      parts.push_back(p.deadline->cost_per_week || p.deadline->discount
                          ? "no date"
                          : "none (no time pressure)");
    }
    if (p.deadline->cost_per_week)
      parts.push_back(text::Amount(*p.deadline->cost_per_week, true) + " per week of delay");
    if (p.deadline->discount)
      parts.push_back(fmt::format("discount factor {}", *p.deadline->discount));
    out << "    Deadline:   " << Join(parts, ", ") << "\n";
  } else {
    out << "    Deadline:   unknown (not stated)\n";
  }
  for (const ImposedDate& d : p.sets) {
    out << "    Sets:       " << d.date << " for " << PartyName(c, d.for_party)
        << (d.reason.empty() ? "" : ": " + d.reason) << (d.evidence.empty() ? " (no evidence)" : "")
        << "\n";
  }
  std::vector<std::string> scores;
  for (int s = 0; s < kPowerSourceCount; ++s) {
    if (p.power[s])
      scores.push_back(fmt::format("{} {}", PowerSourceNames()[s], p.power[s]->score));
  }
  if (!scores.empty()) out << "    Power:      " << Join(scores, ", ") << "\n";
  if (p.perceived_power) out << "    Feels:      " << *p.perceived_power << " of 5\n";
}

void CaseSummaryText(std::ostream& out, const Case& c) {
  out << c.title << "\n";
  std::vector<std::string> facts;
  if (c.context) facts.push_back(ContextName(*c.context));
  if (c.relationship) {
    std::string fact = std::string(RelationshipName(*c.relationship)) + " relationship";
    if (c.horizon) {
      fact += " (" + std::to_string(c.horizon->deals) + " more deal" +
              (c.horizon->deals == 1 ? "" : "s") + " expected, each " +
              text::Percent(c.horizon->likelihood) + " likely)";
    }
    facts.push_back(fact);
  }
  if (c.culture) facts.push_back(std::string(CultureName(*c.culture)) + " culture");
  if (!c.currency.empty()) facts.push_back("money in " + c.currency);
  if (!facts.empty()) out << "  " << Join(facts, ", ") << "\n";

  out << "\nParties\n";
  for (const Party& p : c.parties) PartyText(out, c, p);

  out << "\nIssues\n";
  OutcomeSpace space(c.issues);
  std::vector<std::string> counts;
  std::size_t width = 0;
  // Names pad to the longest, up to 40 columns: one long name must not widen every line.
  for (const Issue& issue : c.issues) width = std::max(width, issue.DisplayName().size());
  width = std::min<std::size_t>(width, 40);
  for (const Issue& issue : c.issues) {
    counts.push_back(std::to_string(issue.ValueCount()));
    if (issue.kind == IssueKind::kNumber) {
      out << fmt::format("  {:<{}}  number   {} to {} step {} ({} values)\n", issue.DisplayName(),
                         width, text::IssueValueText(c, issue, issue.lo),
                         text::IssueValueText(c, issue, issue.hi),
                         text::IssueValueText(c, issue, issue.step), issue.ValueCount());
    } else {
      out << fmt::format("  {:<{}}  options  {}\n", issue.DisplayName(), width,
                         Join(issue.options, " | "));
    }
  }
  out << "\nOutcome space: " << (counts.size() > 1 ? Join(counts, " x ") + " = " : "")
      << space.Size().ToString() << " outcomes\n";

  const std::vector<Claim> claims = ListClaims(c);
  std::size_t supported = 0;
  for (const Claim& claim : claims) supported += claim.Supported();
  out << fmt::format(
      "\nEvidence coverage: {} of {} claims backed by evidence ({} evidence item{})\n", supported,
      claims.size(), c.evidence.size(), c.evidence.size() == 1 ? "" : "s");
  for (const Claim& claim : claims) {
    if (claim.Supported()) {
      out << fmt::format("  backed       {} {} ({})\n", claim.party, claim.subject,
                         Join(claim.evidence, ", "));
    }
  }
  for (const Claim& claim : claims) {
    if (!claim.Supported()) {
      out << fmt::format("  unsupported  {} {}: no evidence, a bluff risk\n", claim.party,
                         claim.subject);
    }
  }
  out << fmt::format("\nStakeholders: {}   Concessions logged: {}{}\n", c.stakeholders.size(),
                     c.concessions.size(),
                     c.rounds.empty()
                         ? ""
                         : fmt::format("   Offers made: {}, the last by {} (`parley next` "
                                       "advises the next move)",
                                       c.rounds.size(), PartyName(c, c.rounds.back().by)));
  StakeholdersText(out, c);
}

}  // namespace

std::string RenderCaseSummaryText(const Case& c) {
  std::ostringstream out;
  CaseSummaryText(out, c);
  return out.str();
}

nlohmann::ordered_json CaseSummaryJson(const std::string& file, const Case& c) {
  return CaseSummaryJsonImpl(file, c);
}

}  // namespace parley::report
