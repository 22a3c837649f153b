#include "parley/core/package.h"

#include "parley/core/closest_match.h"

namespace parley {

bool ResolvedPackage::IsComplete() const {
  if (!problems.empty()) return false;
  for (const auto& index : indices) {
    if (!index) return false;
  }
  return true;
}

std::optional<Outcome> ResolvedPackage::ToOutcome() const {
  if (!IsComplete()) return std::nullopt;
  Outcome outcome;
  outcome.reserve(indices.size());
  for (const auto& index : indices) outcome.push_back(*index);
  return outcome;
}

ResolvedPackage ResolvePackage(const Case& c, const Package& package) {
  ResolvedPackage out;
  out.indices.assign(c.issues.size(), std::nullopt);
  std::vector<std::string> issue_ids;
  for (const Issue& issue : c.issues) issue_ids.push_back(issue.id);
  for (const auto& [id, value] : package) {
    const int i = c.IssueIndex(id);
    if (i < 0) {
      std::string problem = "unknown issue '" + id + "'";
      const std::string hint = DidYouMean(id, issue_ids);
      if (!hint.empty()) problem += " (" + hint + ")";
      out.problems.push_back(problem);
      continue;
    }
    if (out.indices[i]) {
      out.problems.push_back("issue '" + id + "' is given more than once");
      continue;
    }
    const Issue& issue = c.issues[i];
    if (issue.kind == IssueKind::kOptions) {
      const std::string* option = std::get_if<std::string>(&value);
      const std::string text = option ? *option : FormatIssueValue(value);
      const int k = issue.OptionIndex(text);
      if (k < 0) {
        std::string problem = "issue '" + id + "' has no option '" + text + "'";
        const std::string hint = DidYouMean(text, issue.options);
        problem += hint.empty() ? "; options: " : " (" + hint + ")";
        if (hint.empty()) {
          for (std::size_t j = 0; j < issue.options.size(); ++j) {
            problem += (j ? ", " : "") + issue.options[j];
          }
        }
        out.problems.push_back(problem);
        continue;
      }
      out.indices[i] = static_cast<std::uint64_t>(k);
    } else {
      const double* x = std::get_if<double>(&value);
      if (x == nullptr) {
        out.problems.push_back("issue '" + id + "' takes a number, not '" +
                               std::get<std::string>(value) + "'");
        continue;
      }
      const auto [k, on_grid] = issue.NearestIndex(*x);
      if (!on_grid) {
        out.problems.push_back("issue '" + id + "' cannot take " + FormatNumber(*x) +
                               ": values run from " + FormatNumber(issue.lo) + " to " +
                               FormatNumber(issue.hi) + " in steps of " + FormatNumber(issue.step) +
                               " (nearest: " + FormatNumber(issue.NumberAt(k)) + ")");
        continue;
      }
      out.indices[i] = k;
    }
  }
  return out;
}

Package OutcomeToPackage(const Case& c, const Outcome& outcome) {
  Package package;
  package.reserve(c.issues.size());
  for (std::size_t i = 0; i < c.issues.size() && i < outcome.size(); ++i) {
    const Issue& issue = c.issues[i];
    if (issue.kind == IssueKind::kOptions) {
      package.emplace_back(issue.id, issue.options.at(outcome[i]));
    } else {
      package.emplace_back(issue.id, issue.GridValue(outcome[i]));
    }
  }
  return package;
}

}  // namespace parley
