#pragma once

/// The semantic rules of a case (ids, references, ranges, value forms, BATNAs), checked on a
/// structurally complete Case. io::ReadCaseText and the GENIUS importers run them and map each
/// problem's CasePath to a line and column; code that builds a Case by hand runs them itself.
/// CheckCase returns every problem at once and never throws.
///
///   for (const parley::CaseProblem& p : parley::CheckCase(c)) {
///     std::cerr << parley::FormatCasePath(p.path) << ": " << p.message << '\n';
///   }
///   const bool ok = parley::IsValidId("price-2");  // true

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "parley/core/case.h"

namespace parley {

/// Where in a case (as laid out in a case file) something is: a list of map keys and list
/// indices, e.g. {"parties", 0, "batna", "evidence", 1}.
using CasePath = std::vector<std::variant<std::string, std::size_t>>;

/// "parties[0].batna.evidence[1]".
std::string FormatCasePath(const CasePath& path);

/// One rule of the case model that a case breaks.
struct CaseProblem {
  CasePath path;         ///< the value at fault
  std::string message;   ///< what is wrong and what would be right
  std::string hint;      ///< "did you mean 'x'?" when an id is misspelt, else empty
  bool limit = false;    ///< true when a documented limit is exceeded rather than a rule broken
  bool warning = false;  ///< true for a likely mistake that does not make the case invalid
};

/// Checks the semantic rules of CASE_FORMAT.md on a structurally complete case and returns every
/// problem: ids well-formed and unique across the case; exactly one `us` party; references to
/// parties, issues, options, evidence and stakeholders resolve; scores in 0..5, stances in
/// -2..2, influence weights in 0..1; numbers finite; ranges ordered; steps > 0 and grids of at
/// most kMaxGridPoints points; options non-empty and distinct; each party states values in one
/// form, with forms matching issue kinds and utility scores in [0,1]; BATNAs of the matching
/// form. When the case breaks no rule, also warns (warning = true) about a money BATNA above
/// every deal the party could get, the usual sign of a BATNA written on another scale than the
/// party's values (a price paid elsewhere written as a positive number). Never throws. O(size of
/// the case x ids) at worst.
std::vector<CaseProblem> CheckCase(const Case& c);

/// True when `id` matches [a-z0-9_-]+.
bool IsValidId(const std::string& id);

}  // namespace parley
