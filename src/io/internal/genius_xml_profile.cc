// GENIUS XML profile files (GENIUS_FORMATS.md 2.2): evaluators, weights, reservation value and
// discount factor, evaluated as AdditiveUtilitySpace does.

#include <strings.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>

#include "internal/genius_common.h"
#include "internal/genius_xml_model.h"

namespace parley::io::internal {

namespace {

bool IsError(const Diagnostic& d) { return d.severity != Severity::kWarning; }

std::size_t ErrorCount(const std::vector<Diagnostic>& diagnostics) {
  std::size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += IsError(d) ? 1 : 0;
  return n;
}

// EvaluatorDiscrete: eval(v) = evaluation(v) / max evaluation (0 if that max < 1e-5); a value
// listed twice keeps its later evaluation (HashMap.put), and the max runs over what is kept.
std::optional<TableValue> ReadDiscrete(const XmlFile& file, pugi::xml_node node,
                                       const DomainIssue& d, std::vector<Diagnostic>& diagnostics) {
  const std::size_t errors = ErrorCount(diagnostics);
  std::map<std::string, double> evaluations;
  std::map<std::string, pugi::xml_node> where;
  for (pugi::xml_node item : Children(node, "item")) {
    const pugi::xml_attribute value = item.attribute("value");
    if (!value) {
      diagnostics.push_back(file.At(item, "<item> needs a `value` attribute"));
      continue;
    }
    const auto evaluation = NumberAttribute(file, item, "evaluation", true, diagnostics);
    if (!evaluation) continue;
    if (*evaluation < 0) {
      diagnostics.push_back(file.AtAttribute(item, "evaluation",
                                             "an evaluation cannot be negative (" +
                                                 std::string(item.attribute("evaluation").value()) +
                                                 "); GENIUS divides by the largest one"));
      continue;
    }
    evaluations[value.value()] = *evaluation;
    where[value.value()] = item;
  }
  if (ErrorCount(diagnostics) > errors) return std::nullopt;
  double max = 0;
  for (const auto& [value, e] : evaluations) max = std::max(max, e);
  // The domain's values as a hash set, so the profile's items are matched in O(values) on average.
  const std::unordered_set<std::string_view> domain_values(d.values.begin(), d.values.end());
  for (const auto& [value, item] : where) {
    if (domain_values.count(value) == 0) {
      diagnostics.push_back(
          file.AtAttribute(item, "value",
                           "'" + value + "' is not a value of issue '" + d.name +
                               "' in the domain; ignored (its evaluation still counts for the "
                               "maximum, as in GENIUS)",
                           Severity::kWarning));
    }
  }
  TableValue table;
  for (const std::string& value : d.values) {
    const auto it = evaluations.find(value);
    if (it == evaluations.end()) {
      diagnostics.push_back(file.At(node, "value '" + value + "' of issue '" + d.name +
                                              "' has no <item evaluation=...>; GENIUS cannot "
                                              "evaluate a bid that contains it"));
      continue;
    }
    table.entries.emplace_back(value, max < 1e-5 ? 0.0 : it->second / max);
  }
  if (ErrorCount(diagnostics) > errors) return std::nullopt;
  return table;
}

std::optional<Evaluator> ReadNumberEvaluator(const XmlFile& file, pugi::xml_node node,
                                             const DomainIssue& d,
                                             std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_node evaluator = node.child("evaluator");
  if (!evaluator) {
    diagnostics.push_back(file.At(node, std::string(GeniusIssueTypeName(d.type)) + " issue '" +
                                            d.name +
                                            "' needs an <evaluator ftype=\"linear\" ...>"));
    return std::nullopt;
  }
  const char* ftype = evaluator.attribute("ftype").value();
  auto is = [&](const char* name) { return strcasecmp(ftype, name) == 0; };
  const std::size_t errors = ErrorCount(diagnostics);
  auto number = [&](const char* name) {
    return NumberAttribute(file, evaluator, name, true, diagnostics).value_or(0);
  };
  if (d.type == GeniusIssueType::kInteger && is("linear")) {
    // EvaluatorInteger: clamp(slope * (x - lowerbound) + offset, 0, 1), with the bound the
    // profile's issue states (the domain's when it states none).
    const double slope = number("slope"), offset = number("offset");
    double from = static_cast<double>(d.int_lo);
    if (const auto lo = IntegerAttribute(file, node, "lowerbound", false, diagnostics)) {
      const auto hi = IntegerAttribute(file, node, "upperbound", false, diagnostics);
      if (*lo != d.int_lo || (hi && *hi != d.int_hi)) {
        diagnostics.push_back(file.AtAttribute(
            node, "lowerbound",
            "the profile gives issue '" + d.name + "' other bounds than the domain (" +
                std::to_string(d.int_lo) + ".." + std::to_string(d.int_hi) +
                "); the evaluator counts from the profile's lowerbound, as GENIUS does",
            Severity::kWarning));
      }
      from = static_cast<double>(*lo);
    }
    if (ErrorCount(diagnostics) > errors) return std::nullopt;
    return ClampedLinearValue{from, slope, offset};
  }
  if (d.type == GeniusIssueType::kReal && is("linear")) {
    // EvaluatorReal LINEAR: clamp(parameter1 * x + parameter0, 0, 1), x not shifted.
    const double p1 = number("parameter1"), p0 = number("parameter0");
    if (ErrorCount(diagnostics) > errors) return std::nullopt;
    return ClampedLinearValue{0, p1, p0};
  }
  if (d.type == GeniusIssueType::kReal && is("constant")) {
    const double p0 = number("parameter0");
    if (ErrorCount(diagnostics) > errors) return std::nullopt;
    return ConstantValue{p0};
  }
  if (d.type == GeniusIssueType::kReal && is("triangular")) {
    const double lower = number("parameter0"), upper = number("parameter1"),
                 top = number("parameter2");
    if (ErrorCount(diagnostics) > errors) return std::nullopt;
    return TriangularValue{lower, upper, top};
  }
  diagnostics.push_back(file.AtAttribute(
      evaluator, "ftype",
      std::string("evaluator ftype=\"") + ftype + "\" is not supported for " +
          GeniusIssueTypeName(d.type) + " issue '" + d.name + "'; use " +
          (d.type == GeniusIssueType::kInteger ? "linear" : "linear, constant or triangular")));
  return std::nullopt;
}

// The <weight index=.. value=..> elements of every objective under `objective` (breadth first),
// as issue index -> weight; a later weight for the same index wins, with a warning.
std::map<std::int64_t, double> ReadWeights(const XmlFile& file, pugi::xml_node objective,
                                           std::vector<Diagnostic>& diagnostics) {
  std::map<std::int64_t, double> weights;
  std::vector<pugi::xml_node> objectives = {objective};
  for (std::size_t k = 0; k < objectives.size(); ++k) {
    for (pugi::xml_node child : Children(objectives[k], "objective")) objectives.push_back(child);
    for (pugi::xml_node w : Children(objectives[k], "weight")) {
      const auto index = IntegerAttribute(file, w, "index", true, diagnostics);
      const auto value = NumberAttribute(file, w, "value", true, diagnostics);
      if (!index || !value) continue;
      if (*value < 0) {
        diagnostics.push_back(file.AtAttribute(w, "value", "a weight cannot be negative"));
        continue;
      }
      if (weights.count(*index) > 0) {
        diagnostics.push_back(file.At(w,
                                      "a second <weight> for index " + std::to_string(*index) +
                                          "; the later one is used, as in GENIUS",
                                      Severity::kWarning));
      }
      weights[*index] = *value;
    }
  }
  return weights;
}

// The position in the domain of the issue a profile's <issue> element values, recorded in
// `out.issue_nodes`; -1 after reporting an index that is missing, unknown or given twice.
int ClaimProfileIssue(const XmlFile& file, pugi::xml_node node, const GeniusDomain& domain,
                      const std::vector<Issue>& issues, GeniusProfile& out,
                      std::vector<Diagnostic>& diagnostics) {
  const auto index = IntegerAttribute(file, node, "index", true, diagnostics);
  if (!index) return -1;
  const int i = domain.Find(*index);
  if (i < 0) {
    diagnostics.push_back(file.AtAttribute(
        node, "index",
        "the profile's issue index " + std::to_string(*index) + " is not an issue of the domain"));
    return -1;
  }
  if (out.issue_nodes.count(issues[i].id) > 0) {
    diagnostics.push_back(file.AtAttribute(
        node, "index", "issue index " + std::to_string(*index) + " is given twice in the profile"));
    return -1;
  }
  out.issue_nodes[issues[i].id] = node;
  return i;
}

// Whether the profile reads the issue with the type the domain declares it; reports the legacy
// type "price" and any other mismatch.
bool CheckProfileIssueType(const XmlFile& file, pugi::xml_node node, const DomainIssue& d,
                           std::vector<Diagnostic>& diagnostics) {
  const GeniusIssueType type = ResolveIssueType(node);
  if (type == GeniusIssueType::kLegacyPrice) {
    Diagnostic diag = file.AtAttribute(node, "type",
                                       "issue '" + d.name +
                                           "' has the legacy type \"price\" with no evaluator; "
                                           "GENIUS 10.4 cannot evaluate it");
    diag.hint =
        "give it type=\"" + std::string(GeniusIssueTypeName(d.type)) + "\" and an evaluator";
    diagnostics.push_back(std::move(diag));
    return false;
  }
  if (type != d.type) {
    diagnostics.push_back(file.AtAttribute(
        node, node.attribute("type") ? "type" : "index",
        "the profile reads issue '" + d.name + "' as " + GeniusIssueTypeName(type) +
            " but the domain declares it " + GeniusIssueTypeName(d.type)));
    return false;
  }
  return true;
}

// The evaluator of one profile issue of the domain's type, or nullopt after reporting problems.
std::optional<Evaluator> ReadEvaluator(const XmlFile& file, pugi::xml_node node,
                                       const DomainIssue& d, std::vector<Diagnostic>& diagnostics) {
  if (d.type != GeniusIssueType::kDiscrete) return ReadNumberEvaluator(file, node, d, diagnostics);
  if (auto table = ReadDiscrete(file, node, d, diagnostics)) return Evaluator(std::move(*table));
  return std::nullopt;
}

// Reads the additive part: one evaluator per domain issue and the weights.
bool ReadAdditive(const XmlFile& file, pugi::xml_node objective, const GeniusDomain& domain,
                  const std::vector<Issue>& issues, GeniusProfile& out,
                  std::vector<Diagnostic>& diagnostics) {
  const std::size_t errors = ErrorCount(diagnostics);
  std::vector<pugi::xml_node> nodes;
  CollectIssueNodes(objective, nodes);
  const std::map<std::int64_t, double> weights = ReadWeights(file, objective, diagnostics);
  std::vector<std::optional<IssueTerm>> terms(domain.issues.size());
  for (pugi::xml_node node : nodes) {
    const int i = ClaimProfileIssue(file, node, domain, issues, out, diagnostics);
    if (i < 0) continue;
    const DomainIssue& d = domain.issues[i];
    if (!CheckProfileIssueType(file, node, d, diagnostics)) continue;
    std::optional<Evaluator> evaluator = ReadEvaluator(file, node, d, diagnostics);
    const auto weight = weights.find(d.index);
    if (weight == weights.end()) {
      diagnostics.push_back(file.At(node, "issue '" + d.name + "' has no <weight index=\"" +
                                              std::to_string(d.index) +
                                              "\">; GENIUS cannot evaluate a bid without it"));
      continue;
    }
    if (evaluator) terms[i] = IssueTerm{issues[i].id, weight->second, std::move(*evaluator)};
  }
  for (std::size_t i = 0; i < domain.issues.size(); ++i) {
    if (out.issue_nodes.count(issues[i].id) == 0) {
      diagnostics.push_back(file.At(objective, "issue '" + domain.issues[i].name + "' (index " +
                                                   std::to_string(domain.issues[i].index) +
                                                   ") has no evaluator in this profile"));
    }
    if (terms[i]) out.preferences.terms.push_back(std::move(*terms[i]));
  }
  return ErrorCount(diagnostics) == errors;
}

// Whether the root element is <utility_space>; reports it otherwise.
bool CheckProfileRoot(const XmlFile& file, pugi::xml_node root,
                      std::vector<Diagnostic>& diagnostics) {
  if (std::string_view(root.name()) == "utility_space") return true;
  Diagnostic d = file.At(root, std::string("not a GENIUS profile: the root element is <") +
                                   root.name() + ">, expected <utility_space>");
  if (std::string_view(root.name()) == "negotiation_template") {
    d.hint = "this looks like a domain file";
  }
  diagnostics.push_back(std::move(d));
  return false;
}

enum class ProfileForm { kAdditive, kNonlinear };

// The form of a profile from the root's `type` (none, "linear" or "UNCERTAIN": additive, the
// UNCERTAIN data ignored with a warning; "nonlinear"), or nullopt after reporting a type that
// is not supported.
std::optional<ProfileForm> ReadProfileForm(const XmlFile& file, pugi::xml_node root,
                                           std::vector<Diagnostic>& diagnostics) {
  const char* type = root.attribute("type").value();
  const bool nonlinear = strcasecmp(type, "nonlinear") == 0;
  if (strcasecmp(type, "uncertain") == 0) {
    diagnostics.push_back(
        file.AtAttribute(root, "type",
                         "type=\"UNCERTAIN\": the preference-elicitation data "
                         "(<comparisons>, <errors>, ...) is ignored; the additive "
                         "utilities are used as written",
                         Severity::kWarning));
  } else if (strcasecmp(type, "constraint") == 0) {
    diagnostics.push_back(
        file.AtAttribute(root, "type",
                         "constraint-based profiles (type=\"constraint\") are not "
                         "supported; Parley reads linear-additive, UNCERTAIN and "
                         "nonlinear profiles"));
    return std::nullopt;
  } else if (!nonlinear && *type != '\0' && strcasecmp(type, "linear") != 0) {
    diagnostics.push_back(
        file.AtAttribute(root, "type",
                         std::string("unknown profile type \"") + type +
                             "\"; expected none, \"UNCERTAIN\" or \"nonlinear\""));
    return std::nullopt;
  }
  return nonlinear ? ProfileForm::kNonlinear : ProfileForm::kAdditive;
}

// The <reservation value=..> utility, in [0, 1], as the party's BATNA.
void ReadReservation(const XmlFile& file, GeniusProfile& out,
                     std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_node r = out.root.child("reservation");
  if (!r) return;
  out.reservation = r;
  const auto value = NumberAttribute(file, r, "value", true, diagnostics);
  if (!value) return;
  if (*value < 0 || *value > 1) {
    diagnostics.push_back(file.AtAttribute(r, "value",
                                           "the reservation value is a utility in [0, 1], not " +
                                               std::string(r.attribute("value").value())));
    return;
  }
  out.batna = Batna{};
  out.batna->utility = *value;
}

// The <discount_factor value=..> as the party's deadline discount (when it discounts at all).
void ReadDiscountFactor(const XmlFile& file, GeniusProfile& out,
                        std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_node f = out.root.child("discount_factor");
  if (!f) return;
  out.discount = f;
  const auto value = NumberAttribute(file, f, "value", true, diagnostics);
  if (!value) return;
  if (const auto discount = DiscountFromFactor(*value)) {
    out.deadline = Deadline{};
    out.deadline->discount = discount;
  }
}

}  // namespace

std::optional<GeniusProfile> ReadGeniusProfile(const XmlFile& file, const GeniusDomain& domain,
                                               const std::vector<Issue>& issues,
                                               const std::string& party,
                                               std::vector<Diagnostic>& diagnostics) {
  const std::size_t errors = ErrorCount(diagnostics);
  GeniusProfile out;
  out.root = file.doc.document_element();
  if (!CheckProfileRoot(file, out.root, diagnostics)) return std::nullopt;
  const std::optional<ProfileForm> form = ReadProfileForm(file, out.root, diagnostics);
  if (!form) return std::nullopt;
  out.preferences.party = party;
  ReadReservation(file, out, diagnostics);
  ReadDiscountFactor(file, out, diagnostics);
  const pugi::xml_node objective = out.root.child("objective");
  if (!objective) {
    diagnostics.push_back(
        file.At(out.root, "<utility_space> holds no <objective> with the issues"));
    return std::nullopt;
  }
  if (*form == ProfileForm::kNonlinear) {
    out.preferences.form = ValueForm::kRectangles;
    RectangleUtility rectangles;
    if (ReadRectangles(file, objective, domain, issues, rectangles, diagnostics)) {
      out.preferences.rectangles = std::move(rectangles);
    }
  } else {
    out.preferences.form = ValueForm::kUtility;
    ReadAdditive(file, objective, domain, issues, out, diagnostics);
  }
  if (ErrorCount(diagnostics) > errors) return std::nullopt;
  return out;
}

}  // namespace parley::io::internal
