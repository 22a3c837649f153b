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

std::string Amount(double x, bool money) {
  if (!money) return fmt::format("{:.4f}", x);
  if (!std::isfinite(x) || std::fabs(x) >= 1e15) return FormatNumber(x);
  const long long cents = std::llround(std::fabs(x) * 100);
  std::string digits = std::to_string(cents / 100);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  std::string out = (x < 0 && cents != 0 ? "-" : "") + digits;
  if (cents % 100 != 0) out += fmt::format(".{:02d}", cents % 100);
  return out;
}

nlohmann::ordered_json OutcomeJson(const Case& c, const Outcome& outcome) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [issue, v] : OutcomeToPackage(c, outcome)) {
    if (std::holds_alternative<double>(v)) {
      j[issue] = std::get<double>(v);
    } else {
      j[issue] = std::get<std::string>(v);
    }
  }
  return j;
}

std::string PackageText(const Case& c, const Outcome& outcome) {
  std::string out;
  for (const auto& [issue, v] : OutcomeToPackage(c, outcome)) {
    out += (out.empty() ? "" : ", ") + issue + "=" + FormatIssueValue(v);
  }
  return out;
}

void PrintJson(std::ostream& out, const nlohmann::ordered_json& j) {
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace parley::cli
