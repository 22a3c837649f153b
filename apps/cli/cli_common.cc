#include "cli_common.h"

#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "parley/core/issue.h"
#include "parley/core/package.h"
#include "parley/io/case_reader.h"

namespace parley::cli {

void AddFormatOption(CLI::App& command, OutputFormat& format) {
  command
      .add_option("--format", format,
                  "Output format: text (for people) or json (stable, see docs/cli.md)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"text", OutputFormat::kText},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case))
      ->default_str("text");
}

int ExitCodeFor(const std::vector<io::Diagnostic>& diagnostics) {
  if (io::HasLimit(diagnostics)) return kExitLimit;
  if (io::HasErrors(diagnostics)) return kExitInvalid;
  return kExitOk;
}

io::LoadResult LoadOrReport(Io& io, const std::string& path, int& exit_code) {
  io::LoadResult result = io::LoadCase(path);
  for (const io::Diagnostic& d : result.diagnostics) io.err << io::FormatDiagnostic(d) << '\n';
  exit_code = result.Ok() ? kExitOk : std::max(kExitInvalid, ExitCodeFor(result.diagnostics));
  return result;
}

nlohmann::ordered_json DiagnosticJson(const io::Diagnostic& d) {
  nlohmann::ordered_json j;
  j["file"] = d.file;
  j["line"] = d.line;
  j["column"] = d.column;
  j["severity"] = d.severity == io::Severity::kError   ? "error"
                  : d.severity == io::Severity::kLimit ? "limit"
                                                       : "warning";
  j["message"] = d.message;
  j["hint"] = d.hint;
  return j;
}

void PrintJson(std::ostream& out, const nlohmann::ordered_json& j) {
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace parley::cli
