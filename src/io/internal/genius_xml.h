#pragma once

// Reading GENIUS XML files: strict well-formedness (with the checks pugixml leaves out),
// positions of elements and attributes, and attribute values as numbers.

#include <cstdint>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/diagnostic.h"

namespace parley::io::internal {

/// One parsed XML file: its path (as named in diagnostics), its text and its document.
struct XmlFile {
  std::string path;
  std::string text;
  pugi::xml_document doc;

  /// A diagnostic at the start tag of `node` ('<'), or at the file's first line if unknown.
  Diagnostic At(pugi::xml_node node, std::string message,
                Severity severity = Severity::kError) const;
  /// A diagnostic at attribute `attribute` of `node` (at the node if it has no such attribute).
  Diagnostic AtAttribute(pugi::xml_node node, const char* attribute, std::string message,
                         Severity severity = Severity::kError) const;
  /// A diagnostic at byte `offset` of the text.
  Diagnostic AtOffset(std::size_t offset, std::string message,
                      Severity severity = Severity::kError) const;
};

/// Reads and parses `path`. Before parsing, a lint pass refuses what pugixml would accept but
/// XML forbids or what would cost too much: NUL bytes, a '&' that starts no character or
/// predefined entity reference, nesting deeper than kMaxNesting and more than kMaxNodes
/// elements (kLimit). A comment or blank before the XML declaration is accepted (ANAC 2014).
/// Returns nullptr after appending diagnostics when the file cannot be used. Never throws.
std::unique_ptr<XmlFile> LoadXmlFile(const std::string& path, std::vector<Diagnostic>& diagnostics);
/// Same on text already read; `path` names the file in diagnostics.
std::unique_ptr<XmlFile> ParseXmlText(const std::string& path, std::string text,
                                      std::vector<Diagnostic>& diagnostics);

/// Name of the first element of `text` (after the declaration, comments, processing
/// instructions and DOCTYPE), without parsing the rest; "" if there is none. Cheap content
/// sniffing for scenario folders, robust to errors later in the file.
std::string XmlRootName(std::string_view text);

/// Reads attribute `name` of `node` as a finite number. A missing attribute (when `required`),
/// a non-number or NaN/infinity appends an error at the attribute and gives nullopt; a missing
/// optional attribute gives nullopt silently.
std::optional<double> NumberAttribute(const XmlFile& file, pugi::xml_node node, const char* name,
                                      bool required, std::vector<Diagnostic>& diagnostics);
/// Same for an integer attribute (GENIUS indices and integer bounds).
std::optional<std::int64_t> IntegerAttribute(const XmlFile& file, pugi::xml_node node,
                                             const char* name, bool required,
                                             std::vector<Diagnostic>& diagnostics);

/// Element children of `node` named `name`, case-sensitively, in document order.
std::vector<pugi::xml_node> Children(pugi::xml_node node, const char* name);

}  // namespace parley::io::internal
