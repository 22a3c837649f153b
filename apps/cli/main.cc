// The `parley` command: parses arguments, calls the library, renders. No domain logic here.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

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
    case parley::ErrorCode::kNotFound:
    case parley::ErrorCode::kConflict:
    case parley::ErrorCode::kUnauthorized:
    case parley::ErrorCode::kForbidden:
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

// The stream buffer of the commands' standard output. JSON and data (a case file) go to `sink`
// (stdout) as they are written, in 64 KB blocks, so a large answer (a frontier of a million
// points) is never held whole in memory; text for people is kept until Finish and passed
// through report::TerminalSafe as a whole. Which of the two is decided at each write from `io`
// (its --format and data_out are set before a command writes). Every write is checked: a failed
// one (a full disk, a closed pipe) is remembered and reported by Finish, never a silent success.
class StandardOutputBuf : public std::streambuf {
 public:
  explicit StandardOutputBuf(std::streambuf* sink) : sink_(sink), block_(kBlock) {
    setp(block_.data(), block_.data() + block_.size());
  }
  StandardOutputBuf(const StandardOutputBuf&) = delete;
  StandardOutputBuf& operator=(const StandardOutputBuf&) = delete;

  void SetIo(const parley::cli::Io* io) { io_ = io; }

  /// Writes what is left (the text for people, made safe) and flushes; false if any write
  /// failed.
  bool Finish() {
    Drain();
    if (!pending_.empty()) Put(parley::report::TerminalSafe(pending_));
    pending_.clear();
    return !failed_ && sink_->pubsync() == 0;
  }

 protected:
  int_type overflow(int_type ch) override {
    Drain();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
  }
  int sync() override {
    Drain();
    return 0;
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 16;

  bool ForPeople() const {
    return io_ == nullptr || (io_->format == parley::cli::OutputFormat::kText && !io_->data_out);
  }
  // Moves the block written so far on: to the sink, or to the text kept for Finish.
  void Drain() {
    const std::string_view block(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    if (ForPeople()) {
      pending_.append(block);
    } else {
      if (!pending_.empty()) Put(parley::report::TerminalSafe(pending_));
      pending_.clear();
      Put(block);
    }
    setp(block_.data(), block_.data() + block_.size());
  }
  void Put(std::string_view bytes) {
    if (failed_ || bytes.empty()) return;
    const auto n = static_cast<std::streamsize>(bytes.size());
    failed_ = sink_->sputn(bytes.data(), n) != n;
  }

  std::streambuf* sink_;
  std::vector<char> block_;
  const parley::cli::Io* io_ = nullptr;
  std::string pending_;
  bool failed_ = false;
};

// Writes out what is left of the commands' standard output and checks every byte: a failed
// write or flush is an error. Returns the exit code.
int FinishStandardOutput(const parley::cli::Io& io, StandardOutputBuf& out, int code) {
  const bool written = out.Finish();
  std::cout.flush();
  const bool failed =
      !written || !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
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
    parley::cli::AddNextCommand(app, io, action);
    parley::cli::AddCoalitionCommand(app, io, action);
    parley::cli::AddStakeholdersCommand(app, io, action);
    parley::cli::AddSimulateCommand(app, io, action);
    parley::cli::AddStrategiesCommand(app, io, action);
    parley::cli::AddRehearseCommand(app, io, action);
    parley::cli::AddServeCommand(app, io, action);
    parley::cli::AddCasesCommand(app, io, action);
    parley::cli::AddUsersCommand(app, io, action);

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
  StandardOutputBuf out_buffer(std::cout.rdbuf());
  std::ostream out(&out_buffer);
  TerminalSafeBuf err_buffer(std::cerr.rdbuf());
  std::ostream err(&err_buffer);
  err.setf(std::ios::unitbuf);
  parley::cli::Io io{out, err};
  out_buffer.SetIo(&io);
  const int code = Run(argc, argv, io);
  return FinishStandardOutput(io, out_buffer, code);
}
