#pragma once

/// One answer for every face: the JSON of `parley COMMAND CASE --format json`, computed and
/// rendered in one place. The CLI's --format json path and the server's POST /api/run/COMMAND
/// both call WriteRunJson, so the two answer byte for byte the same (docs/serve.md).
///
///   std::ostringstream out;
///   const parley::service::RunStatus s =
///       parley::service::WriteRunJson(out, "power", c, "deal.yaml", options);
///   if (s.Ok()) std::cout << out.str();

#include <atomic>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/error.h"
#include "parley/io/case_reader.h"
#include "parley/report/brief_render.h"
#include "parley/service/run_options.h"

namespace parley::service {

/// The commands WriteRunJson answers, in the order docs/cli.md lists them.
const std::vector<std::string>& RunCommands();

/// How a run ended: nothing wrong, or the kind of failure and its messages (each as the CLI
/// prints it after "parley: error: ", such as "--offer: no issue named 'prise'").
struct RunStatus {
  std::optional<ErrorCode> error;
  std::vector<std::string> problems;

  bool Ok() const { return !error.has_value(); }
};

/// Writes the JSON of `parley COMMAND CASE --format json` for a valid case `c` (`file` is the
/// CASE as named in the answer) to `out`, exactly as the CLI prints it. Problems that need the
/// case (an offer naming an unknown issue) give kInvalidInput with nothing written. "check" is
/// not answered here: it reports on a case's text (CheckJson). Throws Error(kUsage) for an
/// unknown command or options out of range (ValidateOptions).
RunStatus WriteRunJson(std::ostream& out, std::string_view command, const Case& c,
                       const std::string& file, const RunOptions& options);

/// What a face sends back for a case's text: the status and the JSON body.
struct Answer {
  std::optional<ErrorCode> error;  ///< nothing when the command answered
  /// The answer; the check JSON of the case's diagnostics; or ProblemsJson. BriefOnText: the
  /// brief in its format.
  std::string json;
};

/// Reads a case's text named `file` as the server receives it (JSON, or YAML with `syntax`
/// kYaml): nothing wrong gives no error and an empty json; a case with errors gives the JSON of
/// `parley check --format json` with kInvalidInput, kLimit when a limit was hit, or kUsage when
/// a JSON text is not JSON at all (a YAML text's syntax errors are kInvalidInput, with their
/// line and column).
Answer CheckCaseText(std::string_view text, const std::string& file,
                     io::CaseSyntax syntax = io::CaseSyntax::kJson);

/// How RunOnText reads the case and when the caller gives up on it.
struct RunControl {
  io::CaseSyntax syntax = io::CaseSyntax::kJson;  ///< kYaml for a YAML text
  const std::atomic<bool>* stop = nullptr;        ///< RunOptions::stop
};

/// Runs `command` (check, or one of RunCommands) on a case's text named `file`, with `options`
/// as text: reads the options (kUsage and ProblemsJson when they are wrong), reads the case
/// (the JSON of `parley check --format json` and kInvalidInput, or kLimit, when it has errors;
/// kUsage when it is not even JSON), then answers with WriteRunJson. "check" answers the
/// check JSON, with kInvalidInput when the case is invalid, as the CLI exits 3. Never throws for
/// bad input.
Answer RunOnText(std::string_view command, std::string_view text, const std::string& file,
                 const OptionMap& options, const RunControl& control = {});

/// `parley plan`'s brief for a case's text, in `format` exactly as `parley plan CASE -o
/// brief.EXT` writes it (kText as `parley plan CASE` prints it; kXlsx the workbook's bytes; kJson
/// as RunOnText "plan"). Reads the options and the case as RunOnText does and fails as it does;
/// the answer's `json` holds the rendered brief. Never throws for bad input.
Answer BriefOnText(std::string_view text, const std::string& file, const OptionMap& options,
                   report::BriefFormat format, const RunControl& control = {});

}  // namespace parley::service
