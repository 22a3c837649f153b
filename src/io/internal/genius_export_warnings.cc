// What a GENIUS export cannot carry, one warning line per kind of data (GeniusFiles::warnings).
// Each rule looks at one kind and says what of it the case holds; the rules are a table.

#include <algorithm>
#include <string>
#include <vector>

#include "internal/genius_export_plan.h"
#include "parley/core/party_valuation.h"
#include "parley/core/text.h"

namespace parley::io::internal {

namespace {

// The names listed in one warning before "and N more".
constexpr std::size_t kMaxListed = 6;

// "a, b, c and 2 more" for `names` (empty when there are none).
std::string List(const std::vector<std::string>& names, const std::string& separator = ", ") {
  std::string out;
  for (std::size_t k = 0; k < names.size() && k < kMaxListed; ++k) {
    out += (k == 0 ? "" : separator) + names[k];
  }
  if (names.size() > kMaxListed)
    out += " and " + std::to_string(names.size() - kMaxListed) + " more";
  return out;
}

// "1 item" or "3 items".
std::string Count(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Floors(const Case& c, const ExportPlan&) {
  std::vector<std::string> items;
  for (const Floor& f : c.floors) {
    const Issue* issue = c.FindIssue(f.issue);
    if (issue == nullptr) continue;
    std::string item = PartyName(c, f.party) + " " + issue->DisplayName();
    if (f.min) item += " min " + text::IssueValueText(c, *issue, *f.min);
    if (f.max) item += " max " + text::IssueValueText(c, *issue, *f.max);
    if (!f.exclude.empty()) item += " excludes " + List(f.exclude, " and ");
    items.push_back(item);
  }
  if (items.empty()) return "";
  return "floors dropped (a GENIUS profile has no floors, so every deal counts): " +
         List(items, "; ");
}

std::string Deadlines(const Case& c, const ExportPlan&) {
  std::vector<std::string> items;
  for (const Party& p : c.parties) {
    if (!p.deadline || (p.deadline->date.empty() && !p.deadline->cost_per_week)) continue;
    std::string item = p.DisplayName();
    if (!p.deadline->date.empty()) item += " " + p.deadline->date;
    if (p.deadline->cost_per_week) {
      item += (p.deadline->date.empty() ? " " : ", ") +
              text::Money(*p.deadline->cost_per_week, text::MoneyDecimals(c)) + " a week of delay";
    }
    items.push_back(item);
  }
  if (items.empty()) return "";
  return "deadlines and costs of delay dropped (GENIUS keeps only a discount factor): " +
         List(items, "; ");
}

std::string DatesSet(const Case& c, const ExportPlan&) {
  std::vector<std::string> items;
  for (const Party& p : c.parties) {
    for (const ImposedDate& d : p.sets) {
      items.push_back(p.DisplayName() + " " + d.date + " for " + PartyName(c, d.for_party));
    }
  }
  if (items.empty()) return "";
  return "dates set for another side dropped: " + List(items, "; ");
}

std::string BatnaDetails(const Case& c, const ExportPlan&) {
  std::vector<std::string> items;
  const int decimals = text::MoneyDecimals(c);
  for (const Party& p : c.parties) {
    if (!p.batna || c.FindValues(p.id) == nullptr) continue;
    std::vector<std::string> what;
    if (p.batna->range) {
      what.push_back("range " + text::Money(p.batna->range->first, decimals) + " to " +
                     text::Money(p.batna->range->second, decimals));
    }
    if (p.batna->costs.Total() > 0) {
      what.push_back("costs " + text::Money(p.batna->costs.Total(), decimals));
    }
    if (p.batna->outcome) what.push_back("the reservation package");
    if (!p.batna->description.empty()) what.push_back("the description");
    if (!what.empty()) items.push_back(p.DisplayName() + " " + List(what, " and "));
  }
  if (items.empty()) return "";
  return "BATNA ranges, costs, packages and descriptions dropped (each BATNA is written as one "
         "reservation utility): " +
         List(items, "; ");
}

std::string ClampedReservations(const Case& c, const ExportPlan&) {
  std::vector<std::string> items;
  for (const Party& p : c.parties) {
    const Preferences* values = c.FindValues(p.id);
    if (!p.batna || values == nullptr || values->form != ValueForm::kMoney) continue;
    const double r = PartyValuation(c, p.id).DisagreementUtility();
    if (r < 0) items.push_back(p.DisplayName() + " (worse than every deal: 0)");
    if (r > 1) items.push_back(p.DisplayName() + " (better than every deal: 1)");
  }
  if (items.empty()) return "";
  return "reservation utilities clamped to GENIUS's 0 to 1: " + List(items, "; ");
}

std::string PowerScores(const Case& c, const ExportPlan&) {
  std::vector<std::string> items;
  for (const Party& p : c.parties) {
    const auto scored =
        std::count_if(p.power.begin(), p.power.end(), [](const auto& s) { return s.has_value(); });
    std::vector<std::string> what;
    if (scored > 0) what.push_back(Count(static_cast<std::size_t>(scored), "source", "sources"));
    if (p.perceived_power) what.push_back("perceived power");
    if (!what.empty()) items.push_back(p.DisplayName() + " " + List(what, " and "));
  }
  if (items.empty()) return "";
  return "power scores and their notes dropped: " + List(items, "; ");
}

std::string EvidenceItems(const Case& c, const ExportPlan&) {
  if (c.evidence.empty()) return "";
  std::vector<std::string> ids;
  for (const Evidence& e : c.evidence) ids.push_back(e.id);
  return "evidence dropped: " + Count(ids.size(), "item", "items") + " (" + List(ids) + ")";
}

std::string Stakeholders(const Case& c, const ExportPlan&) {
  if (c.stakeholders.empty()) return "";
  std::vector<std::string> ids;
  for (const Stakeholder& s : c.stakeholders) ids.push_back(s.id);
  return "stakeholders dropped: " + Count(ids.size(), "stakeholder", "stakeholders") + " (" +
         List(ids) + ")";
}

std::string Concessions(const Case& c, const ExportPlan&) {
  if (c.concessions.empty()) return "";
  std::vector<std::string> items;
  for (const Concession& k : c.concessions) items.push_back(k.item);
  return "concession log dropped: " + Count(items.size(), "entry", "entries") + " (" +
         List(items, "; ") + ")";
}

std::string Rounds(const Case& c, const ExportPlan&) {
  if (c.rounds.empty()) return "";
  return "the offers made so far dropped: " + Count(c.rounds.size(), "offer", "offers") +
         " in `rounds`";
}

std::string Setting(const Case& c, const ExportPlan&) {
  std::vector<std::string> what;
  if (c.context) what.push_back(std::string("context ") + ContextName(*c.context));
  if (c.relationship) {
    what.push_back(std::string("relationship ") + RelationshipName(*c.relationship));
  }
  if (c.culture) what.push_back(std::string("culture ") + CultureName(*c.culture));
  if (c.horizon) {
    what.push_back("a horizon of " + std::to_string(c.horizon->deals) + " more deals, each " +
                   text::Percent(c.horizon->likelihood) + " likely");
  }
  if (what.empty()) return "";
  return "the setting dropped: " + List(what);
}

std::string Units(const Case& c, const ExportPlan&) {
  std::vector<std::string> what;
  if (!c.currency.empty()) what.push_back("the currency " + c.currency);
  for (const Issue& issue : c.issues) {
    if (!issue.unit.empty()) what.push_back(issue.DisplayName() + " in " + issue.unit);
  }
  if (what.empty()) return "";
  return "currency and units dropped (money values are written as utilities from 0 to 1): " +
         List(what);
}

std::string PartiesWithoutValues(const Case& c, const ExportPlan&) {
  std::vector<std::string> names;
  for (const Party& p : c.parties) {
    if (c.FindValues(p.id) == nullptr) names.push_back(p.DisplayName());
  }
  if (names.empty()) return "";
  return "parties that state no values dropped (a GENIUS profile is a utility function): " +
         List(names);
}

std::string NumbersAsItems(const Case& c, const ExportPlan& plan) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (plan.issues[i].why_items.empty()) continue;
    items.push_back(c.issues[i].DisplayName() + " (" + plan.issues[i].why_items + ")");
  }
  if (items.empty()) return "";
  return "number issues written as discrete items (they read back as options): " +
         List(items, "; ");
}

std::string StepsGeniusIgnores(const Case& c, const ExportPlan& plan) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    if (plan.issues[i].kind != GeniusKind::kReal || plan.issues[i].real_step == 0) continue;
    items.push_back(c.issues[i].DisplayName() + " step " +
                    text::IssueValueText(c, c.issues[i], plan.issues[i].real_step));
  }
  if (items.empty()) return "";
  return "grid steps kept only for Parley (GENIUS ignores the range's step and analyses a real "
         "issue on 21 points): " +
         List(items, "; ");
}

using Rule = std::string (*)(const Case&, const ExportPlan&);

// One rule per kind of data, in the order the warnings are listed.
constexpr Rule kRules[] = {
    NumbersAsItems,
    StepsGeniusIgnores,
    Floors,
    Deadlines,
    DatesSet,
    BatnaDetails,
    ClampedReservations,
    PowerScores,
    EvidenceItems,
    Stakeholders,
    Concessions,
    Rounds,
    PartiesWithoutValues,
    Units,
    Setting,
};

}  // namespace

std::vector<std::string> GeniusExportWarnings(const Case& c, const ExportPlan& plan) {
  std::vector<std::string> out;
  for (const Rule rule : kRules) {
    std::string line = rule(c, plan);
    if (!line.empty()) out.push_back(std::move(line));
  }
  return out;
}

}  // namespace parley::io::internal
