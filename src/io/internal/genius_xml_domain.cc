// GENIUS XML domain files (GENIUS_FORMATS.md 2.1) and the non-linear <utility> block (2.2).

#include <strings.h>

#include <map>

#include "internal/genius_xml_model.h"

namespace parley::io::internal {

namespace {

bool EqualsIgnoreCase(const char* a, const char* b) { return strcasecmp(a, b) == 0; }

}  // namespace

GeniusIssueType ResolveIssueType(pugi::xml_node issue) {
  // DomainImpl.buildTreeRecursive / ISSUETYPE.convertToType: `type` decides; absent or unknown
  // means discrete.
  const pugi::xml_attribute type = issue.attribute("type");
  if (!type) return GeniusIssueType::kDiscrete;
  if (EqualsIgnoreCase(type.value(), "integer")) return GeniusIssueType::kInteger;
  if (EqualsIgnoreCase(type.value(), "real")) return GeniusIssueType::kReal;
  if (EqualsIgnoreCase(type.value(), "price")) return GeniusIssueType::kLegacyPrice;
  return GeniusIssueType::kDiscrete;
}

const char* GeniusIssueTypeName(GeniusIssueType type) {
  switch (type) {
    case GeniusIssueType::kDiscrete:
      return "discrete";
    case GeniusIssueType::kInteger:
      return "integer";
    case GeniusIssueType::kReal:
      return "real";
    case GeniusIssueType::kLegacyPrice:
      return "price";
  }
  return "discrete";
}

std::vector<Issue> GeniusDomain::ToIssues(const std::vector<std::string>& ids) const {
  std::vector<Issue> out;
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const DomainIssue& d = issues[i];
    Issue issue;
    issue.id = ids[i];
    issue.name = d.name;
    switch (d.type) {
      case GeniusIssueType::kInteger:
        issue.kind = IssueKind::kNumber;
        issue.lo = static_cast<double>(d.int_lo);
        issue.hi = static_cast<double>(d.int_hi);
        issue.step = 1;
        break;
      case GeniusIssueType::kReal:
        // GENIUS analyses a real issue on 21 points (BidSpace, getNumberOfPossibleBids).
        issue.kind = IssueKind::kNumber;
        issue.lo = d.real_lo;
        issue.hi = d.real_hi;
        issue.step = d.real_step > 0 ? d.real_step : (d.real_hi - d.real_lo) / 20;
        break;
      default:
        issue.kind = IssueKind::kOptions;
        issue.options = d.values;
        break;
    }
    out.push_back(std::move(issue));
  }
  return out;
}

int GeniusDomain::Find(std::int64_t index) const {
  for (std::size_t i = 0; i < issues.size(); ++i) {
    if (issues[i].index == index) return static_cast<int>(i);
  }
  return -1;
}

void CollectIssueNodes(pugi::xml_node objective, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node child = objective.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string_view(child.name()) == "issue") {
      out.push_back(child);
    } else if (std::string_view(child.name()) == "objective") {
      CollectIssueNodes(child, out);
    }
  }
}

namespace {

// The error for a discrete issue with no item, with a hint when its `vtype` suggests that a
// `type` attribute is missing.
Diagnostic NoItemsDiagnostic(const XmlFile& file, const DomainIssue& issue) {
  const pugi::xml_node node = issue.node;
  Diagnostic d = file.At(node, "discrete issue '" + issue.name + "' has no <item value=...>");
  const char* vtype = node.attribute("vtype").value();
  if (!node.attribute("type") && *vtype != '\0' && std::string_view(vtype) != "discrete") {
    d.hint = std::string(
                 "the issue has no `type` attribute, so GENIUS reads it as discrete; add "
                 "type=\"") +
             vtype + "\"";
  }
  return d;
}

// A discrete issue's <item value=...> values, in document order; reports items without a value,
// empty values and values listed twice, and an issue with no item at all. O(items log items).
void ReadDiscreteValues(const XmlFile& file, DomainIssue& issue,
                        std::vector<Diagnostic>& diagnostics) {
  const std::size_t before = diagnostics.size();
  std::map<std::string, pugi::xml_node> seen;
  for (pugi::xml_node item : Children(issue.node, "item")) {
    const pugi::xml_attribute value = item.attribute("value");
    if (!value) {
      diagnostics.push_back(file.At(item, "<item> needs a `value` attribute"));
      continue;
    }
    if (*value.value() == '\0') {
      diagnostics.push_back(file.AtAttribute(item, "value", "an item value cannot be empty"));
      continue;
    }
    const auto [it, inserted] = seen.emplace(value.value(), item);
    if (!inserted) {
      const int first_line = file.At(it->second, "").line;
      diagnostics.push_back(
          file.AtAttribute(item, "value",
                           "issue '" + issue.name + "' lists the value '" + value.value() +
                               "' twice (first at line " + std::to_string(first_line) +
                               "); each value of a domain issue must be distinct"));
      continue;
    }
    issue.values.push_back(value.value());
  }
  if (issue.values.empty() && diagnostics.size() == before) {
    diagnostics.push_back(NoItemsDiagnostic(file, issue));
  }
}

// An integer issue's lowerbound and upperbound attributes (not a legacy <range> child).
void ReadIntegerBounds(const XmlFile& file, DomainIssue& issue,
                       std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_node node = issue.node;
  if (!node.attribute("lowerbound") && node.child("range")) {
    Diagnostic d = file.At(node, "integer issue '" + issue.name +
                                     "' gives its bounds in a <range> child, a legacy layout "
                                     "GENIUS 10.4 cannot load");
    d.hint = "write lowerbound=\"..\" upperbound=\"..\" on the <issue> element";
    diagnostics.push_back(std::move(d));
    return;
  }
  const auto lo = IntegerAttribute(file, node, "lowerbound", true, diagnostics);
  const auto hi = IntegerAttribute(file, node, "upperbound", true, diagnostics);
  if (!lo || !hi) return;
  issue.int_lo = *lo;
  issue.int_hi = *hi;
  if (*lo > *hi) {
    diagnostics.push_back(file.AtAttribute(
        node, "upperbound", "integer issue '" + issue.name + "' has upperbound below lowerbound"));
  }
}

// A real issue's bounds, from its <range lowerbound=".." upperbound=".."/> child.
void ReadRealRange(const XmlFile& file, DomainIssue& issue, std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_node range = issue.node.child("range");
  if (!range) {
    diagnostics.push_back(
        file.At(issue.node, "real issue '" + issue.name +
                                "' needs a <range lowerbound=\"..\" upperbound=\"..\"/> child"));
    return;
  }
  const auto lo = NumberAttribute(file, range, "lowerbound", true, diagnostics);
  const auto hi = NumberAttribute(file, range, "upperbound", true, diagnostics);
  if (!lo || !hi) return;
  issue.real_lo = *lo;
  issue.real_hi = *hi;
  if (!(*lo < *hi)) {
    diagnostics.push_back(file.AtAttribute(
        range, "upperbound", "real issue '" + issue.name + "' needs upperbound above lowerbound"));
  }
  // Parley's own grid step (GENIUS ignores the attribute and analyses 21 points).
  const auto step = NumberAttribute(file, range, "step", false, diagnostics);
  if (!step) return;
  if (!(*step > 0)) {
    diagnostics.push_back(
        file.AtAttribute(range, "step", "real issue '" + issue.name + "' needs a step above 0"));
    return;
  }
  issue.real_step = *step;
}

// The error for an issue of the legacy type "price", which GENIUS 10.4 cannot evaluate.
void ReportLegacyPrice(const XmlFile& file, const DomainIssue& issue,
                       std::vector<Diagnostic>& diagnostics) {
  Diagnostic d = file.AtAttribute(issue.node, "type",
                                  "issue '" + issue.name +
                                      "' has the legacy type \"price\", which "
                                      "GENIUS 10.4 cannot evaluate (it has no evaluator)");
  d.hint = "declare it type=\"real\" with a <range> (or type=\"integer\" with bounds)";
  diagnostics.push_back(std::move(d));
}

// Reads the values or bounds of `issue` by its type; false after appending a problem.
bool ReadIssueValues(const XmlFile& file, DomainIssue& issue,
                     std::vector<Diagnostic>& diagnostics) {
  const std::size_t before = diagnostics.size();
  switch (issue.type) {
    case GeniusIssueType::kDiscrete:
      ReadDiscreteValues(file, issue, diagnostics);
      break;
    case GeniusIssueType::kInteger:
      ReadIntegerBounds(file, issue, diagnostics);
      break;
    case GeniusIssueType::kReal:
      ReadRealRange(file, issue, diagnostics);
      break;
    case GeniusIssueType::kLegacyPrice:
      ReportLegacyPrice(file, issue, diagnostics);
      break;
  }
  return diagnostics.size() == before;
}

}  // namespace

std::optional<GeniusDomain> ReadGeniusDomain(const XmlFile& file,
                                             std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_node root = file.doc.document_element();
  if (std::string_view(root.name()) != "negotiation_template") {
    Diagnostic d = file.At(root, std::string("not a GENIUS domain file: the root element is <") +
                                     root.name() + ">, expected <negotiation_template>");
    if (std::string_view(root.name()) == "utility_space") d.hint = "this looks like a profile";
    diagnostics.push_back(std::move(d));
    return std::nullopt;
  }
  const pugi::xml_node space = root.child("utility_space");
  const pugi::xml_node objective = space.child("objective");
  if (!space || !objective) {
    diagnostics.push_back(
        file.At(space ? space : root, space ? "<utility_space> holds no <objective> with the issues"
                                            : "<negotiation_template> holds no <utility_space>"));
    return std::nullopt;
  }
  std::vector<pugi::xml_node> nodes;
  CollectIssueNodes(objective, nodes);
  if (nodes.empty()) {
    diagnostics.push_back(file.At(objective, "the domain has no <issue>"));
    return std::nullopt;
  }
  GeniusDomain domain;
  bool ok = true;
  for (pugi::xml_node node : nodes) {
    DomainIssue issue;
    issue.node = node;
    issue.type = ResolveIssueType(node);
    const auto index = IntegerAttribute(file, node, "index", true, diagnostics);
    const pugi::xml_attribute name = node.attribute("name");
    if (!name) diagnostics.push_back(file.At(node, "<issue> needs a `name` attribute"));
    if (!index || !name) {
      ok = false;
      continue;
    }
    issue.index = *index;
    issue.name = name.value();
    if (const int other = domain.Find(*index); other >= 0) {
      diagnostics.push_back(
          file.AtAttribute(node, "index",
                           "issues '" + domain.issues[other].name + "' and '" + issue.name +
                               "' have the same index " + std::to_string(*index) +
                               "; profiles refer to issues by index, so each must be unique"));
      ok = false;
      continue;
    }
    ok = ReadIssueValues(file, issue, diagnostics) && ok;
    domain.issues.push_back(std::move(issue));
  }
  if (!ok) return std::nullopt;
  return domain;
}

namespace {

// One <INCLUDES> or <EXCLUDES> bound of a <hyperRectangle>, added to `box`; reported instead
// when its index is not a numeric issue of the domain or its max is below its min.
void ReadBoxBound(const XmlFile& file, pugi::xml_node bound, const GeniusDomain& domain,
                  const std::vector<Issue>& issues, UtilityBox& box,
                  std::vector<Diagnostic>& diagnostics) {
  const auto index = IntegerAttribute(file, bound, "index", true, diagnostics);
  const auto min = NumberAttribute(file, bound, "min", true, diagnostics);
  const auto max = NumberAttribute(file, bound, "max", true, diagnostics);
  if (!index || !min || !max) return;
  const int i = domain.Find(*index);
  if (i < 0 || issues[i].kind != IssueKind::kNumber) {
    diagnostics.push_back(file.AtAttribute(
        bound, "index",
        "index " + std::to_string(*index) +
            (i < 0 ? " is not an issue of the domain"
                   : " is a discrete issue; box bounds need integer or real issues")));
    return;
  }
  if (*min > *max) {
    diagnostics.push_back(file.AtAttribute(bound, "max", "the bound's max is below its min"));
    return;
  }
  const bool include = std::string_view(bound.name()) == "INCLUDES";
  (include ? box.include : box.exclude).push_back({issues[i].id, *min, *max});
}

// One <hyperRectangle>: its utility and its bounds, in document order.
UtilityBox ReadBox(const XmlFile& file, pugi::xml_node rectangle, const GeniusDomain& domain,
                   const std::vector<Issue>& issues, std::vector<Diagnostic>& diagnostics) {
  UtilityBox box;
  box.utility = NumberAttribute(file, rectangle, "utility", true, diagnostics).value_or(0);
  for (pugi::xml_node bound = rectangle.first_child(); bound; bound = bound.next_sibling()) {
    if (bound.type() != pugi::node_element) continue;
    const std::string_view kind = bound.name();
    if (kind != "INCLUDES" && kind != "EXCLUDES") {
      diagnostics.push_back(
          file.At(bound, std::string("unexpected <") + bound.name() +
                             "> in <hyperRectangle>; expected <INCLUDES> or <EXCLUDES>"));
      continue;
    }
    ReadBoxBound(file, bound, domain, issues, box, diagnostics);
  }
  return box;
}

}  // namespace

bool ReadRectangles(const XmlFile& file, pugi::xml_node objective, const GeniusDomain& domain,
                    const std::vector<Issue>& issues, RectangleUtility& out,
                    std::vector<Diagnostic>& diagnostics) {
  const std::size_t before = diagnostics.size();
  pugi::xml_node utility = objective.child("utility");
  if (!utility) utility = objective.parent().child("utility");
  if (!utility) {
    diagnostics.push_back(
        file.At(objective, "a non-linear profile needs a <utility maxutility=\"..\"> block"));
    return false;
  }
  const auto max_utility = NumberAttribute(file, utility, "maxutility", true, diagnostics);
  if (max_utility && !(*max_utility > 0)) {
    diagnostics.push_back(file.AtAttribute(utility, "maxutility", "maxutility must be above 0"));
  }
  const std::vector<pugi::xml_node> ufuns = Children(utility, "ufun");
  if (ufuns.size() != 1) {
    diagnostics.push_back(file.At(utility, "expected exactly one <ufun> in <utility>, found " +
                                               std::to_string(ufuns.size())));
    return false;
  }
  const pugi::xml_node ufun = ufuns[0];
  const std::string_view type = ufun.attribute("type").value();
  const std::string_view aggregation = ufun.attribute("aggregation").value();
  if (!type.empty() && type != "PlainUfun") {
    diagnostics.push_back(file.AtAttribute(
        ufun, "type",
        "only <ufun type=\"PlainUfun\"> is supported, not '" + std::string(type) + "'"));
  }
  if (!aggregation.empty() && aggregation != "sum") {
    diagnostics.push_back(file.AtAttribute(
        ufun, "aggregation",
        "only aggregation=\"sum\" is supported, not '" + std::string(aggregation) + "'"));
  }
  const auto weight = NumberAttribute(file, ufun, "weight", false, diagnostics);
  out.max_utility = max_utility.value_or(1);
  out.weight = weight.value_or(1);
  for (pugi::xml_node child = ufun.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string_view(child.name()) != "hyperRectangle") {
      diagnostics.push_back(file.At(child, std::string("unexpected <") + child.name() +
                                               "> in <ufun>; expected <hyperRectangle>"));
      continue;
    }
    out.boxes.push_back(ReadBox(file, child, domain, issues, diagnostics));
  }
  return diagnostics.size() == before;
}

}  // namespace parley::io::internal
