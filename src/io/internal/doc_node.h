#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/io/diagnostic.h"

namespace parley::io::internal {

/// A 1-based position in a file; 0 when unknown.
struct Mark {
  int line = 0;
  int column = 0;
};

enum class NodeKind { kNull, kScalar, kList, kMap };

struct DocNode;
struct DocEntry;

/// A map key with its position.
struct DocKey {
  std::string text;
  Mark mark;
};

/// A YAML or JSON document as a tree that remembers where each node was written, so every
/// diagnostic can name FILE:LINE:COLUMN. Independent of the parser that produced it.
struct DocNode {
  NodeKind kind = NodeKind::kNull;
  Mark mark;
  std::string text;     ///< scalar text as written (unescaped)
  bool quoted = false;  ///< the scalar was quoted: a string even if it reads as a number
  std::vector<DocNode> items;
  std::vector<DocEntry> entries;  ///< map entries in file order

  /// The value of map key `key`, or nullptr. O(entries).
  const DocNode* Find(std::string_view key) const;
  /// The key entry of `key`, or nullptr.
  const DocKey* FindKey(std::string_view key) const;
};

/// One map entry. Structured bindings give [key, value].
struct DocEntry {
  DocKey key;
  DocNode value;
};

/// A parsed document, or the diagnostics that stopped it.
struct ParsedDoc {
  std::optional<DocNode> root;
  std::vector<Diagnostic> diagnostics;
};

/// What one pass over a YAML or JSON text finds before any parser builds a tree of it.
struct TextShape {
  int max_depth = 0;  ///< deepest nesting of flow brackets, up to the first limit found
  std::size_t too_deep = std::string_view::npos;  ///< offset of the bracket past the depth limit
  std::size_t too_many_keys = std::string_view::npos;  ///< offset of the key past the key limit
  /// Offset of the first quoted key in a flow map, or key of a block map, written longer than
  /// kMaxWrittenKeyBytes from its first character to its `:` (a YAML reader refuses it).
  std::size_t too_long_key = std::string_view::npos;
  /// The first quoted scalar that runs over a line starting with a key at column 0 (`parties:`):
  /// the offset of its opening quote and of that line (npos when there is none). Legal YAML,
  /// but nearly always a missing closing quote that swallows the rest of the file.
  std::size_t runaway_quote = std::string_view::npos;
  std::size_t runaway_key = std::string_view::npos;
};

/// Scans `text` once, in O(text size), stopping at the first limit it finds: flow brackets ('['
/// and '{' where a YAML value can start, or inside a flow collection) nested deeper than
/// `depth_limit`, more than `key_limit` keys written in one map: entries of a `{...}`
/// (JSON objects included), or keys of a block map (`key:` lines at one indentation, the first
/// after a `- `), or a key written longer than kMaxWrittenKeyBytes (quoted keys of a `{...}`,
/// every key of a block map). Quoted scalars ("..." and '...'), comments (' #' to the end of the
/// line), plain scalars and block scalars (`|` and `>` and their deeper-indented lines) are text. A
/// key is counted as written, so a map with more keys than it holds in a valid file (a plain
/// scalar continued on a line holding `: `) can only count more, never fewer.
TextShape ScanShape(std::string_view text, int depth_limit, std::size_t key_limit);

/// Deepest nesting of flow brackets ('[' and '{' where a YAML value can start, or inside a flow
/// collection), skipping quoted scalars ("..." and '...'), comments (' #' to the end of the line)
/// and block scalars (`|` and `>` and their deeper-indented lines), stopping early past `limit`,
/// and the offset of the bracket that went past it (or npos). Also right for JSON. O(text size).
std::pair<int, std::size_t> BracketDepth(std::string_view text, int limit);

/// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
/// nothing above U+10FFFF), or npos. O(text size).
std::size_t FirstInvalidUtf8(std::string_view text);

/// Parses YAML (1.2, which includes JSON) into a DocNode tree. Reports syntax errors, duplicate
/// map keys and non-scalar keys as errors; nesting deeper than kMaxNesting and more than
/// kMaxNodes nodes (aliases count each time they are used, which defuses alias bombs) as
/// limits. Never throws. Linear in text size plus nodes visited.
ParsedDoc ParseYaml(std::string_view text, const std::string& file);

/// Parses JSON: syntax is checked by a strict JSON parser first (exact messages and positions),
/// then the tree is built as for YAML. Never throws.
ParsedDoc ParseJson(std::string_view text, const std::string& file);

/// Whether `text` is taken for JSON: its first character other than blanks and line breaks is
/// '{'. O(leading blanks).
bool LooksLikeJson(std::string_view text);

/// Appends the limit diagnostic of a file larger than kMaxFileBytes to `out` and returns true;
/// false (nothing appended) for a text within the limit.
bool FileTooLarge(std::string_view text, const std::string& file, std::vector<Diagnostic>& out);

}  // namespace parley::io::internal
