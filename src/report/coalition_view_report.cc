#include "parley/report/coalition_view_report.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "parley/core/text.h"
#include "parley/report/outcome_format.h"

namespace parley::report {
namespace {

using analysis::CoalitionView;
using analysis::SubsetView;

constexpr const char* kModel =
    "A group that agrees alone settles the issues no outsider values; each member counts every "
    "other issue at its worst value or 0, whichever is lower (no gain it needs an outsider for, "
    "no cost it could avoid), and the parties outside take their BATNAs. The case does not say "
    "which issues a group could settle without a party that values them: read the groups' "
    "lines as a floor.";

std::string Members(const CoalitionView& v, std::uint32_t members, const std::string& sep) {
  std::string out;
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    if ((members >> p) & 1u) out += (out.empty() ? "" : sep) + v.names[p];
  }
  return out;
}

std::string Pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string Gain(const CoalitionView& v, double x) {
  return v.money ? text::Money(x, v.decimals) : text::Fixed(x, 4);
}

void DealText(std::ostringstream& out, const Case& c, const CoalitionView& v,
              const std::string& source) {
  out << (source == "offer" ? "Proposed deal (the offer): "
                            : "Proposed deal (the predicted deal): ")
      << text::OutcomeText(c, v.deal) << ".\n";
  out << "  " << Pad("Party", 28) << (v.money ? "Gain over its BATNA" : "Utility over its BATNA")
      << '\n';
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    out << "  " << Pad(v.names[p], 28) << Gain(v, v.deal_gain[p]) << '\n';
  }
}

void SubsetsText(std::ostringstream& out, const CoalitionView& v) {
  std::size_t width = 10;
  for (const SubsetView& s : v.subsets) {
    if (s.members != v.Everyone()) width = std::max(width, Members(v, s.members, ", ").size() + 2);
  }
  out << "\nWhat each group can reach on its own:\n  " << Pad("Members", width) << Pad("ZOPA", 6);
  if (v.money) out << Pad("Best surplus alone", 20) << Pad("Their gain in deal", 20);
  out << "Blocks the deal\n";
  for (const SubsetView& s : v.subsets) {
    std::string who = Members(v, s.members, ", ");
    if (s.members == v.Everyone()) who = "everyone";
    out << "  " << Pad(who, width) << Pad(s.zopa ? "yes" : "no", 6);
    std::string blocks = s.blocks ? "yes" : "no";
    if (v.money) {
      out << Pad(text::Money(*s.worth, v.decimals), 20)
          << Pad(text::Money(s.deal_gain, v.decimals), 20);
      const double short_by = v.Shortfall(s);
      blocks = short_by > 0 ? "yes, by " + text::Money(short_by, v.decimals) : "no";
    }
    out << blocks << '\n';
  }
}

void ShapleyText(std::ostringstream& out, const CoalitionView& v,
                 const coalition::PowerIndices* shapley) {
  const coalition::PowerIndex* split = shapley ? shapley->Find("shapley_value") : nullptr;
  if (!split) {
    out << "\nNo Shapley split: the parties state utilities, not money, so there is no surplus "
           "to transfer; the core is tested without side payments (no group has an outcome all "
           "its members strictly prefer).\n";
    return;
  }
  out << "\nShapley split of the surplus (Shapley 1953; each group's worth is its best surplus "
         "alone):\n";
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    out << "  " << Pad(v.names[p], 28) << Pad(text::Money(split->values[p].value, v.decimals), 16)
        << "deal gives " << text::Money(v.deal_gain[p], v.decimals) << '\n';
  }
}

}  // namespace

coalition::TuGame CoalitionViewGame(const CoalitionView& v) {
  coalition::TuGame game;
  if (!v.money) return game;
  game.players = v.parties;
  for (const SubsetView& s : v.subsets) {
    if (!s.worth || s.worth_text == "0") continue;
    coalition::CoalitionWorth w;
    for (std::size_t p = 0; p < v.parties.size(); ++p) {
      if ((s.members >> p) & 1u) w.members.push_back(p);
    }
    w.value = s.worth_text;
    game.worths.push_back(std::move(w));
  }
  return game;
}

std::string RenderCoalitionViewText(const Case& c, const CoalitionView& v,
                                    const coalition::PowerIndices* shapley,
                                    const std::string& source) {
  std::ostringstream out;
  out << "Coalition view: " << c.title << " (" << v.parties.size() << " parties, "
      << (v.money ? "money: surplus can be shared" : "utilities: no side payments") << ")\n";
  out << kModel << "\n\n";
  DealText(out, c, v, source);
  SubsetsText(out, v);
  out << "\nCore (Gillies 1959): the proposed deal is ";
  if (v.in_core) {
    out << "in the core: no group does better on its own.\n";
  } else if (v.blocked_by == v.Everyone()) {
    // Only everyone together does better: the deal wastes joint value, no group walks away.
    const SubsetView& all = *v.Find(v.Everyone());
    out << "not in the core, though no smaller group does better on its own: the parties "
           "together could all do better"
        << (v.money ? " (it leaves " + text::Money(v.Shortfall(all), v.decimals) +
                          " of joint value unused)"
                    : "")
        << ". Look for the package that creates it before anyone signs.\n";
  } else if (v.blocked_by != 0) {
    out << "not in the core: some group does better on its own (above).\n";
  } else {
    out << "not in the core: a party gets less than its BATNA (above).\n";
  }
  ShapleyText(out, v, shapley);
  if (!v.essential.empty()) {
    std::string names;
    for (std::size_t p : v.essential) names += (names.empty() ? "" : ", ") + v.names[p];
    out << "\nIn every workable deal (veto): " << names << ".\n";
  }
  if (!v.conflicts.empty()) {
    out << "Pairs that cannot agree on their own:";
    for (std::size_t k = 0; k < v.conflicts.size(); ++k) {
      out << (k == 0 ? " " : "; ") << v.names[v.conflicts[k].first] << " and "
          << v.names[v.conflicts[k].second];
    }
    out << ".\n";
  }
  out << "\nEngage "
      << (v.advice.kind == analysis::EngagementKind::kOneByOne ? "one by one" : "together")
      << " (rule " << v.advice.rule << "): " << v.advice.reason << ".\n";
  return out.str();
}

nlohmann::ordered_json CoalitionViewJson(const Case& c, const CoalitionView& v,
                                         const coalition::PowerIndices* shapley,
                                         const std::string& source) {
  nlohmann::ordered_json j;
  j["case"] = c.title;
  j["view"] = v.money ? "money" : "utility";
  j["model"] = kModel;
  j["parties"] = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    j["parties"].push_back({{"id", v.parties[p]}, {"name", v.names[p]}});
  }
  nlohmann::ordered_json gains = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    gains.push_back(
        {{"party", v.parties[p]}, {"utility", v.deal_utility[p]}, {"gain", v.deal_gain[p]}});
  }
  j["deal"] = {{"source", source}, {"terms", OutcomeJson(c, v.deal)}, {"gains", gains}};
  j["subsets"] = nlohmann::ordered_json::array();
  for (const SubsetView& s : v.subsets) {
    nlohmann::ordered_json e;
    e["members"] = nlohmann::ordered_json::array();
    for (std::size_t p = 0; p < v.parties.size(); ++p) {
      if ((s.members >> p) & 1u) e["members"].push_back(v.parties[p]);
    }
    e["zopa"] = s.zopa;
    e["blocks"] = v.money ? v.Shortfall(s) > 0 : s.blocks;
    e["strictly_better_outcome"] = nullptr;
    if (s.blocking) {  // the issues the group settles; the others are not its to set
      nlohmann::ordered_json terms = OutcomeJson(c, *s.blocking);
      nlohmann::ordered_json settled = nlohmann::ordered_json::object();
      for (std::size_t i : s.settled) settled[c.issues[i].id] = terms[c.issues[i].id];
      e["strictly_better_outcome"] = settled;
    }
    if (v.money) {
      e["worth"] = s.worth_text;
      e["deal_gain"] = s.deal_gain;
      e["shortfall"] = v.Shortfall(s);
    }
    j["subsets"].push_back(std::move(e));
  }
  j["in_core"] = v.in_core;
  j["blocked_by"] = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < v.parties.size(); ++p) {
    if ((v.blocked_by >> p) & 1u) j["blocked_by"].push_back(v.parties[p]);
  }
  j["essential"] = nlohmann::ordered_json::array();
  for (std::size_t p : v.essential) j["essential"].push_back(v.parties[p]);
  j["conflicts"] = nlohmann::ordered_json::array();
  for (const auto& [a, b] : v.conflicts) j["conflicts"].push_back({v.parties[a], v.parties[b]});
  const coalition::PowerIndex* split = shapley ? shapley->Find("shapley_value") : nullptr;
  j["shapley"] = nullptr;
  if (split) {
    j["shapley"] = nlohmann::ordered_json::array();
    for (std::size_t p = 0; p < v.parties.size(); ++p) {
      j["shapley"].push_back({{"player", v.parties[p]},
                              {"fraction", split->values[p].Text()},
                              {"value", split->values[p].value}});
    }
  }
  j["engagement"] = {{"kind", analysis::EngagementKindName(v.advice.kind)},
                     {"rule", v.advice.rule},
                     {"reason", v.advice.reason}};
  return j;
}

}  // namespace parley::report
