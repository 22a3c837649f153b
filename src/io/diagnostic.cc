#include "parley/io/diagnostic.h"

namespace parley::io {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += out.empty() ? "" : ": ";
  switch (d.severity) {
    case Severity::kError:
      out += "error: ";
      break;
    case Severity::kLimit:
      out += "error: limit exceeded: ";
      break;
    case Severity::kWarning:
      out += "warning: ";
      break;
  }
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::kWarning) return true;
  }
  return false;
}

bool HasLimit(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kLimit) return true;
  }
  return false;
}

std::pair<int, int> LineColumnAt(const std::string& text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace parley::io
