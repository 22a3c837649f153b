#include "parley/core/outcome_terms.h"

#include <algorithm>
#include <charconv>

#include "parley/core/error.h"
#include "parley/core/package.h"

namespace parley {

ParsedOutcome TryParseOutcome(const Case& c, const OutcomeTerms& terms, const std::string& noun) {
  Package package;
  for (const auto& [id, text] : terms) {
    const int i = c.IssueIndex(id);
    if (i >= 0 && c.issues[i].kind == IssueKind::kNumber && !text.empty()) {
      double x = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
      if (ec == std::errc() && end == text.data() + text.size()) {
        package.emplace_back(id, x);
        continue;
      }
    }
    package.emplace_back(id, text);
  }
  const ResolvedPackage resolved = ResolvePackage(c, package);
  ParsedOutcome out;
  out.problems = resolved.problems;
  std::string missing;
  for (std::size_t i = 0; i < c.issues.size(); ++i) {
    // An issue named with a bad value is reported once, as that problem, not as missing too.
    const bool named = std::any_of(terms.begin(), terms.end(),
                                   [&](const auto& t) { return t.first == c.issues[i].id; });
    if (!resolved.indices[i] && !named) {
      missing += (missing.empty() ? "'" : ", '") + c.issues[i].id + "'";
    }
  }
  if (!missing.empty()) {
    out.problems.push_back("the " + noun + " leaves out " + missing + "; an " + noun +
                           " gives every issue a value");
  }
  if (out.problems.empty()) out.outcome = resolved.ToOutcome();
  return out;
}

Outcome ParseOutcome(const Case& c, const OutcomeTerms& terms) {
  ParsedOutcome parsed = TryParseOutcome(c, terms);
  if (parsed.outcome) return *parsed.outcome;
  std::string message;
  for (const std::string& p : parsed.problems) message += (message.empty() ? "" : "; ") + p;
  throw Error(ErrorCode::kInvalidInput, message);
}

}  // namespace parley
