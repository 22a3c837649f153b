#include "internal/doc_node.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "parley/core/limits.h"
#include "parley/core/text.h"
#include "parley/io/load_result.h"

namespace parley::io::internal {

const DocNode* DocNode::Find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.text == key) return &v;
  }
  return nullptr;
}

const DocKey* DocNode::FindKey(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.text == key) return &k;
  }
  return nullptr;
}

std::size_t FirstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      length = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xbf)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

namespace {

// Whether a YAML scalar, flow collection or block scalar can start after `prev`, the last
// character that is not white space ('\n' at the start of a line).
bool ValueCanStart(char prev) {
  return prev == '\n' || prev == '[' || prev == '{' || prev == ',' || prev == ':' || prev == '-' ||
         prev == '?';
}

// Whether the character at `i`, outside any flow collection, is a block indicator after which a
// value can start (`:`, `-` or `?` followed by a blank or the end of a line); any other
// character there is part of a plain scalar, brackets and commas included.
bool IndicatorAt(std::string_view text, std::size_t i) {
  const char ch = text[i];
  if (ch != ':' && ch != '-' && ch != '?') return false;
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' ||
         text[i + 1] == '\r';
}

// The offset just past the quoted scalar that opens at `i` (`"` with backslash escapes, `'` with
// '' as an escaped quote), or text.size() when it is not closed.
std::size_t SkipQuoted(std::string_view text, std::size_t i) {
  const char quote = text[i];
  for (++i; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return text.size();
}

// The indentation of the line holding offset `i`.
std::size_t IndentOfLineAt(std::string_view text, std::size_t i) {
  const std::size_t start =
      text.rfind('\n', i) == std::string_view::npos ? 0 : text.rfind('\n', i) + 1;
  std::size_t k = start;
  while (k < text.size() && text[k] == ' ') ++k;
  return k - start;
}

// The offset of the line break that ends the block scalar whose indicator (`|` or `>`) is at `i`:
// the following lines that are blank or indented deeper than the indicator's line.
std::size_t SkipBlockScalar(std::string_view text, std::size_t i) {
  const std::size_t indent = IndentOfLineAt(text, i);
  std::size_t end = text.find('\n', i);
  while (end != std::string_view::npos) {
    std::size_t k = end + 1;
    while (k < text.size() && text[k] == ' ') ++k;
    const bool blank = k >= text.size() || text[k] == '\n' || text[k] == '\r';
    if (!blank && k - (end + 1) <= indent) return end;
    end = text.find('\n', end + 1);
  }
  return text.size();
}

// The pass behind ScanShape: flow brackets and their entries, block map keys by indentation.
class ShapeScanner {
 public:
  ShapeScanner(std::string_view text, int depth_limit, std::size_t key_limit)
      : text_(text), depth_limit_(depth_limit), key_limit_(key_limit) {}

  TextShape Run() {
    char prev = '\n';
    for (std::size_t i = 0; i < text_.size() && !Stopped(); ++i) {
      const char ch = text_[i];
      if (flow_.empty() && (i == 0 || text_[i - 1] == '\n')) BlockLine(i);
      const bool after_blank = i == 0 || text_[i - 1] == ' ' || text_[i - 1] == '\t' ||
                               text_[i - 1] == '\n' || text_[i - 1] == '\r';
      if ((ch == '"' || ch == '\'') && ValueCanStart(prev)) {
        FlowToken(i);
        const std::size_t end = SkipQuoted(text_, i);
        if (shape_.runaway_quote == std::string_view::npos) NoteRunaway(i, end);
        i = end - 1;
        prev = ch;
      } else if (ch == '#' && after_blank) {
        const std::size_t eol = text_.find('\n', i);
        i = eol == std::string_view::npos ? text_.size() : eol - 1;
      } else if ((ch == '|' || ch == '>') && flow_.empty() && (prev == ':' || prev == '-')) {
        const std::size_t eol = SkipBlockScalar(text_, i);
        i = eol == text_.size() ? eol : eol - 1;
      } else if ((ch == '[' || ch == '{') && (!flow_.empty() || ValueCanStart(prev))) {
        FlowToken(i);
        flow_.push_back({ch == '{', true, 0});
        shape_.max_depth = std::max(shape_.max_depth, static_cast<int>(flow_.size()));
        if (static_cast<int>(flow_.size()) > depth_limit_) shape_.too_deep = i;
        prev = ch;
      } else if ((ch == ']' || ch == '}') && !flow_.empty()) {
        flow_.pop_back();
        prev = ch;
      } else if (ch == ',' && !flow_.empty()) {
        flow_.back().expecting = true;
        prev = ch;
      } else if (ch == '\n') {
        prev = '\n';
      } else if (ch != ' ' && ch != '\t' && ch != '\r') {
        FlowToken(i);
        prev = !flow_.empty() || IndicatorAt(text_, i) ? ch : 'a';  // 'a': inside a plain scalar
      }
    }
    return shape_;
  }

 private:
  struct Flow {
    bool map;        // '{' rather than '['
    bool expecting;  // after the bracket or a comma: the next token starts an entry
    std::size_t entries;
  };
  struct Block {
    std::size_t column;  // of the map's keys
    std::size_t keys;
  };

  bool Stopped() const {
    return shape_.too_deep != std::string_view::npos ||
           shape_.too_many_keys != std::string_view::npos ||
           shape_.too_long_key != std::string_view::npos;
  }

  // A key starting at `start` whose `:` is at `colon` (npos when none was found).
  void MeasureKey(std::size_t start, std::size_t colon) {
    if (colon != std::string_view::npos && colon - start > kMaxWrittenKeyBytes && !Stopped()) {
      shape_.too_long_key = start;
    }
  }

  // The offset of the `:` after a scalar ending at `end` and any blanks, or npos.
  std::size_t ColonAfter(std::size_t end) const {
    while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
    return end < text_.size() && text_[end] == ':' ? end : std::string_view::npos;
  }

  void CountKey(std::size_t& keys, std::size_t at) {
    if (++keys > key_limit_ && !Stopped()) shape_.too_many_keys = at;
  }

  // A token at `i` inside a flow collection: the start of an entry after `{` or `,`.
  void FlowToken(std::size_t i) {
    if (flow_.empty() || !flow_.back().expecting) return;
    flow_.back().expecting = false;
    if (!flow_.back().map) return;
    CountKey(flow_.back().entries, i);
    if (text_[i] == '"' || text_[i] == '\'') MeasureKey(i, ColonAfter(SkipQuoted(text_, i)));
  }

  // The line starting at `start`, outside any flow collection: a key at its first column (or
  // after its `- ` sequence indicators) is a key of the block map at that column; a line
  // holding anything at a column closes the maps deeper than it.
  void BlockLine(std::size_t start) {
    std::size_t k = start;
    while (k < text_.size() && text_[k] == ' ') ++k;
    if (k >= text_.size() || text_[k] == '\n' || text_[k] == '\r' || text_[k] == '#') return;
    while (!blocks_.empty() && blocks_.back().column > k - start) blocks_.pop_back();
    bool after_dash = false;
    while (text_[k] == '-' && IndicatorAt(text_, k)) {
      after_dash = true;
      for (++k; k < text_.size() && (text_[k] == ' ' || text_[k] == '\t');) ++k;
      if (k >= text_.size()) return;
    }
    const std::size_t colon = KeyAt(k);
    if (colon == std::string_view::npos) return;
    MeasureKey(k, colon);
    if (after_dash || blocks_.empty() || blocks_.back().column != k - start) {
      blocks_.push_back({k - start, 0});
    }
    CountKey(blocks_.back().keys, k);
  }

  // Records the quoted scalar [open, end) in shape_.runaway_* when one of its lines starts at
  // column 0 with a key (`word:` then a space or the end of the line). O(scalar length).
  void NoteRunaway(std::size_t open, std::size_t end) {
    const std::string_view upto_end = text_.substr(0, end);  // no search past the scalar
    for (std::size_t nl = upto_end.find('\n', open); nl != std::string_view::npos && nl + 1 < end;
         nl = upto_end.find('\n', nl + 1)) {
      std::size_t k = nl + 1;
      while (k < end && (std::isalnum(static_cast<unsigned char>(text_[k])) || text_[k] == '_' ||
                         text_[k] == '-')) {
        ++k;
      }
      if (k > nl + 1 && k < end && text_[k] == ':' &&
          (k + 1 == text_.size() || text_[k + 1] == ' ' || text_[k + 1] == '\n' ||
           text_[k + 1] == '\r')) {
        shape_.runaway_quote = open;
        shape_.runaway_key = nl + 1;
        return;
      }
    }
  }

  // Where the block map key starting at `k` ends: at `k` for `? `, at its `:` for a quoted or
  // plain scalar on this line followed by `:` and a blank (or the end of the line); npos when no
  // key starts there.
  std::size_t KeyAt(std::size_t k) const {
    constexpr std::size_t kNone = std::string_view::npos;
    const char ch = text_[k];
    if (ch == '?') return IndicatorAt(text_, k) ? k : kNone;
    if (ch == '"' || ch == '\'') return ColonAfter(SkipQuoted(text_, k));
    if (std::string_view("[{]}#&*!|>%@`,\n\r").find(ch) != std::string_view::npos) return kNone;
    for (std::size_t i = k; i < text_.size() && text_[i] != '\n'; ++i) {
      if (text_[i] == '#' && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) return kNone;
      if (text_[i] == ':' && IndicatorAt(text_, i)) return i;
    }
    return kNone;
  }

  std::string_view text_;
  int depth_limit_;
  std::size_t key_limit_;
  TextShape shape_;
  std::vector<Flow> flow_;
  std::vector<Block> blocks_;
};

}  // namespace

bool LooksLikeJson(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

bool FileTooLarge(std::string_view text, const std::string& file, std::vector<Diagnostic>& out) {
  if (text.size() <= kMaxFileBytes) return false;
  out.push_back({Severity::kLimit, file, 0, 0,
                 "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                     std::to_string(kMaxFileBytes),
                 ""});
  return true;
}

TextShape ScanShape(std::string_view text, int depth_limit, std::size_t key_limit) {
  return ShapeScanner(text, depth_limit, key_limit).Run();
}

std::pair<int, std::size_t> BracketDepth(std::string_view text, int limit) {
  const TextShape shape = ScanShape(text, limit, std::numeric_limits<std::size_t>::max());
  return {shape.too_deep == std::string_view::npos ? shape.max_depth : limit + 1, shape.too_deep};
}

namespace {

// Deepest block indentation, in levels of at least one space; a rough bound on block nesting.
int MaxIndentDepth(std::string_view text) {
  int max_indent = 0, indent = 0;
  bool at_start = true;
  for (char ch : text) {
    if (ch == '\n') {
      at_start = true;
      indent = 0;
    } else if (at_start && (ch == ' ' || ch == '-')) {
      ++indent;
    } else {
      if (at_start) max_indent = std::max(max_indent, indent);
      at_start = false;
    }
  }
  return max_indent;
}

// Where a second YAML document starts: the 1-based line (0 when the text holds one document) and
// whether it follows a "..." end marker (else it is a "---" marker at column 0 after content).
// O(text size).
std::pair<int, bool> SecondDocumentLine(std::string_view text) {
  bool content = false, ended = false;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    start = end + 1;
    auto is_marker = [&](std::string_view marker) {
      return line.substr(0, 3) == marker && (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
    };
    const std::size_t first = line.find_first_not_of(" \t");
    const bool blank = first == std::string_view::npos || line[first] == '#';
    if (is_marker("---")) {
      if (content || ended) return {line_number, ended};
      const std::size_t rest = line.find_first_not_of(" \t", 3);
      content = rest != std::string_view::npos && line[rest] != '#';
    } else if (is_marker("...")) {
      ended = content || ended;
      const std::size_t rest = line.find_first_not_of(" \t", 3);
      if (ended && rest != std::string_view::npos && line[rest] != '#') {
        return {line_number, true};  // "... text" on the marker's own line
      }
    } else if (!blank && line[0] != '%') {
      if (ended) return {line_number, true};
      content = true;
    }
    if (end == text.size()) break;
  }
  return {0, false};
}

// The message of the limit on keys in one map, from the pre-scan or the tree walk.
std::string TooManyKeysMessage() {
  return "more than " + text::GroupDigits(std::to_string(kLimits.map_keys.value)) + " " +
         kLimits.map_keys.name + " (see \"Limits\" in the case format)";
}

Mark MarkOfNode(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.is_null() || m.line < 0) return {};
  return {m.line + 1, m.column + 1};
}

// A collection's key in the measures: where it starts (two collections never start at the same
// place; an alias is the node it names, so every use of it has its mark). 0 when unmarked.
std::uint64_t CollectionKey(const YAML::Node& node) {
  const Mark m = MarkOfNode(node);
  if (m.line <= 0 || m.column <= 0) return 0;
  return (static_cast<std::uint64_t>(m.line) << 32) | static_cast<std::uint32_t>(m.column);
}

// What a subtree would cost the builder, never less: its nodes with every alias expanded
// (saturating past kMaxNodes) and its height, each collection measured once however often
// aliases name it. O(distinct nodes + their edges); an alias bomb of 10^9 nodes costs its text.
class Measures {
 public:
  struct Size {
    std::size_t nodes = 0;  // the node and all below it, each map entry's value counted
    int height = 0;         // 0 for a leaf
  };

  Size Of(const YAML::Node& node, int depth) {
    if (!node.IsSequence() && !node.IsMap()) return {1, 0};
    const std::uint64_t key = CollectionKey(node);
    if (key != 0) {
      if (const auto it = memo_.find(key); it != memo_.end()) return it->second;
    }
    Size s{1, 0};
    if (depth > kMaxNesting) {  // a cycle or deep nesting: too big to skip, the walk decides
      s = {kMaxNodes + 1, kMaxNesting + 1};
    } else {
      for (auto it = node.begin(); it != node.end(); ++it) {
        const Size c = Of(node.IsMap() ? it->second : *it, depth + 1);
        s.nodes = std::min(s.nodes + c.nodes, kMaxNodes + 1);
        s.height = std::max(s.height, c.height + 1);
      }
    }
    if (key != 0) memo_.emplace(key, s);
    return s;
  }

 private:
  std::unordered_map<std::uint64_t, Size> memo_;
};

class Builder {
 public:
  Builder(const std::string& file, std::vector<Diagnostic>& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  /// Only for a document that expands past the node limit (it will be refused): a collection
  /// walked once before (an alias used again) is then counted, not walked again, while the
  /// count stays within the limit and its depth within the nesting limit. Its problems were
  /// reported at its first walk (each once), so the diagnostics are those of the full walk
  /// and the tree is left with holes.
  /// `measures` must outlive the builder.
  void SkipRepeats(Measures& measures) { measures_ = &measures; }

  bool Build(const YAML::Node& node, DocNode& out, int depth) {
    if (measures_ != nullptr && (node.IsSequence() || node.IsMap())) {
      const std::uint64_t key = CollectionKey(node);
      if (key != 0 && walked_.contains(key)) {
        const Measures::Size s = measures_->Of(node, depth);
        if (nodes_ + s.nodes <= kMaxNodes && depth + s.height <= kMaxNesting) {
          nodes_ += s.nodes;
          return true;
        }
      }
      const bool ok = Walk(node, out, depth);
      if (ok && key != 0) walked_.insert(key);
      return ok;
    }
    return Walk(node, out, depth);
  }

 private:
  bool Walk(const YAML::Node& node, DocNode& out, int depth) {
    if (++nodes_ > kMaxNodes) {
      if (!limit_reported_) {
        Report(Severity::kLimit, MarkOf(node),
               "the document has more than " + std::to_string(kMaxNodes) +
                   " nodes (aliases count each time they are used); a case file is far smaller");
        limit_reported_ = true;
      }
      return false;
    }
    if (depth > kMaxNesting) {
      Report(Severity::kLimit, MarkOf(node),
             "nesting deeper than " + std::to_string(kMaxNesting) + " levels");
      return false;
    }
    out.mark = MarkOf(node);
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = NodeKind::kNull;
        return true;
      case YAML::NodeType::Scalar:
        out.kind = NodeKind::kScalar;
        out.text = node.Scalar();
        out.quoted = node.Tag() == "!";
        CheckPrintable(out.text, out.mark);  // an error, reported; the walk goes on
        return true;
      case YAML::NodeType::Sequence:
        out.kind = NodeKind::kList;
        out.items.reserve(node.size());
        for (const YAML::Node& item : node) {
          out.items.emplace_back();
          if (!Build(item, out.items.back(), depth + 1)) return false;
        }
        return true;
      case YAML::NodeType::Map:
        out.kind = NodeKind::kMap;
        return BuildMap(node, out, depth);
    }
    return true;
  }

  // The entries of a map, each key checked against the earlier ones through a hash map (O(keys)
  // on average) and their number against kLimits.map_keys.
  bool BuildMap(const YAML::Node& node, DocNode& out, int depth) {
    std::unordered_map<std::string, std::size_t> first_entry;  // key -> index in out.entries
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      DocKey doc_key{key.IsScalar() ? key.Scalar() : std::string(), MarkOf(key)};
      if (!key.IsScalar()) {
        Report(Severity::kError, doc_key.mark, "a map key must be plain text");
        continue;
      }
      if (!CheckPrintable(doc_key.text, doc_key.mark)) continue;
      if (const auto first = first_entry.find(doc_key.text); first != first_entry.end()) {
        Report(Severity::kError, doc_key.mark,
               "duplicate key '" + doc_key.text + "' (first written at line " +
                   std::to_string(out.entries[first->second].key.mark.line) + ")");
        continue;
      }
      if (out.entries.size() == kLimits.map_keys.value) {
        Report(Severity::kLimit, doc_key.mark, TooManyKeysMessage());
        return false;
      }
      first_entry.emplace(doc_key.text, out.entries.size());
      out.entries.push_back(DocEntry{std::move(doc_key), DocNode{}});
      if (!Build(entry.second, out.entries.back().value, depth + 1)) return false;
      if (out.entries.back().value.mark.line == 0) {
        out.entries.back().value.mark = out.entries.back().key.mark;
      }
    }
    return true;
  }

  // Reports the first control character (U+0000 to U+001F but tab, line feed and carriage
  // return, and U+007F) in a scalar or key, written as an escape such as "\0" or "\a": an id,
  // name or option holding one would be cut short or garble a terminal. O(text size).
  bool CheckPrintable(const std::string& text, Mark mark) {
    for (const char ch : text) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        Report(Severity::kError, mark,
               std::string("the text contains the control character ") + code +
                   "; ids, names, options and notes must be printable text");
        return false;
      }
    }
    return true;
  }

  static Mark MarkOf(const YAML::Node& node) { return MarkOfNode(node); }
  // An alias visits its node at every use: a problem there is reported once, not once per use
  // (a 655-byte alias bomb with a control character wrote 223,985 copies of one line).
  void Report(Severity severity, Mark mark, std::string message) {
    std::string key = std::to_string(mark.line) + ':' + std::to_string(mark.column) + ':' + message;
    if (!reported_.insert(std::move(key)).second) return;
    diagnostics_.push_back({severity, file_, mark.line, mark.column, std::move(message), ""});
  }

  const std::string& file_;
  std::vector<Diagnostic>& diagnostics_;
  std::unordered_set<std::string> reported_;  // line:column:message of each one reported
  std::size_t nodes_ = 0;
  bool limit_reported_ = false;
  Measures* measures_ = nullptr;              // set by SkipRepeats
  std::unordered_set<std::uint64_t> walked_;  // collections walked in full (SkipRepeats)
};

}  // namespace

ParsedDoc ParseYaml(std::string_view text, const std::string& file) {
  ParsedDoc out;
  if (text.find('\0') != std::string_view::npos) {
    const auto [line, column] = LineColumnAt(std::string(text), text.find('\0'));
    out.diagnostics.push_back({Severity::kError, file, line, column,
                               "the file contains a NUL byte: it is binary, not a YAML or JSON "
                               "case file",
                               ""});
    return out;
  }
  if (const std::size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    const auto [line, column] = LineColumnAt(std::string(text), bad);
    out.diagnostics.push_back({Severity::kError, file, line, column,
                               "the file is not valid UTF-8 here; save it as UTF-8 text", ""});
    return out;
  }
  const TextShape shape = ScanShape(text, kMaxNesting, kLimits.map_keys.value);
  if (shape.too_many_keys != std::string_view::npos) {
    const auto [line, column] = LineColumnAt(std::string(text), shape.too_many_keys);
    out.diagnostics.push_back({Severity::kLimit, file, line, column, TooManyKeysMessage(), ""});
    return out;
  }
  if (shape.too_long_key != std::string_view::npos) {
    const auto [line, column] = LineColumnAt(std::string(text), shape.too_long_key);
    out.diagnostics.push_back(
        {Severity::kLimit, file, line, column,
         "this key is longer than " + text::GroupDigits(std::to_string(kMaxWrittenKeyBytes)) +
             " bytes as written, which a YAML or JSON key cannot be here; an id or option has "
             "at most " +
             std::to_string(kLimits.name_length.value) +
             " characters (see \"Limits\" in the case "
             "format)",
         "shorten it; a longer description belongs in a `name`, `description` or `note`"});
    return out;
  }
  if (shape.runaway_quote != std::string_view::npos) {
    const std::string whole(text);
    const auto [line, column] = LineColumnAt(whole, shape.runaway_quote);
    const int key_line = LineColumnAt(whole, shape.runaway_key).first;
    const std::size_t eol = text.find_first_of(":", shape.runaway_key);
    out.diagnostics.push_back(
        {Severity::kWarning, file, line, column,
         "this quote is still open at line " + std::to_string(key_line) + " (`" +
             std::string(text.substr(shape.runaway_key, eol - shape.runaway_key)) +
             ":`), so everything in between reads as one text",
         "close the quote where the text ends"});
  }
  const std::size_t too_deep = shape.too_deep;
  if (too_deep != std::string_view::npos || MaxIndentDepth(text) > 16 * kMaxNesting) {
    const auto [line, column] = too_deep != std::string_view::npos
                                    ? LineColumnAt(std::string(text), too_deep)
                                    : std::pair<int, int>{1, 1};
    out.diagnostics.push_back({Severity::kLimit, file, line, column,
                               "nesting deeper than " + std::to_string(kMaxNesting) +
                                   " levels; a case file needs far fewer",
                               ""});
    return out;
  }
  YAML::Node node;
  try {
    // yaml-cpp's LoadAll can loop forever on some malformed input (a lone ','), so the second
    // document, if any, is found by its marker instead, and only the first is parsed.
    if (const auto [line, after_end] = SecondDocumentLine(text); line > 0) {
      out.diagnostics.push_back(
          {Severity::kError, file, line, 1,
           after_end ? "text after the end of the YAML document (the `...` marker); a case file "
                       "holds one document: remove it, or the marker"
                     : "the file holds more than one YAML document (separated by ---); a case "
                       "file holds one",
           ""});
      return out;
    }
    node = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    out.diagnostics.push_back(
        {Severity::kError, file, line, column,
         "YAML syntax: " + (e.msg.empty() ? std::string(e.what()) : e.msg),
         "check the indentation and brackets on this line and the one before"});
    return out;
  } catch (const std::exception& e) {
    out.diagnostics.push_back(
        {Severity::kError, file, 0, 0, std::string("YAML syntax: ") + e.what(), ""});
    return out;
  }
  // An alias bomb is refused without building its copies: measured first, then walked once
  // per collection (SkipRepeats); should the measure overstate and that walk end clean, the
  // document is built again in full. Without an alias ('*') nothing is used twice: no measure.
  if (Measures measures;
      text.find('*') != std::string_view::npos && measures.Of(node, 0).nodes > kMaxNodes) {
    Builder walk(file, out.diagnostics);
    walk.SkipRepeats(measures);
    DocNode holes;
    if (!walk.Build(node, holes, 0) || HasErrors(out.diagnostics)) return out;
  }
  DocNode root;
  Builder builder(file, out.diagnostics);
  if (builder.Build(node, root, 0) && !HasErrors(out.diagnostics)) out.root = std::move(root);
  return out;
}

namespace {

// Checks JSON syntax without building a tree (memory stays flat on hostile input) and keeps
// the first error.
class SyntaxOnly : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    position_ = position;
    message_ = e.what();
    return false;
  }
  std::size_t position_ = 0;
  std::string message_;
};

}  // namespace

ParsedDoc ParseJson(std::string_view text, const std::string& file) {
  // The limits first, before a parser reads the whole text.
  if (const TextShape shape = ScanShape(text, kMaxNesting, kLimits.map_keys.value);
      shape.too_deep != std::string_view::npos || shape.too_many_keys != std::string_view::npos ||
      shape.too_long_key != std::string_view::npos) {
    return ParseYaml(text, file);  // reports the limit
  }
  SyntaxOnly sax;
  if (!nlohmann::json::sax_parse(text, &sax)) {
    ParsedDoc out;
    const std::size_t offset = sax.position_ > 0 ? sax.position_ - 1 : 0;
    const auto [line, column] = LineColumnAt(std::string(text), std::min(offset, text.size()));
    std::string message = sax.message_;
    // Drop the library's own prefix ("[json.exception.parse_error.101] parse error at line 3,
    // column 5: "): the position is given once, in the standard form.
    if (const auto colon = message.find(": "); colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
    out.diagnostics.push_back({Severity::kError, file, line, column, "JSON " + message, ""});
    return out;
  }
  return ParseYaml(text, file);
}

}  // namespace parley::io::internal
