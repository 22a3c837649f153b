#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/core/outcome_space.h"
#include "parley/io/load_result.h"
#include "parley/io/report_format.h"

namespace parley::cli {

/// Exit codes (docs/cli.md). Translated from ErrorCode in one place: ExitCodeFor.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInvalid = 3;
inline constexpr int kExitLimit = 4;

/// Output format of every command.
enum class OutputFormat { kText, kJson };

/// What every command shares: where it writes, and the --format flag.
struct Io {
  std::ostream& out;
  std::ostream& err;
  OutputFormat format = OutputFormat::kText;
};

/// A subcommand's action, run after parsing; returns the exit code.
using Action = std::function<int(Io&)>;

/// Adds `--format text|json` to a subcommand.
void AddFormatOption(CLI::App& command, OutputFormat& format);

/// Loads a CASE argument; on failure prints every diagnostic to `io.err` and sets `exit_code`
/// to 3 (invalid) or 4 (limit). Returns the result either way.
io::LoadResult LoadOrReport(Io& io, const std::string& path, int& exit_code);

/// The exit code for a set of diagnostics: 0, 3, or 4 when a limit was hit.
int ExitCodeFor(const std::vector<io::Diagnostic>& diagnostics);

/// A diagnostic as JSON: {file, line, column, severity, message, hint}.
nlohmann::ordered_json DiagnosticJson(const io::Diagnostic& d);

/// The report formatters live in io (report_format.h); commands use them unqualified.
using io::Amount;
using io::OutcomeJson;
using io::PackageText;

/// Writes JSON to `out`, 2-space indented, with a final newline.
void PrintJson(std::ostream& out, const nlohmann::ordered_json& j);

/// Each subcommand registers itself and sets `action` when it is chosen.
void AddCheckCommand(CLI::App& app, Io& io, Action& action);
void AddShowCommand(CLI::App& app, Io& io, Action& action);
void AddConvertCommand(CLI::App& app, Io& io, Action& action);
void AddFrontierCommand(CLI::App& app, Io& io, Action& action);
void AddEvaluateCommand(CLI::App& app, Io& io, Action& action);
void AddPowerCommand(CLI::App& app, Io& io, Action& action);
void AddPlanCommand(CLI::App& app, Io& io, Action& action);
void AddReviewCommand(CLI::App& app, Io& io, Action& action);
void AddNewCommand(CLI::App& app, Io& io, Action& action);

}  // namespace parley::cli
