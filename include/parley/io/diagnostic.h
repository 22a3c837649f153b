#pragma once

/// Diagnostics: one problem found in an input file, with its severity (error, limit, warning),
/// file, 1-based line and column, message and hint, and the one-line format every face prints.
/// Readers and importers return all of them at once in a LoadResult (load_result.h); the CLI
/// prints them on stderr and report/diagnostic_json.h writes them as JSON.
///
///   const parley::io::Diagnostic d{.file = "deal.yaml", .line = 12, .column = 3,
///                                  .message = "unknown key 'dedline'",
///                                  .hint = "did you mean 'deadline'?"};
///   std::cerr << parley::io::FormatDiagnostic(d) << '\n';  // "deal.yaml:12:3: error: ..."
///   const bool invalid = parley::io::HasErrors({d});       // true

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace parley::io {

/// How serious a diagnostic is. A kLimit diagnostic means a documented limit was exceeded
/// (exit code 4); a kError means the input is invalid (exit code 3).
enum class Severity { kError, kLimit, kWarning };

/// One problem found in an input file. line and column are 1-based; 0 means unknown.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;  ///< what is wrong and what would be right
  std::string hint;     ///< e.g. "did you mean 'deadline'?"; empty if none

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// "FILE:LINE:COLUMN: error: message (hint)" (the position parts are left out when unknown;
/// a limit reads "error: limit exceeded: message", a warning "warning: message"). One line, no
/// trailing newline.
std::string FormatDiagnostic(const Diagnostic& d);

/// True if any diagnostic is an error or a limit.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);
/// True if any diagnostic is a limit.
bool HasLimit(const std::vector<Diagnostic>& diagnostics);

/// 1-based line and column of byte `offset` in `text` (columns count bytes). O(offset).
std::pair<int, int> LineColumnAt(const std::string& text, std::size_t offset);

}  // namespace parley::io
