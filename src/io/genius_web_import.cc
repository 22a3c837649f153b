// ImportGeniusWeb: a GeniusWeb JSON domain and LinearAdditiveUtilitySpace profiles as a Case
// (GENIUS_FORMATS.md section 3).

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "internal/genius_common.h"
#include "internal/genius_json.h"
#include "parley/io/genius.h"

namespace parley::io {

namespace {

using internal::DocKey;
using internal::DocNode;
using internal::JsonFile;
using internal::Mark;
using internal::NodeKind;
using internal::WebDomain;

constexpr double kWeightSumTolerance = 1e-9;

struct WebProfile {
  Preferences preferences;
  std::optional<Batna> batna;
  Mark root, reservation;
  std::map<std::string, Mark> issue_marks;  // issue id -> its key in issueUtilities
};

// Same issues with the same values (order aside) in two domain objects.
std::string DomainDifference(const WebDomain& a, const WebDomain& b) {
  for (const auto& issue : a.issues) {
    const int j = b.Find(issue.name);
    if (j < 0) return "issue '" + issue.name + "' is missing";
    const auto& other = b.issues[j];
    const bool same =
        issue.number == other.number &&
        (issue.number
             ? issue.low == other.low && issue.high == other.high && issue.step == other.step
             : std::set<std::string>(issue.values.begin(), issue.values.end()) ==
                   std::set<std::string>(other.values.begin(), other.values.end()));
    if (!same) return "issue '" + issue.name + "' has other values";
  }
  for (const auto& issue : b.issues) {
    if (a.Find(issue.name) < 0) return "it has an extra issue '" + issue.name + "'";
  }
  return "";
}

std::optional<Evaluator> ReadUtilities(const JsonFile& file, const internal::WebIssue& issue,
                                       const std::string& key, const DocNode& body,
                                       std::vector<Diagnostic>& diagnostics) {
  const std::size_t before = diagnostics.size();
  auto fail = [&](const Mark& mark, std::string message) {
    diagnostics.push_back(file.At(mark, std::move(message)));
  };
  auto score = [&](const DocNode* node, const Mark& fallback, const std::string& what) {
    const std::optional<double> value =
        node != nullptr ? internal::JsonNumber(*node) : std::nullopt;
    if (!value || *value < 0 || *value > 1) {
      fail(node != nullptr ? node->mark : fallback, what + " must be a number in [0, 1]");
    }
    return value.value_or(0);
  };
  if (key == "discreteutils" || key == "DiscreteValueSetUtilities") {
    const DocNode* values = body.Find("valueUtilities");
    if (issue.number) {
      fail(body.mark,
           "issue '" + issue.name + "' is numeric in the domain; value it with \"numberutils\"");
      return std::nullopt;
    }
    if (values == nullptr || values->kind != NodeKind::kMap) {
      fail(body.mark, "\"" + key + "\" needs \"valueUtilities\": an object value -> utility");
      return std::nullopt;
    }
    std::map<std::string, double> utilities;
    // The domain's values as a hash set: the profile is matched in O(values) on average.
    const std::unordered_set<std::string_view> domain_values(issue.values.begin(),
                                                             issue.values.end());
    for (const auto& [value, node] : values->entries) {
      if (domain_values.count(value.text) == 0) {
        fail(value.mark, "'" + value.text + "' is not a value of issue '" + issue.name + "'");
      }
      utilities[value.text] = score(&node, value.mark, "the utility of '" + value.text + "'");
    }
    TableValue table;
    for (const std::string& value : issue.values) {
      if (utilities.count(value) == 0) {
        fail(values->mark, "value '" + value + "' of issue '" + issue.name + "' has no utility");
      } else {
        table.entries.emplace_back(value, utilities[value]);
      }
    }
    if (diagnostics.size() > before) return std::nullopt;
    return table;
  }
  if (key == "numberutils" || key == "NumberValueSetUtilities") {
    if (!issue.number) {
      fail(body.mark,
           "issue '" + issue.name + "' is discrete in the domain; value it with \"discreteutils\"");
      return std::nullopt;
    }
    auto number = [&](const char* name) {
      const DocNode* node = body.Find(name);
      const std::optional<double> value =
          node != nullptr ? internal::JsonNumber(*node) : std::nullopt;
      if (!value) {
        fail(node != nullptr ? node->mark : body.mark,
             std::string("`") + name + "` must be a number");
      }
      return value.value_or(0);
    };
    const double low = number("lowValue"), high = number("highValue");
    const double low_utility = score(body.Find("lowUtility"), body.mark, "`lowUtility`");
    const double high_utility = score(body.Find("highUtility"), body.mark, "`highUtility`");
    if (diagnostics.size() > before) return std::nullopt;
    if (!(high > low) || low != issue.low || high != issue.high) {
      fail(body.mark, "lowValue and highValue must be the domain range of '" + issue.name + "' (" +
                          FormatNumber(issue.low) + " and " + FormatNumber(issue.high) + ")");
      return std::nullopt;
    }
    // utility = uL + (uH - uL) (x - L) / (H - L) on [L, H].
    return ClampedLinearValue{low, (high_utility - low_utility) / (high - low), low_utility};
  }
  fail(body.mark, "unknown utility type \"" + key +
                      "\"; expected \"discreteutils\"/\"DiscreteValueSetUtilities\" or "
                      "\"numberutils\"/\"NumberValueSetUtilities\"");
  return std::nullopt;
}

// The position of the domain issue `key` names, or -1 after reporting that it names none.
// O(issues).
int FindIssueKey(const JsonFile& file, const DocKey& key, const WebDomain& domain,
                 std::vector<Diagnostic>& diagnostics) {
  const int i = domain.Find(key.text);
  if (i < 0) {
    diagnostics.push_back(file.At(key.mark, "'" + key.text + "' is not an issue of the domain"));
  }
  return i;
}

// The profile's "LinearAdditiveUtilitySpace" object, or nullptr after reporting what the file
// holds instead.
const DocNode* FindUtilitySpace(const JsonFile& file, std::vector<Diagnostic>& diagnostics) {
  const DocNode* space = file.root.Find("LinearAdditiveUtilitySpace");
  if (file.root.kind == NodeKind::kMap && space != nullptr && space->kind == NodeKind::kMap) {
    return space;
  }
  std::string found = file.root.kind == NodeKind::kMap && !file.root.entries.empty()
                          ? "\"" + file.root.entries[0].key.text + "\""
                          : JsonKindName(file.root);
  diagnostics.push_back(
      file.At(file.root.mark, "not a GeniusWeb LinearAdditiveUtilitySpace profile (found " + found +
                                  "); other profile types are not supported"));
  return nullptr;
}

// Reports the problems of the domain embedded in the profile ("domain"), if any, and how it
// differs from the domain file.
void CheckEmbeddedDomain(const JsonFile& file, const DocNode& space, const WebDomain& domain,
                         std::vector<Diagnostic>& diagnostics) {
  const DocNode* embedded = space.Find("domain");
  if (embedded == nullptr) return;
  const auto inner = internal::ReadWebDomain(file, *embedded, diagnostics);
  if (!inner) return;
  if (const std::string diff = DomainDifference(domain, *inner); !diff.empty()) {
    diagnostics.push_back(file.At(
        embedded->mark, "the profile's embedded domain differs from the domain file: " + diff));
  }
}

// Checks each entry of "issueWeights" (an issue of the domain, a number in [0, 1]); returns
// their sum, or nullopt if some weight is not a number.
std::optional<double> SumWeights(const JsonFile& file, const DocNode& weights,
                                 const WebDomain& domain, std::vector<Diagnostic>& diagnostics) {
  double weight_sum = 0;
  bool weights_ok = true;
  for (const auto& [key, node] : weights.entries) {
    const std::optional<double> w = internal::JsonNumber(node);
    weights_ok = weights_ok && w.has_value();
    FindIssueKey(file, key, domain, diagnostics);
    if (!w || *w < 0 || *w > 1) {
      diagnostics.push_back(
          file.At(node.mark, "the weight of '" + key.text + "' must be a number in [0, 1]"));
    }
    weight_sum += w.value_or(0);
  }
  if (!weights_ok) return std::nullopt;
  return weight_sum;
}

// One term per domain issue from its entries in "issueUtilities" and "issueWeights", in domain
// order; records where each issue's utilities are written. Reports missing and malformed entries.
void ReadTerms(const JsonFile& file, const DocNode& utilities, const DocNode& weights,
               const WebDomain& domain, const std::vector<Issue>& issues, WebProfile& out,
               std::vector<Diagnostic>& diagnostics) {
  auto fail = [&](const Mark& mark, std::string message) {
    diagnostics.push_back(file.At(mark, std::move(message)));
  };
  for (std::size_t i = 0; i < domain.issues.size(); ++i) {
    const internal::WebIssue& issue = domain.issues[i];
    const DocNode* u = utilities.Find(issue.name);
    const DocNode* w = weights.Find(issue.name);
    if (u == nullptr) {
      fail(utilities.mark, "issue '" + issue.name + "' has no entry in issueUtilities");
    }
    if (w == nullptr) {
      fail(weights.mark, "issue '" + issue.name + "' has no entry in issueWeights");
    }
    if (u == nullptr || w == nullptr) continue;
    out.issue_marks[issues[i].id] = utilities.FindKey(issue.name)->mark;
    if (u->kind != NodeKind::kMap || u->entries.size() != 1 ||
        u->entries[0].value.kind != NodeKind::kMap) {
      fail(u->mark, "the utilities of '" + issue.name +
                        "' are one object such as {\"discreteutils\": {...}}");
      continue;
    }
    std::optional<Evaluator> evaluator =
        ReadUtilities(file, issue, u->entries[0].key.text, u->entries[0].value, diagnostics);
    const std::optional<double> weight = internal::JsonNumber(*w);
    if (evaluator && weight) {
      out.preferences.terms.push_back({issues[i].id, *weight, std::move(*evaluator)});
    }
  }
}

// The value of one issue in the reservation bid, added to `package` if it is a value of the
// issue; reported otherwise.
void ReadBidValue(const JsonFile& file, const DocKey& key, const DocNode& node,
                  const WebDomain& domain, const std::vector<Issue>& issues, Package& package,
                  std::vector<Diagnostic>& diagnostics) {
  const int i = FindIssueKey(file, key, domain, diagnostics);
  if (i < 0) return;
  if (domain.issues[i].number) {
    const std::optional<double> x = internal::JsonNumber(node);
    if (!x || !issues[i].NearestIndex(*x).second) {
      diagnostics.push_back(file.At(node.mark, "the reservation bid's value for '" + key.text +
                                                   "' must be a number on its range"));
    } else {
      package.emplace_back(issues[i].id, *x);
    }
  } else if (node.kind != NodeKind::kScalar || issues[i].OptionIndex(node.text) < 0) {
    diagnostics.push_back(file.At(
        node.mark, "the reservation bid's value for '" + key.text + "' is not one of its values"));
  } else {
    package.emplace_back(issues[i].id, node.text);
  }
}

// The outcome of a "reservationBid" (not null), or nullopt after reporting that it has no
// "issuevalues" object. Values that are wrong are reported and left out.
std::optional<Package> ReadReservationBid(const JsonFile& file, const DocNode& bid,
                                          const WebDomain& domain, const std::vector<Issue>& issues,
                                          std::vector<Diagnostic>& diagnostics) {
  const DocNode* values = bid.kind == NodeKind::kMap ? bid.Find("issuevalues") : nullptr;
  if (values == nullptr || values->kind != NodeKind::kMap) {
    diagnostics.push_back(
        file.At(bid.mark, "reservationBid needs \"issuevalues\": an object issue -> value"));
    return std::nullopt;
  }
  Package package;
  for (const auto& [key, node] : values->entries) {
    ReadBidValue(file, key, node, domain, issues, package, diagnostics);
  }
  return package;
}

std::optional<WebProfile> ReadProfile(const JsonFile& file, const WebDomain& domain,
                                      const std::vector<Issue>& issues, const std::string& party,
                                      std::vector<Diagnostic>& diagnostics) {
  const std::size_t before = diagnostics.size();
  WebProfile out;
  out.root = file.root.mark;
  out.preferences.party = party;
  out.preferences.form = ValueForm::kUtility;
  const DocNode* space = FindUtilitySpace(file, diagnostics);
  if (space == nullptr) return std::nullopt;
  CheckEmbeddedDomain(file, *space, domain, diagnostics);
  const DocNode* utilities = space->Find("issueUtilities");
  const DocNode* weights = space->Find("issueWeights");
  if (utilities == nullptr || utilities->kind != NodeKind::kMap || weights == nullptr ||
      weights->kind != NodeKind::kMap) {
    diagnostics.push_back(file.At(
        space->mark,
        "a LinearAdditiveUtilitySpace needs \"issueUtilities\" and \"issueWeights\" objects"));
    return std::nullopt;
  }
  const std::optional<double> weight_sum = SumWeights(file, *weights, domain, diagnostics);
  for (const auto& [key, node] : utilities->entries) FindIssueKey(file, key, domain, diagnostics);
  ReadTerms(file, *utilities, *weights, domain, issues, out, diagnostics);
  if (weight_sum && std::fabs(*weight_sum - 1) > kWeightSumTolerance) {
    diagnostics.push_back(
        file.At(weights->mark,
                "the issue weights sum to " + FormatNumber(*weight_sum) + "; they must sum to 1"));
  }
  if (const DocNode* bid = space->Find("reservationBid");
      bid != nullptr && bid->kind != NodeKind::kNull) {
    out.reservation = bid->mark;
    std::optional<Package> package = ReadReservationBid(file, *bid, domain, issues, diagnostics);
    if (!package) return std::nullopt;
    out.batna = Batna{};
    out.batna->outcome = std::move(*package);
  }
  if (diagnostics.size() > before) return std::nullopt;
  return out;
}

void Import(const std::string& domain_path, const std::vector<std::string>& profile_paths,
            LoadResult& result) {
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  // With too few profiles the files are still read, so their own problems show at once.
  if (profile_paths.size() < 2) {
    diagnostics.push_back({Severity::kError, domain_path, 0, 0,
                           "a GeniusWeb scenario needs a domain and at least two profiles; " +
                               std::to_string(profile_paths.size()) + " profile(s) given",
                           ""});
  }
  std::unique_ptr<JsonFile> domain_file = internal::LoadJsonFile(domain_path, diagnostics);
  std::optional<WebDomain> domain;
  if (domain_file) domain = internal::ReadWebDomain(*domain_file, domain_file->root, diagnostics);
  std::vector<std::unique_ptr<JsonFile>> profile_files;
  bool ok = domain.has_value();
  for (const std::string& path : profile_paths) {
    profile_files.push_back(internal::LoadJsonFile(path, diagnostics));
    ok = ok && profile_files.back() != nullptr;
  }
  if (!ok) return;

  internal::IdAllocator ids;
  Case c;
  c.title = domain->name.empty() ? internal::FileStem(domain_path) : domain->name;
  internal::AddProfileParties("GeniusWeb JSON", domain_path, profile_paths, ids, c);
  for (const internal::WebIssue& web : domain->issues) {
    Issue issue;
    issue.id = ids.Take(web.name, "issue");
    issue.name = web.name;
    if (web.number) {
      issue.kind = IssueKind::kNumber;
      issue.lo = web.low;
      issue.hi = web.high;
      issue.step = web.step;
    } else {
      issue.options = web.values;
    }
    c.issues.push_back(std::move(issue));
  }
  std::vector<WebProfile> profiles;
  for (std::size_t i = 0; i < profile_paths.size(); ++i) {
    std::optional<WebProfile> profile =
        ReadProfile(*profile_files[i], *domain, c.issues, c.parties[i].id, diagnostics);
    if (!profile) {
      ok = false;
      continue;
    }
    c.parties[i].batna = profile->batna;
    c.parties[i].deadline = internal::DatelessDeadline(std::nullopt);
    c.values.push_back(profile->preferences);
    profiles.push_back(std::move(*profile));
  }
  if (!ok || profile_paths.size() < 2) return;
  auto locate = [&](const CasePath& path) -> Diagnostic {
    auto key = [&](std::size_t k) -> std::string {
      const auto* s = k < path.size() ? std::get_if<std::string>(&path[k]) : nullptr;
      return s != nullptr ? *s : "";
    };
    const auto* index = path.size() > 1 ? std::get_if<std::size_t>(&path[1]) : nullptr;
    if (key(0) == "issues" && index != nullptr && *index < domain->issues.size()) {
      return domain_file->At(domain->issues[*index].mark, "");
    }
    for (std::size_t i = 0; i < profiles.size(); ++i) {
      const bool party = (key(0) == "parties" && index != nullptr && *index == i) ||
                         (key(0) == "values" && key(1) == c.parties[i].id);
      if (!party) continue;
      if (key(2) == "batna") return profile_files[i]->At(profiles[i].reservation, "");
      const auto it = profiles[i].issue_marks.find(key(2));
      return profile_files[i]->At(
          it != profiles[i].issue_marks.end() ? it->second : profiles[i].root, "");
    }
    return domain_file->At(domain_file->root.mark, "");
  };
  internal::AppendCaseProblems(c, locate, diagnostics);
  if (!HasErrors(diagnostics)) result.value = std::move(c);
}

}  // namespace

LoadResult ImportGeniusWeb(const std::string& domain_path,
                           const std::vector<std::string>& profile_paths) {
  return internal::GuardedImport(
      domain_path, [&](LoadResult& result) { Import(domain_path, profile_paths, result); });
}

}  // namespace parley::io
