// The `parley` command: parses arguments, calls the library, renders. No domain logic here.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <streambuf>

#include "cli_common.h"
#include "parley/core/error.h"
#include "parley/report/terminal_text.h"

namespace {

constexpr const char* kDescription =
    "Parley: negotiate from strength. Checks, shows, converts and analyses negotiation cases;\n"
    "`parley new` starts a case by asking the preparation questions.\n"
    "A CASE is a case file (YAML or JSON, format parley/1) or a folder holding a GENIUS or\n"
    "GeniusWeb scenario (a domain file and two profiles).\n\n"
    "Exit codes: 0 success, 1 internal error, 2 bad usage, 3 invalid input, 4 limit exceeded.\n"
    "Run `parley help COMMAND` for a command's options and examples.";

int ExitCodeFor(parley::ErrorCode code) {
  switch (code) {
    case parley::ErrorCode::kUsage:
      return parley::cli::kExitUsage;
    case parley::ErrorCode::kInvalidInput:
    case parley::ErrorCode::kIo:
      return parley::cli::kExitInvalid;
    case parley::ErrorCode::kLimit:
      return parley::cli::kExitLimit;
    case parley::ErrorCode::kInternal:
      break;
  }
  return parley::cli::kExitInternal;
}

// A stream buffer that passes everything written to it through report::TerminalSafe on its way
// to `sink` (stderr): diagnostics and messages quote case text, which must not drive the
// terminal. Used with unitbuf, so each insertion reaches the terminal at once, as on std::cerr.
class TerminalSafeBuf : public std::streambuf {
 public:
  explicit TerminalSafeBuf(std::streambuf* sink) : sink_(sink) {}
  TerminalSafeBuf(const TerminalSafeBuf&) = delete;
  TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;
  ~TerminalSafeBuf() override { Emit(); }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    pending_ += traits_type::to_char_type(ch);
    if (ch == '\n') Emit();
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    return n;
  }
  int sync() override {
    Emit();
    return sink_->pubsync();
  }

 private:
  void Emit() {
    if (pending_.empty()) return;
    const std::string safe = parley::report::TerminalSafe(pending_);
    sink_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
    pending_.clear();
  }

  std::streambuf* sink_;
  std::string pending_;
};

// Writes what the command printed to stdout: text for people through report::TerminalSafe, JSON
// and data (a case file) byte for byte. Every byte is checked: a failed write or flush (a full
// disk, a closed pipe) is an error, never a silent success. Returns the exit code.
int WriteStandardOutput(const parley::cli::Io& io, const std::string& text, int code) {
  const bool for_people = io.format == parley::cli::OutputFormat::kText && !io.data_out;
  if (for_people) {
    std::cout << parley::report::TerminalSafe(text);
  } else {
    std::cout << text;
  }
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (!failed) return code;
  io.err << "parley: error: cannot write to standard output\n" << std::flush;
  return code == parley::cli::kExitOk ? parley::cli::kExitInvalid : code;
}

int Run(int argc, char** argv, parley::cli::Io& io) {
  try {
    CLI::App app(kDescription, "parley");
    app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
    app.require_subcommand(0, 1);
    parley::cli::Action action;
    parley::cli::AddCheckCommand(app, io, action);
    parley::cli::AddShowCommand(app, io, action);
    parley::cli::AddConvertCommand(app, io, action);
    parley::cli::AddFrontierCommand(app, io, action);
    parley::cli::AddEvaluateCommand(app, io, action);
    parley::cli::AddPowerCommand(app, io, action);
    parley::cli::AddPlanCommand(app, io, action);
    parley::cli::AddReviewCommand(app, io, action);
    parley::cli::AddNewCommand(app, io, action);
    parley::cli::AddCoalitionCommand(app, io, action);
    parley::cli::AddStakeholdersCommand(app, io, action);

    std::string help_topic;
    CLI::App* help = app.add_subcommand("help", "Show help for parley or for one command");
    help->add_option("COMMAND", help_topic, "The command to explain");
    help->footer("Examples:\n  parley help\n  parley help check");

    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      io.err << "parley: " << e.what() << "\nRun `parley help` for usage.\n";
      return parley::cli::kExitUsage;
    }
    if (help->parsed() || (!action && app.get_subcommands().empty())) {
      if (help_topic.empty()) {
        // App::help() would describe the `help` subcommand itself once it was parsed.
        io.out << app.get_formatter()->make_help(&app, "parley", CLI::AppFormatMode::Normal);
        return parley::cli::kExitOk;
      }
      for (CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_name() == help_topic) {
          io.out << sub->get_formatter()->make_help(sub, sub->get_name(),
                                                    CLI::AppFormatMode::Normal);
          return parley::cli::kExitOk;
        }
      }
      io.err << "parley: no command named '" << help_topic << "'; run `parley help` for the list\n";
      return parley::cli::kExitUsage;
    }
    return action(io);
  } catch (const parley::Error& e) {
    io.err << "parley: error: " << e.what() << '\n';
    return ExitCodeFor(e.code());
  } catch (const std::exception& e) {
    io.err << "parley: internal error: " << e.what() << '\n';
    return parley::cli::kExitInternal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ostringstream out;  // written to stdout at the end, checked, by WriteStandardOutput
  TerminalSafeBuf err_buffer(std::cerr.rdbuf());
  std::ostream err(&err_buffer);
  err.setf(std::ios::unitbuf);
  parley::cli::Io io{out, err};
  const int code = Run(argc, argv, io);
  return WriteStandardOutput(io, out.str(), code);
}
