#pragma once

// Reading GeniusWeb JSON files (GENIUS_FORMATS.md section 3) as positioned document trees.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "internal/doc_node.h"
#include "parley/io/diagnostic.h"

namespace parley::io::internal {

/// One parsed JSON file: path (as named in diagnostics), text and positioned tree.
struct JsonFile {
  std::string path;
  std::string text;
  DocNode root;

  /// A diagnostic at `mark` (line 1 column 1 when the mark is unknown); the message starts
  /// with the JSON path of the key or value written there, e.g.
  /// "LinearAdditiveUtilitySpace.issueWeights: ...".
  Diagnostic At(const Mark& mark, std::string message, Severity severity = Severity::kError) const;
};

/// Reads and parses `path`: syntax errors with line and column (from the JSON parser's byte
/// position), duplicate keys as errors, nesting deeper than kMaxNesting and files over
/// kMaxFileBytes as limits. Returns nullptr after appending diagnostics. Never throws.
std::unique_ptr<JsonFile> LoadJsonFile(const std::string& path,
                                       std::vector<Diagnostic>& diagnostics);
/// Same on text already read.
std::unique_ptr<JsonFile> ParseJsonText(const std::string& path, std::string text,
                                        std::vector<Diagnostic>& diagnostics);

/// A JSON number written without quotes, finite; nullopt otherwise.
std::optional<double> JsonNumber(const DocNode& node);
/// "an object", "a list", "a string", "a number", "null" (for messages).
std::string JsonKindName(const DocNode& node);

/// One issue of a GeniusWeb domain (`issuesValues`): discrete values, or a numeric range.
struct WebIssue {
  std::string name;
  Mark mark;  ///< the issue's key in `issuesValues`
  bool number = false;
  std::vector<std::string> values;     ///< discrete values in order
  double low = 0, high = 0, step = 1;  ///< numeric range
};

/// A GeniusWeb domain object (a domain file's root, or a profile's embedded "domain").
struct WebDomain {
  std::string name;
  Mark mark;
  std::vector<WebIssue> issues;  ///< in key order
  /// Position of the issue with this name, or -1.
  int Find(const std::string& name) const;
};

/// Reads a domain object. Appends every problem found; nullopt if any is an error.
std::optional<WebDomain> ReadWebDomain(const JsonFile& file, const DocNode& node,
                                       std::vector<Diagnostic>& diagnostics);

}  // namespace parley::io::internal
