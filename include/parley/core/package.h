#pragma once

/// Packages (issue id -> value, possibly partial) resolved against the issues of a case, and
/// back: ResolvePackage turns a package into value indices and lists every problem instead of
/// throwing (the concession log, BATNA reservation bids and the outcomes a person types, through
/// outcome_terms.h, are resolved this way); OutcomeToPackage writes an outcome as terms again,
/// grid values snapped, for every report.
///
///   const parley::ResolvedPackage r =
///       parley::ResolvePackage(c, {{"price", 120000.0}, {"support", std::string("premium")}});
///   for (const std::string& problem : r.problems) std::cerr << problem << '\n';
///   const bool complete = r.IsComplete();  // false when issues are left out
///   const parley::Package terms = parley::OutcomeToPackage(c, parley::Outcome(c.issues.size()));

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley {

/// A package resolved against the issues of a case: a value index per issue, nullopt where the
/// package leaves the issue out, and one message per problem found (unknown issue, issue given
/// twice, option not offered, number off the grid or out of range).
struct ResolvedPackage {
  std::vector<std::optional<std::uint64_t>> indices;
  std::vector<std::string> problems;
  /// True when there are no problems and every issue has a value.
  bool IsComplete() const;
  /// The outcome, if IsComplete().
  std::optional<Outcome> ToOutcome() const;
};

/// Resolves `package` against `c.issues`. Never throws for bad packages: problems are listed.
/// O(package size x issues).
ResolvedPackage ResolvePackage(const Case& c, const Package& package);

/// The package of an outcome: every issue with its value, in issue order. O(issues).
Package OutcomeToPackage(const Case& c, const Outcome& outcome);

}  // namespace parley
