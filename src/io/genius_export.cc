// ExportGeniusXml: a case as a GENIUS XML domain and one profile per party that states values.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "internal/genius_export_plan.h"
#include "internal/genius_xml.h"
#include "parley/core/error.h"
#include "parley/io/file.h"
#include "parley/io/genius.h"
#include "parley/io/load_result.h"

namespace parley::io {

namespace {

using internal::ExportIssue;
using internal::ExportPlan;
using internal::ExportProfile;
using internal::ExportTerm;
using internal::GeniusKind;

// The longest stem of the domain file name taken from the title, in bytes (all ASCII).
constexpr std::size_t kMaxStemBytes = 64;

// `title` as a file name stem that reads back as the same title where it can: letters, digits,
// '_', '.' and '-' kept, other runs of bytes become one '-', no '-' or '.' at the ends.
std::string FileSafe(const std::string& title) {
  std::string out;
  for (const char ch : title) {
    const bool keep =
        std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
    if (keep && !(ch == '.' && out.empty())) {
      out += ch;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  // A file name holds at most 255 bytes: the stem keeps the first kMaxStemBytes.
  if (out.size() > kMaxStemBytes) out.resize(kMaxStemBytes);
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out;
}

const char* KindName(GeniusKind kind) {
  switch (kind) {
    case GeniusKind::kDiscrete:
      return "discrete";
    case GeniusKind::kInteger:
      return "integer";
    case GeniusKind::kReal:
      return "real";
  }
  return "discrete";
}

void SetNumber(pugi::xml_node node, const char* name, double x) {
  node.append_attribute(name).set_value(FormatNumber(x).c_str());
}

void SetInteger(pugi::xml_node node, const char* name, std::int64_t x) {
  node.append_attribute(name).set_value(std::to_string(x).c_str());
}

// <issue> with its type and (integer, real) bounds; the items of a discrete issue are added by
// the caller, with or without evaluations.
pugi::xml_node AppendIssue(pugi::xml_node objective, std::size_t i, const Issue& issue,
                           const ExportIssue& x) {
  pugi::xml_node node = objective.append_child("issue");
  SetInteger(node, "index", static_cast<std::int64_t>(i + 1));
  node.append_attribute("name").set_value(issue.DisplayName().c_str());
  for (const char* attribute : {"etype", "type", "vtype"}) {
    node.append_attribute(attribute).set_value(KindName(x.kind));
  }
  if (!issue.description.empty()) {
    node.append_attribute("description").set_value(issue.description.c_str());
  }
  if (x.kind == GeniusKind::kInteger) {
    SetInteger(node, "lowerbound", x.int_lo);
    SetInteger(node, "upperbound", x.int_hi);
  } else if (x.kind == GeniusKind::kReal) {
    pugi::xml_node range = node.append_child("range");
    SetNumber(range, "lowerbound", issue.lo);
    SetNumber(range, "upperbound", issue.hi);
    if (x.real_step > 0) SetNumber(range, "step", x.real_step);  // Parley's grid; GENIUS ignores it
  }
  return node;
}

// The root <objective>: the case's title and description in the domain, the party's name and
// description in a profile.
pugi::xml_node AppendObjective(pugi::xml_node parent, const std::string& name,
                               const std::string& description) {
  pugi::xml_node objective = parent.append_child("objective");
  objective.append_attribute("index").set_value("0");
  objective.append_attribute("etype").set_value("objective");
  objective.append_attribute("type").set_value("objective");
  objective.append_attribute("description").set_value(description.c_str());
  objective.append_attribute("name").set_value(name.c_str());
  return objective;
}

std::string Save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

// The profile file of a party.
std::string ProfileFileName(const ExportProfile& profile) { return profile.party + ".xml"; }

// The domain, with one <agent name="party" utility_space="party.xml"/> per profile, `us` first,
// as GENIUS templates list their agents: GENIUS ignores these elements when it loads a domain,
// and ImportScenarioFolder takes the profiles in their order. No `class` attribute: Parley names
// no GENIUS agent to play a party.
std::string DomainXml(const Case& c, const ExportPlan& plan) {
  pugi::xml_document doc;
  doc.append_child(pugi::node_comment).set_value(" GENIUS domain exported by Parley ");
  pugi::xml_node root = doc.append_child("negotiation_template");
  for (const ExportProfile& profile : plan.profiles) {
    pugi::xml_node agent = root.append_child("agent");
    agent.append_attribute("name").set_value(profile.party.c_str());
    agent.append_attribute("utility_space").set_value(ProfileFileName(profile).c_str());
  }
  pugi::xml_node space = root.append_child("utility_space");
  SetInteger(space, "number_of_issues", static_cast<std::int64_t>(c.issues.size()));
  pugi::xml_node objective = AppendObjective(space, c.title, c.description);
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    pugi::xml_node node = AppendIssue(objective, i, c.issues[i], plan.issues[i]);
    for (std::size_t k = 0; k < plan.issues[i].items.size(); ++k) {
      pugi::xml_node item = node.append_child("item");
      SetInteger(item, "index", static_cast<std::int64_t>(k + 1));
      item.append_attribute("value").set_value(plan.issues[i].items[k].c_str());
    }
  }
  return Save(doc);
}

void AppendEvaluator(pugi::xml_node node, const ExportIssue& x, const ExportTerm& t) {
  if (x.kind == GeniusKind::kDiscrete) {
    for (std::size_t k = 0; k < x.items.size(); ++k) {
      pugi::xml_node item = node.append_child("item");
      SetInteger(item, "index", static_cast<std::int64_t>(k + 1));
      item.append_attribute("value").set_value(x.items[k].c_str());
      SetNumber(item, "evaluation", t.evaluations[k]);
    }
    return;
  }
  pugi::xml_node evaluator = node.append_child("evaluator");
  if (x.kind == GeniusKind::kInteger) {
    evaluator.append_attribute("ftype").set_value("linear");
    SetNumber(evaluator, "slope", t.slope);
    SetNumber(evaluator, "offset", t.offset);
    return;
  }
  evaluator.append_attribute("ftype").set_value(t.ftype.c_str());
  SetNumber(evaluator, "parameter0", t.parameter0);
  if (t.ftype != "constant") SetNumber(evaluator, "parameter1", t.parameter1);
  if (t.ftype == "triangular") SetNumber(evaluator, "parameter2", t.parameter2);
}

void AppendRectangles(pugi::xml_node objective, const Case& c, const RectangleUtility& r) {
  pugi::xml_node utility = objective.append_child("utility");
  SetNumber(utility, "maxutility", r.max_utility);
  pugi::xml_node ufun = utility.append_child("ufun");
  ufun.append_attribute("type").set_value("PlainUfun");
  SetNumber(ufun, "weight", r.weight);
  ufun.append_attribute("aggregation").set_value("sum");
  for (const UtilityBox& box : r.boxes) {
    pugi::xml_node rectangle = ufun.append_child("hyperRectangle");
    SetNumber(rectangle, "utility", box.utility);
    for (const auto* bounds : {&box.include, &box.exclude}) {
      for (const IssueBound& b : *bounds) {
        pugi::xml_node bound =
            rectangle.append_child(bounds == &box.include ? "INCLUDES" : "EXCLUDES");
        SetInteger(bound, "index", c.IssueIndex(b.issue) + 1);
        SetNumber(bound, "min", b.min);
        SetNumber(bound, "max", b.max);
      }
    }
  }
}

std::string ProfileXml(const Case& c, const ExportPlan& plan, const ExportProfile& profile) {
  pugi::xml_document doc;
  const Party* party = c.FindParty(profile.party);
  doc.append_child(pugi::node_comment).set_value(" GENIUS profile exported by Parley ");
  pugi::xml_node root = doc.append_child("utility_space");
  if (profile.nonlinear) root.append_attribute("type").set_value("nonlinear");
  if (profile.reservation) {
    SetNumber(root.append_child("reservation"), "value", *profile.reservation);
  }
  if (profile.discount) SetNumber(root.append_child("discount_factor"), "value", *profile.discount);
  pugi::xml_node objective =
      AppendObjective(root, party != nullptr ? party->DisplayName() : profile.party,
                      party != nullptr ? party->description : "");
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    pugi::xml_node node = AppendIssue(objective, i, c.issues[i], plan.issues[i]);
    if (!profile.nonlinear) AppendEvaluator(node, plan.issues[i], profile.terms[i]);
  }
  if (profile.nonlinear) {
    AppendRectangles(objective, c, *profile.rectangles);
  } else {
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
      pugi::xml_node weight = objective.append_child("weight");
      SetInteger(weight, "index", static_cast<std::int64_t>(i + 1));
      SetNumber(weight, "value", profile.terms[i].weight);
    }
  }
  return Save(doc);
}

}  // namespace

GeniusFiles ExportGeniusXml(const Case& c) {
  const ExportPlan plan = internal::PlanGeniusExport(c);
  GeniusFiles files;
  std::set<std::string> taken;
  for (const ExportProfile& profile : plan.profiles) taken.insert(ProfileFileName(profile));
  const std::string stem = FileSafe(c.title).empty() ? "domain" : FileSafe(c.title);
  files.domain_name = stem + ".xml";
  for (int n = 1; taken.count(files.domain_name) > 0; ++n) {
    files.domain_name = stem;
    files.domain_name.append("-domain").append(n > 1 ? std::to_string(n) : "").append(".xml");
  }
  files.domain_xml = DomainXml(c, plan);
  files.warnings = plan.warnings;
  for (const ExportProfile& profile : plan.profiles) {
    files.profiles.emplace_back(ProfileFileName(profile), ProfileXml(c, plan, profile));
  }
  return files;
}

std::vector<std::string> FindGeniusXmlFiles(const std::string& folder) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) return found;
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || entry.path().extension() != ".xml") continue;
    if (!entry.is_regular_file(ec)) continue;
    try {
      const std::string root =
          internal::XmlRootName(ReadFile(entry.path().string(), kMaxFileBytes));
      if (root == "negotiation_template" || root == "utility_space") {
        found.push_back(entry.path().string());
      }
    } catch (const Error&) {
      // A file that cannot be read is no export of ours; it stays.
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace parley::io
