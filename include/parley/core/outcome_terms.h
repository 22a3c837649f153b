#pragma once

/// An outcome written as terms, the way a person types one: (issue id, value text) pairs such as
/// price=120000 or support=premium, read against a case's issues. `parley evaluate --offer`,
/// `parley review --outcome` and the faces to come read offers and outcomes this way.
///
///   const parley::ParsedOutcome parsed =
///       parley::TryParseOutcome(c, {{"price", "120000"}, {"support", "premium"}}, "offer");
///   if (!parsed.outcome) report(parsed.problems);

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley {

/// The terms of an outcome as the user wrote them: (issue id, value text) pairs, in any order.
using OutcomeTerms = std::vector<std::pair<std::string, std::string>>;

/// An outcome read from its terms, or the problems that stop it from being one.
struct ParsedOutcome {
  std::optional<Outcome> outcome;     ///< set exactly when `problems` is empty
  std::vector<std::string> problems;  ///< one message per problem, in term order, then the gaps
};

/// Reads `terms` against the issues of `c`. A value of a number issue is read as a decimal
/// number; everything is then resolved by ResolvePackage (core/package.h): unknown issues and
/// options with a "did you mean" hint, numbers off the grid or out of range with the issue's
/// range, step and nearest grid value, an issue given twice. Issues left out are one more
/// problem: "the NOUN leaves out 'a', 'b'; an NOUN gives every issue a value" (`noun` is
/// "outcome" or "offer"). Never throws for bad terms. O(terms x issues).
ParsedOutcome TryParseOutcome(const Case& c, const OutcomeTerms& terms,
                              const std::string& noun = "outcome");

/// TryParseOutcome, throwing Error(kInvalidInput) with the problems joined by "; " when there
/// are any.
Outcome ParseOutcome(const Case& c, const OutcomeTerms& terms);

}  // namespace parley
