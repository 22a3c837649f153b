#pragma once

// What every subcommand shares: exit codes, the streams and --format, the shared options
// (--as, --seed, --samples, --today), loading a CASE, the `issue=value` terms and output files.
// Subcommands parse options, call the library and hand the result to parley::report.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/io/load_result.h"
#include "parley/power/options.h"
#include "parley/service/run_options.h"

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
  /// True when `out` carries data (a case file on stdout) rather than a report: main writes it
  /// byte for byte; a text report is passed through report::TerminalSafe.
  bool data_out = false;
};

/// A subcommand's action, run after parsing; returns the exit code.
using Action = std::function<int(Io&)>;

/// Adds `--format text|json` to a subcommand.
void AddFormatOption(CLI::App& command, OutputFormat& format);

/// Adds the CASE argument every analysing command takes.
void AddCaseArgument(CLI::App& command, std::string& file);

/// A check for an integer option: the text must be a whole number in lo..hi (no sign, no
/// wrap-around past 2^64 - 1). The error reads "--rows: must be a whole number from 0 to
/// 1,000,000, not '-1'" (exit 2). `range` is the range as the help and the message say it.
CLI::Validator WholeNumberIn(std::uint64_t lo, std::uint64_t hi, const std::string& range);

/// A check for a number option: a finite decimal number in lo..hi; the error names the option
/// and `range` as WholeNumberIn does.
CLI::Validator NumberIn(double lo, double hi, const std::string& range);

/// A check that the option's value is not empty ("--as: must name a party, not be empty").
CLI::Validator NotEmpty(const std::string& what);

/// Adds the shared model options to a command, writing into `model`: --as (with `as_help`),
/// --seed, --samples and --today, each with one help text and default for every command.
void AddModelOptions(CLI::App& command, power::PowerOptions& model, const std::string& as_help);

/// Loads a CASE argument; on failure prints every diagnostic to `io.err` and sets `exit_code`
/// to 3 (invalid) or 4 (limit). Returns the result either way.
io::LoadResult LoadOrReport(Io& io, const std::string& path, int& exit_code);

/// The exit code for a set of diagnostics: 0, 3, or 4 when a limit was hit.
int ExitCodeFor(const std::vector<io::Diagnostic>& diagnostics);

/// Reads the `key=value,...` terms of `option` (io::ParseTerms). On problems prints every one
/// of them to `io.err` ("parley: error: ...") and returns nothing: the command exits 2.
std::optional<std::vector<std::pair<std::string, std::string>>> ReadTerms(
    Io& io, const std::vector<std::string>& args, const std::string& option,
    const std::string& key);

/// Throws Error(kUsage) when `path` exists and `force` is false: files are never replaced
/// without --force; and, even with `force`, when `path` is not a regular file (a folder, a
/// device such as /dev/null, a FIFO, a socket), saying what it is. Every command that writes a
/// file calls it before the work.
void RefuseToReplace(const std::string& path, bool force);

/// Writes JSON to `out` as report::JsonText does.
void PrintJson(std::ostream& out, const nlohmann::ordered_json& j);

/// Prints the JSON answer of `command` (service::WriteRunJson, the same function the server
/// calls) to `io.out`; problems that need the case (an offer naming an unknown issue) go to
/// `io.err` as "parley: error: ..." with nothing on `io.out`. Returns the exit code.
int PrintRunJson(Io& io, std::string_view command, const Case& c, const std::string& file,
                 const service::RunOptions& options);

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
void AddNextCommand(CLI::App& app, Io& io, Action& action);
void AddCoalitionCommand(CLI::App& app, Io& io, Action& action);
void AddStakeholdersCommand(CLI::App& app, Io& io, Action& action);
void AddSimulateCommand(CLI::App& app, Io& io, Action& action);
void AddStrategiesCommand(CLI::App& app, Io& io, Action& action);
void AddRehearseCommand(CLI::App& app, Io& io, Action& action);
void AddServeCommand(CLI::App& app, Io& io, Action& action);
void AddCasesCommand(CLI::App& app, Io& io, Action& action);
void AddUsersCommand(CLI::App& app, Io& io, Action& action);

}  // namespace parley::cli
