// `parley rehearse --interactive`: reads the user's moves line by line and prints what the
// session and the coach say (parley::sim::RehearsalSession, parley::report).
#include "rehearse_interactive.h"

#include <unistd.h>

#include <iostream>
#include <string>

#include "parley/core/error.h"
#include "parley/core/outcome_terms.h"
#include "parley/io/terms.h"
#include "parley/plan/brief.h"
#include "parley/report/next_report.h"
#include "parley/report/rehearsal_session_report.h"
#include "parley/report/terminal_text.h"
#include "parley/sim/rehearsal_session.h"

namespace parley::cli {

namespace {

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Reads `offer issue=value,...`; prints the problems and returns nothing when it is not one.
std::optional<Outcome> ReadOffer(const Case& c, const std::string& terms, std::ostream& out) {
  const io::ParsedTerms parsed = io::ParseTerms({terms}, "offer", "issue");
  std::vector<std::string> problems = parsed.problems;
  std::optional<Outcome> outcome;
  if (problems.empty()) {
    ParsedOutcome o = TryParseOutcome(c, parsed.terms, "offer");
    problems = std::move(o.problems);
    outcome = std::move(o.outcome);
  }
  for (const std::string& p : problems) out << report::TerminalSafe("error: offer: " + p + "\n");
  return outcome;
}

// Plays one line; returns false when the session should stop reading (quit).
bool PlayLine(const std::string& line, const Case& c, const plan::Brief& brief,
              sim::RehearsalSession& s, std::ostream& out) {
  const std::string command = Trim(line.substr(0, line.find_first_of(" \t")));
  const std::string rest = line.find_first_of(" \t") == std::string::npos
                               ? ""
                               : Trim(line.substr(line.find_first_of(" \t")));
  if (command == "quit" || command == "exit") return false;
  if (command.empty()) return true;
  if (command == "help") {
    out << report::TerminalSafe(report::RenderSessionHelpText());
  } else if (command == "plan") {
    out << report::TerminalSafe(
        report::RenderNextText(s.Position(), brief.power.floored.c, s.Plan()));
  } else if (command == "accept" || command == "walk") {
    if (command == "accept" && s.CurrentTurn().table == nullptr) {
      out << "error: nothing on the table to accept yet\n";
      return true;
    }
    const sim::ActionKind action =
        command == "accept" ? sim::ActionKind::kAccept : sim::ActionKind::kWalk;
    out << report::TerminalSafe(report::RenderCoachText(s.Play({action, {}})));
  } else if (command == "offer") {
    const std::optional<Outcome> offer = ReadOffer(c, rest, out);
    if (offer) {
      out << report::TerminalSafe(
          report::RenderCoachText(s.Play({sim::ActionKind::kOffer, *offer})));
    }
  } else {
    out << "error: unknown command '" << report::TerminalSafe(command)
        << "'; type help for the commands\n";
  }
  return true;
}

}  // namespace

int RunInteractiveRehearse(Io& io, const InteractiveOptions& options, std::istream& in,
                           std::ostream& out) {
  int code = kExitOk;
  const io::LoadResult result = LoadOrReport(io, options.file, code);
  if (!result.Ok()) return code;
  const Case& c = *result.value;
  const plan::Brief brief = plan::BuildBrief(c);
  const std::string them = options.them.empty() ? "boulware" : options.them;
  sim::RehearsalSession s(c, brief, {them, options.rounds, options.seed});
  out << report::TerminalSafe(report::RenderSessionStartText(s, them));
  std::string line;
  while (!s.Done()) {
    out << report::TerminalSafe(report::RenderSessionTurnText(s)) << std::flush;
    if (!std::getline(in, line)) {
      out << (options.echo ? "(end of input)\n" : "\n");
      s.Stop();
      break;
    }
    if (options.echo) out << report::TerminalSafe(line) << '\n';
    if (!PlayLine(line, c, brief, s, out)) s.Stop();
  }
  out << report::TerminalSafe(report::RenderSessionEndText(s, options.file, them)) << std::flush;
  return kExitOk;
}

int RunInteractiveRehearse(Io& io, InteractiveOptions options) {
  if (io.format == OutputFormat::kJson) {
    throw Error(ErrorCode::kUsage, "--interactive prints text only; leave out --format json");
  }
  int depth = 0;
  for (char ch : options.them) {
    depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    if (ch == ',' && depth == 0) {
      throw Error(ErrorCode::kUsage,
                  "--interactive plays one counterpart: give --them one strategy");
    }
  }
  options.echo = isatty(STDIN_FILENO) == 0;
  return RunInteractiveRehearse(io, options, std::cin, std::cout);
}

}  // namespace parley::cli
