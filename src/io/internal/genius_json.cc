#include "internal/genius_json.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "internal/doc_node.h"
#include "internal/genius_common.h"
#include "parley/io/load_result.h"

namespace parley::io::internal {

namespace {

bool SameMark(const Mark& a, const Mark& b) { return a.line == b.line && a.column == b.column; }

// A key as written in a path: bare when it is a plain word, else in double quotes.
std::string PathKey(const std::string& key) {
  const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
  });
  return plain ? key : "\"" + key + "\"";
}

// The path ("a.b[2].c") of the first key or value written at `mark`, in document order.
bool FindPath(const DocNode& node, const Mark& mark, const std::string& prefix, std::string& out) {
  auto visit = [&](const DocNode& child, const std::string& path, const Mark* key) {
    if ((key != nullptr && SameMark(*key, mark)) || SameMark(child.mark, mark)) {
      out = path;
      return true;
    }
    return FindPath(child, mark, path, out);
  };
  for (const auto& [key, value] : node.entries) {
    if (visit(value, prefix.empty() ? PathKey(key.text) : prefix + "." + PathKey(key.text),
              &key.mark)) {
      return true;
    }
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    if (visit(node.items[i], prefix + "[" + std::to_string(i) + "]", nullptr)) return true;
  }
  return false;
}

}  // namespace

Diagnostic JsonFile::At(const Mark& mark, std::string message, Severity severity) const {
  if (mark.line <= 0) return {severity, path, 1, 1, std::move(message), ""};
  std::string where;
  if (!message.empty() && FindPath(root, mark, "", where)) message = where + ": " + message;
  return {severity, path, mark.line, mark.column, std::move(message), ""};
}

std::unique_ptr<JsonFile> ParseJsonText(const std::string& path, std::string text,
                                        std::vector<Diagnostic>& diagnostics) {
  if (text.size() > kMaxFileBytes) {
    diagnostics.push_back({Severity::kLimit, path, 0, 0,
                           "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                               std::to_string(kMaxFileBytes),
                           ""});
    return nullptr;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.push_back({Severity::kError, path, 1, 1,
                           "the file is empty; a GeniusWeb file holds one JSON object", ""});
    return nullptr;
  }
  // Refuse absurd nesting before any parser builds a tree of it.
  const auto [depth, at] = BracketDepth(text, kMaxNesting);
  if (at != std::string::npos) {
    const auto [line, column] = LineColumnAt(text, at);
    diagnostics.push_back({Severity::kLimit, path, line, column,
                           "nesting deeper than " + std::to_string(kMaxNesting) +
                               " levels; a GeniusWeb file needs far fewer",
                           ""});
    return nullptr;
  }
  ParsedDoc doc = ParseJson(text, path);
  const bool failed = !doc.root || HasErrors(doc.diagnostics);
  diagnostics.insert(diagnostics.end(), doc.diagnostics.begin(), doc.diagnostics.end());
  if (failed) return nullptr;
  auto file = std::make_unique<JsonFile>();
  file->path = path;
  file->text = std::move(text);
  file->root = std::move(*doc.root);
  return file;
}

std::unique_ptr<JsonFile> LoadJsonFile(const std::string& path,
                                       std::vector<Diagnostic>& diagnostics) {
  std::optional<std::string> text = ReadInputFile(path, diagnostics);
  if (!text) return nullptr;
  return ParseJsonText(path, std::move(*text), diagnostics);
}

std::optional<double> JsonNumber(const DocNode& node) {
  if (node.kind != NodeKind::kScalar || node.quoted) return std::nullopt;
  const std::optional<double> value = ParseDecimal(node.text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

std::string JsonKindName(const DocNode& node) {
  switch (node.kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kList:
      return "a list";
    case NodeKind::kMap:
      return "an object";
    case NodeKind::kScalar:
      break;
  }
  if (node.quoted) return "a string";
  if (JsonNumber(node)) return "a number";
  return "'" + node.text + "'";
}

int WebDomain::Find(const std::string& issue) const {
  for (std::size_t i = 0; i < issues.size(); ++i) {
    if (issues[i].name == issue) return static_cast<int>(i);
  }
  return -1;
}

namespace {

bool ReadRange(const JsonFile& file, const DocNode& range, WebIssue& issue,
               std::vector<Diagnostic>& diagnostics) {
  if (range.kind != NodeKind::kMap) {
    diagnostics.push_back(
        file.At(range.mark, "`range` must be an object {\"low\", \"high\", \"step\"}"));
    return false;
  }
  bool ok = true;
  auto number = [&](const char* key) -> double {
    const DocNode* node = range.Find(key);
    const std::optional<double> value = node != nullptr ? JsonNumber(*node) : std::nullopt;
    if (!value) {
      diagnostics.push_back(file.At(node != nullptr ? node->mark : range.mark,
                                    std::string("`range` needs `") + key + "`, a finite number"));
      ok = false;
    }
    return value.value_or(0);
  };
  issue.low = number("low");
  issue.high = number("high");
  issue.step = number("step");
  if (!ok) return false;
  if (!(issue.step > 0)) {
    diagnostics.push_back(file.At(range.Find("step")->mark, "`step` must be above 0"));
    return false;
  }
  if (issue.high < issue.low) {
    diagnostics.push_back(file.At(range.Find("high")->mark, "`high` is below `low`"));
    return false;
  }
  return true;
}

bool ReadValues(const JsonFile& file, const DocNode& values, WebIssue& issue,
                std::vector<Diagnostic>& diagnostics) {
  if (values.kind != NodeKind::kList || values.items.empty()) {
    diagnostics.push_back(file.At(values.mark, "`values` must be a non-empty list of strings"));
    return false;
  }
  bool ok = true;
  std::set<std::string> seen;
  for (const DocNode& value : values.items) {
    if (value.kind != NodeKind::kScalar || !value.quoted || value.text.empty()) {
      diagnostics.push_back(file.At(
          value.mark, "a discrete value must be a non-empty string, not " + JsonKindName(value)));
      ok = false;
    } else if (!seen.insert(value.text).second) {
      diagnostics.push_back(file.At(
          value.mark, "issue '" + issue.name + "' lists the value '" + value.text + "' twice"));
      ok = false;
    } else {
      issue.values.push_back(value.text);
    }
  }
  return ok;
}

}  // namespace

std::optional<WebDomain> ReadWebDomain(const JsonFile& file, const DocNode& node,
                                       std::vector<Diagnostic>& diagnostics) {
  if (node.kind != NodeKind::kMap) {
    diagnostics.push_back(file.At(node.mark,
                                  "a GeniusWeb domain is an object with \"name\" and "
                                  "\"issuesValues\", not " +
                                      JsonKindName(node)));
    return std::nullopt;
  }
  WebDomain domain;
  domain.mark = node.mark;
  if (const DocNode* name = node.Find("name")) {
    if (name->kind == NodeKind::kScalar) {
      domain.name = name->text;
    } else {
      diagnostics.push_back(file.At(name->mark, "the domain `name` must be a string"));
    }
  }
  const DocNode* issues = node.Find("issuesValues");
  if (issues == nullptr || issues->kind != NodeKind::kMap || issues->entries.empty()) {
    diagnostics.push_back(
        file.At(issues != nullptr ? issues->mark : node.mark,
                "a GeniusWeb domain needs \"issuesValues\": an object of issues"));
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& [key, value] : issues->entries) {
    WebIssue issue;
    issue.name = key.text;
    issue.mark = key.mark;
    const DocNode* values = value.kind == NodeKind::kMap ? value.Find("values") : nullptr;
    const DocNode* range = value.kind == NodeKind::kMap ? value.Find("range") : nullptr;
    if (issue.name.empty()) {
      diagnostics.push_back(file.At(key.mark, "an issue name cannot be empty"));
      ok = false;
    } else if ((values == nullptr) == (range == nullptr)) {
      diagnostics.push_back(file.At(value.mark, "issue '" + issue.name +
                                                    "' needs either \"values\": [strings] or "
                                                    "\"range\": {\"low\", \"high\", \"step\"}"));
      ok = false;
    } else if (range != nullptr) {
      issue.number = true;
      ok = ReadRange(file, *range, issue, diagnostics) && ok;
    } else {
      ok = ReadValues(file, *values, issue, diagnostics) && ok;
    }
    domain.issues.push_back(std::move(issue));
  }
  if (!ok) return std::nullopt;
  return domain;
}

}  // namespace parley::io::internal
