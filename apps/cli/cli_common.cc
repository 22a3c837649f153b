#include "cli_common.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <utility>

#include "parley/core/error.h"
#include "parley/io/case_reader.h"
#include "parley/io/file.h"
#include "parley/io/terms.h"
#include "parley/report/json_text.h"
#include "parley/service/run.h"

namespace parley::cli {

void AddFormatOption(CLI::App& command, OutputFormat& format) {
  command
      .add_option("--format", format,
                  "Output format: text (for people) or json (stable, see docs/cli.md)")
      ->transform(CLI::Validator(
          [](std::string& value) {
            std::string v = value;
            std::transform(v.begin(), v.end(), v.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            for (const auto& [name, f] :
                 {std::pair{"text", OutputFormat::kText}, std::pair{"json", OutputFormat::kJson}}) {
              if (v == name) {
                value = std::to_string(static_cast<int>(f));
                return std::string();
              }
            }
            const bool file = v == "md" || v == "markdown" || v == "html" || v == "xlsx";
            return "'" + value + "' is not a format here; choose text or json" +
                   (file ? std::string(" (Markdown, HTML and XLSX are written to a file: `-o "
                                       "brief." +
                                       (v == "markdown" ? std::string("md") : v) +
                                       "` where the command offers it, as `parley plan` does)")
                         : std::string());
          },
          "text or json"))
      ->default_str("text");
}

void AddCaseArgument(CLI::App& command, std::string& file) {
  command.add_option("CASE", file, "A case file or a GENIUS/GeniusWeb scenario folder")->required();
}

CLI::Validator WholeNumberIn(std::uint64_t lo, std::uint64_t hi, const std::string& range) {
  return CLI::Validator(
      [lo, hi, range](std::string& text) {
        return service::WholeNumberProblem(text, lo, hi, range);
      },
      range);
}

CLI::Validator NumberIn(double lo, double hi, const std::string& range) {
  return CLI::Validator(
      [lo, hi, range](std::string& text) { return service::NumberProblem(text, lo, hi, range); },
      range);
}

CLI::Validator NotEmpty(const std::string& what) {
  return CLI::Validator([what](std::string& text) { return service::EmptyProblem(text, what); },
                        "");
}

void AddModelOptions(CLI::App& command, power::PowerOptions& model, const std::string& as_help) {
  command.add_option("--as", model.as, as_help + "; default: the `us` party")
      ->check(NotEmpty("a party"));
  command.add_option("--seed", model.seed, "Seed of the sampled uncertain inputs")
      ->default_val(1)
      ->check(WholeNumberIn(0, UINT64_MAX, "0 to 2^64-1"));
  command
      .add_option("--samples", model.samples,
                  "Draws of the uncertain inputs (BATNA ranges), 0 to 1,000,000")
      ->default_val(10000)
      ->check(WholeNumberIn(0, 1'000'000, "0 to 1,000,000"));
  command.add_option("--today", model.today,
                     "Analysis date YYYY-MM-DD for deadlines (default: the case's latest dated "
                     "fact)");
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

std::optional<std::vector<std::pair<std::string, std::string>>> ReadTerms(
    Io& io, const std::vector<std::string>& args, const std::string& option,
    const std::string& key) {
  io::ParsedTerms parsed = io::ParseTerms(args, option, key);
  if (parsed.problems.empty()) return std::move(parsed.terms);
  for (const std::string& p : parsed.problems) io.err << "parley: error: " << p << '\n';
  return std::nullopt;
}

void RefuseToReplace(const std::string& path, bool force) {
  if (path.empty()) return;
  const std::string special = io::SpecialFileKind(path);
  if (!special.empty()) {
    throw Error(
        ErrorCode::kUsage,
        path + " is " + special + ", not a regular file; it is never replaced, even with --force");
  }
  if (!force && std::filesystem::exists(path)) {
    throw Error(ErrorCode::kUsage, path + " already exists; pass --force to replace it");
  }
}

void PrintJson(std::ostream& out, const nlohmann::ordered_json& j) { out << report::JsonText(j); }

int PrintRunJson(Io& io, std::string_view command, const Case& c, const std::string& file,
                 const service::RunOptions& options) {
  const service::RunStatus status = service::WriteRunJson(io.out, command, c, file, options);
  for (const std::string& p : status.problems) io.err << "parley: error: " << p << '\n';
  if (status.Ok()) return kExitOk;
  return *status.error == ErrorCode::kLimit ? kExitLimit : kExitInvalid;
}

}  // namespace parley::cli
