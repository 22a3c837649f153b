#include "internal/genius_xml.h"

#include <cctype>
#include <cmath>
#include <cstring>

#include "internal/doc_node.h"
#include "internal/genius_common.h"
#include "parley/core/issue.h"
#include "parley/io/load_result.h"

namespace parley::io::internal {

Diagnostic XmlFile::AtOffset(std::size_t offset, std::string message, Severity severity) const {
  const auto [line, column] = LineColumnAt(text, std::min(offset, text.size()));
  return {severity, path, line, column, std::move(message), ""};
}

Diagnostic XmlFile::At(pugi::xml_node node, std::string message, Severity severity) const {
  const std::ptrdiff_t offset = node ? node.offset_debug() : -1;
  if (offset < 0) return {severity, path, 1, 1, std::move(message), ""};
  // offset_debug() points at the element name; report the '<' before it.
  const auto at = static_cast<std::size_t>(offset);
  return AtOffset(at > 0 && text[at - 1] == '<' ? at - 1 : at, std::move(message), severity);
}

Diagnostic XmlFile::AtAttribute(pugi::xml_node node, const char* attribute, std::string message,
                                Severity severity) const {
  const std::ptrdiff_t start = node ? node.offset_debug() : -1;
  if (start < 0) return At(node, std::move(message), severity);
  // Search the start tag (up to its unquoted '>') for `attribute` followed by '='.
  const std::size_t length = std::strlen(attribute);
  char quote = 0;
  for (std::size_t i = static_cast<std::size_t>(start); i < text.size(); ++i) {
    const char ch = text[i];
    if (quote != 0) {
      if (ch == quote) quote = 0;
      continue;
    }
    if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '>') {
      break;
    } else if (i > 0 &&
               (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n' ||
                text[i - 1] == '\r' || text[i - 1] == '"' || text[i - 1] == '\'') &&
               text.compare(i, length, attribute) == 0) {
      std::size_t j = i + length;
      while (j < text.size() &&
             (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
        ++j;
      if (j < text.size() && text[j] == '=') return AtOffset(i, std::move(message), severity);
    }
  }
  return At(node, std::move(message), severity);
}

namespace {

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// True when the '&' at `at` starts a character reference or a predefined entity reference.
bool IsReference(std::string_view text, std::size_t at) {
  for (const char* entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
    if (StartsWith(text, at, entity)) return true;
  }
  std::size_t i = at + 1;
  if (i >= text.size() || text[i] != '#') return false;
  ++i;
  const bool hex = i < text.size() && text[i] == 'x';
  if (hex) ++i;
  const std::size_t digits_start = i;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) ||
                             (hex && std::isxdigit(static_cast<unsigned char>(text[i]))))) {
    ++i;
  }
  return i > digits_start && i < text.size() && text[i] == ';';
}

// The state of one Lint pass: the file, where problems go, and what has been counted so far.
struct LintState {
  const XmlFile& file;
  std::string_view text;
  std::vector<Diagnostic>& diagnostics;
  int depth = 0;
  std::size_t elements = 0, bad_amps = 0;
};

// Reports the bare '&' at `at`; only the first 20 are reported.
void ReportBareAmp(LintState& lint, std::size_t at) {
  if (++lint.bad_amps > 20) return;
  Diagnostic d = lint.file.AtOffset(at,
                                    "'&' must be written as '&amp;' in XML (the original "
                                    "GENIUS parser accepts a bare '&'; Parley does not guess)");
  d.hint = "replace '&' with '&amp;' or with the word 'and'";
  lint.diagnostics.push_back(std::move(d));
}

// The offset just past the first `end` at or after `from`, or the end of the text. O(n).
std::size_t SkipPast(std::string_view text, std::size_t from, std::string_view end) {
  const std::size_t j = text.find(end, from);
  return j == std::string_view::npos ? text.size() : j + end.size();
}

// Scans the start tag whose '<' is at `start`, reporting bare '&' in its attribute values, up to
// its unquoted '>' (or a NUL byte, or the end of the text). Returns the offset after the scan
// and sets `self_closing` when the tag ends with "/>". O(tag length).
std::size_t ScanStartTag(LintState& lint, std::size_t start, bool& self_closing) {
  const std::string_view text = lint.text;
  char quote = 0;
  self_closing = false;
  std::size_t i = start + 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0') break;
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '&' && !IsReference(text, i)) {
        ReportBareAmp(lint, i);
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      self_closing = text[i - 1] == '/';
      return i + 1;
    }
  }
  return i;
}

// Counts the element whose start tag is at `start` against the nesting and element limits;
// false after reporting the limit it passes.
bool CountElement(LintState& lint, std::size_t start, bool self_closing) {
  if (!self_closing && ++lint.depth > kMaxNesting) {
    lint.diagnostics.push_back(lint.file.AtOffset(start,
                                                  "elements nest deeper than " +
                                                      std::to_string(kMaxNesting) +
                                                      " levels; a GENIUS file needs far fewer",
                                                  Severity::kLimit));
    return false;
  }
  if (++lint.elements > kMaxNodes) {
    lint.diagnostics.push_back(lint.file.AtOffset(
        start, "the file has more than " + std::to_string(kMaxNodes) + " elements",
        Severity::kLimit));
    return false;
  }
  return true;
}

// Steps over the markup whose '<' is at `i` (comment, CDATA, processing instruction,
// declaration, end tag or start tag); returns the offset after it, or nullopt after reporting
// a limit.
std::optional<std::size_t> SkipMarkup(LintState& lint, std::size_t i) {
  const std::string_view text = lint.text;
  if (StartsWith(text, i, "<!--")) return SkipPast(text, i + 4, "-->");
  if (StartsWith(text, i, "<![CDATA[")) return SkipPast(text, i + 9, "]]>");
  if (StartsWith(text, i, "<?")) return SkipPast(text, i + 2, "?>");
  if (StartsWith(text, i, "<!DOCTYPE")) {
    // Entities declared in a DOCTYPE would be expanded (or reported as bare '&'); GENIUS files
    // have none, so it is refused outright.
    lint.diagnostics.push_back(lint.file.AtOffset(
        i, "a DOCTYPE is not allowed in a GENIUS file (it can declare entities); remove it"));
    return std::nullopt;
  }
  if (StartsWith(text, i, "<!")) return SkipPast(text, i + 2, ">");
  if (StartsWith(text, i, "</")) {
    if (lint.depth > 0) --lint.depth;
    return SkipPast(text, i + 2, ">");
  }
  bool self_closing = false;
  const std::size_t next = ScanStartTag(lint, i, self_closing);
  if (!CountElement(lint, i, self_closing)) return std::nullopt;
  return next;
}

// What pugixml accepts but XML forbids, and what would cost too much to parse. Stops at the
// first limit; reports up to 20 bad '&'. Structure errors are left to pugixml (it reports them
// with an offset); this pass only skips over what it does not understand. O(n).
void Lint(const XmlFile& file, std::vector<Diagnostic>& diagnostics) {
  LintState lint{file, file.text, diagnostics};
  const std::string_view text = lint.text;
  std::size_t i = 0;
  while (i < text.size()) {
    const char ch = text[i];
    if (ch == '\0') {
      diagnostics.push_back(
          file.AtOffset(i, "the file contains a NUL byte: it is binary, not XML"));
      return;
    }
    if (ch == '&') {
      if (!IsReference(text, i)) ReportBareAmp(lint, i);
      ++i;
      continue;
    }
    if (ch != '<') {
      ++i;
      continue;
    }
    const std::optional<std::size_t> next = SkipMarkup(lint, i);
    if (!next) return;
    i = *next;
  }
}

}  // namespace

std::unique_ptr<XmlFile> ParseXmlText(const std::string& path, std::string text,
                                      std::vector<Diagnostic>& diagnostics) {
  auto file = std::make_unique<XmlFile>();
  file->path = path;
  file->text = std::move(text);
  if (file->text.size() > kMaxFileBytes) {
    diagnostics.push_back({Severity::kLimit, path, 0, 0,
                           "the file is " + std::to_string(file->text.size()) +
                               " bytes; the limit is " + std::to_string(kMaxFileBytes),
                           ""});
    return nullptr;
  }
  if (file->text.compare(0, 2, "\xFF\xFE") == 0 || file->text.compare(0, 2, "\xFE\xFF") == 0) {
    diagnostics.push_back({Severity::kError, path, 1, 1,
                           "the file is UTF-16; GENIUS files are read as UTF-8: save it as UTF-8",
                           ""});
    return nullptr;
  }
  if (const std::size_t bad = FirstInvalidUtf8(file->text); bad != std::string::npos) {
    diagnostics.push_back(
        file->AtOffset(bad, "the file is not valid UTF-8 here; save it as UTF-8 text"));
    return nullptr;
  }
  const std::size_t before = diagnostics.size();
  Lint(*file, diagnostics);
  if (diagnostics.size() > before) return nullptr;
  // Parse a copy in place: offsets then index file->text exactly (UTF-8, no conversion).
  const pugi::xml_parse_result result = file->doc.load_buffer(
      file->text.data(), file->text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    std::string message = result.description();
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    Diagnostic d =
        file->AtOffset(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)),
                       "XML syntax: " + message);
    if (result.status == pugi::status_bad_attribute) {
      d.hint = "attributes are written name=\"value\" and separated by blanks";
    } else if (result.status == pugi::status_no_document_element) {
      d.message = file->text.empty() ? "the file is empty; a GENIUS file holds one XML element"
                                     : "XML syntax: the file holds no element";
    }
    diagnostics.push_back(std::move(d));
    return nullptr;
  }
  return file;
}

std::unique_ptr<XmlFile> LoadXmlFile(const std::string& path,
                                     std::vector<Diagnostic>& diagnostics) {
  std::optional<std::string> text = ReadInputFile(path, diagnostics);
  if (!text) return nullptr;
  return ParseXmlText(path, std::move(*text), diagnostics);
}

std::string XmlRootName(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t lt = text.find('<', i);
    if (lt == std::string_view::npos) return "";
    if (StartsWith(text, lt, "<!--")) {
      const std::size_t end = text.find("-->", lt + 4);
      if (end == std::string_view::npos) return "";
      i = end + 3;
    } else if (StartsWith(text, lt, "<?") || StartsWith(text, lt, "<!")) {
      const std::size_t end = text.find('>', lt + 2);
      if (end == std::string_view::npos) return "";
      i = end + 1;
    } else {
      std::size_t end = lt + 1;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
              text[end] == '-' || text[end] == ':' || text[end] == '.')) {
        ++end;
      }
      return std::string(text.substr(lt + 1, end - lt - 1));
    }
  }
  return "";
}

namespace {

// "<item> needs a `value` attribute (a number)". Built by appending: GCC 12 warns falsely
// (-Wrestrict) on `"<" + std::string(...)`.
std::string MissingAttribute(pugi::xml_node node, const char* name, const char* what) {
  std::string message = "<";
  message.append(node.name()).append("> needs a `").append(name).append("` attribute (");
  message.append(what).append(")");
  return message;
}

}  // namespace

std::optional<double> NumberAttribute(const XmlFile& file, pugi::xml_node node, const char* name,
                                      bool required, std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    if (required) {
      diagnostics.push_back(file.At(node, MissingAttribute(node, name, "a number")));
    }
    return std::nullopt;
  }
  const std::optional<double> value = ParseDecimal(attribute.value());
  if (!value) {
    diagnostics.push_back(file.AtAttribute(
        node, name,
        std::string("`") + name + "` must be a number, not '" + attribute.value() + "'"));
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    diagnostics.push_back(file.AtAttribute(
        node, name,
        std::string("`") + name + "` must be a finite number, not '" + attribute.value() + "'"));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> IntegerAttribute(const XmlFile& file, pugi::xml_node node,
                                             const char* name, bool required,
                                             std::vector<Diagnostic>& diagnostics) {
  const pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) {
    if (required) {
      diagnostics.push_back(file.At(node, MissingAttribute(node, name, "an integer")));
    }
    return std::nullopt;
  }
  const std::optional<std::int64_t> value = ParseInteger(attribute.value());
  if (!value) {
    diagnostics.push_back(file.AtAttribute(
        node, name,
        std::string("`") + name + "` must be an integer, not '" + attribute.value() + "'"));
  }
  return value;
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, const char* name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child = node.child(name); child; child = child.next_sibling(name)) {
    out.push_back(child);
  }
  return out;
}

}  // namespace parley::io::internal
