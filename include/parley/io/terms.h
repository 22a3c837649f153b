#pragma once

/// The `key=value,key=value` terms a person types on a command line or in a form field:
/// `--offer price=120000,support=premium`, `--outcome ...`, `--weights acme=2,cloudco=1`.
///
/// Syntax: terms are separated by commas; spaces around keys, values and commas are trimmed; a
/// key or value may be written in double quotes to hold commas, '=' or spaces as they are
/// ("Custom, Handmade"), with \" and \\ inside quotes for a quote and a backslash. Several
/// arguments (an option given more than once) are read as one list.
///
///   const parley::io::ParsedTerms t =
///       parley::io::ParseTerms({"price=120000, style=\"Custom, Handmade\""}, "--offer", "issue");
///   // t.terms == {{"price", "120000"}, {"style", "Custom, Handmade"}}, t.problems empty

#include <string>
#include <utility>
#include <vector>

namespace parley::io {

/// Terms read from text, with every problem found (all of them at once).
struct ParsedTerms {
  std::vector<std::pair<std::string, std::string>> terms;  ///< (key, value), in the order written
  /// One message per problem, naming the option and the term: "--offer takes issue=value
  /// pairs, not 'price'", "--offer has an empty term (two commas in a row, or one at an end)",
  /// "--offer has an unclosed quote in '...'".
  std::vector<std::string> problems;
};

/// Reads the terms of every argument in `args` (a key given twice is left for the reader of the
/// terms to report, as ResolvePackage does). `option` names the option in messages and `key`
/// what a key is ("issue", "party"). A key must not be empty; a value may be empty only when
/// quoted (""). Never throws. O(total length).
ParsedTerms ParseTerms(const std::vector<std::string>& args, const std::string& option,
                       const std::string& key);

}  // namespace parley::io
