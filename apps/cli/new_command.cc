// `parley new`: the preparation interview of parley/io/interview.h on a terminal or a pipe. The
// questions go to stderr and the answers are read from stdin, one a line; the case is written as
// YAML or JSON.
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/io/case_writer.h"
#include "parley/io/file.h"
#include "parley/io/interview.h"

namespace parley::cli {

namespace {

namespace fs = std::filesystem;

/// True when the -o path asks for JSON (.json), false for YAML (.yaml, .yml); throws
/// Error(kUsage) for any other ending.
bool WantsJson(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".json") return true;
  if (ext == ".yaml" || ext == ".yml") return false;
  throw Error(ErrorCode::kUsage, path + ": a case file ends in .yaml, .yml or .json");
}

/// Throws Error(kUsage) when the case cannot be written to `path`, before any question is asked:
/// a folder, an existing file without `force`, a folder that does not exist.
void CheckTarget(const std::string& path, bool force) {
  if (fs::is_directory(path)) {
    throw Error(ErrorCode::kUsage, path + " is a folder; name the case file to write in it");
  }
  RefuseToReplace(path, force);
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder)) {
    throw Error(ErrorCode::kUsage, folder.string() + ": no such folder");
  }
}

/// Reads one line of `in` into `line`, without its '\n'. Stops after `max` + 1 bytes, so an
/// answer that is too long is seen as such without reading all of it. False when the input has
/// ended before the line.
bool ReadAnswer(std::istream& in, std::string& line, std::size_t max) {
  line.clear();
  bool read = false;
  char ch = 0;
  while (in.get(ch)) {
    read = true;
    if (ch == '\n') break;
    line += ch;
    if (line.size() > max) break;
  }
  return read;
}

/// `s` without the blanks around it, as the interview reads it.
std::string Trimmed(const std::string& s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

/// Prints the questions of the interview on a stream: a section's title when it starts, the
/// notes of a question the first time it is asked, then the prompt.
class Console {
 public:
  explicit Console(std::ostream& out) : out_(out) {}

  void Show(const io::Question& q, bool first_time) {
    if (first_time) {
      if (q.section != section_) out_ << '\n' << q.section << '\n';
      section_ = q.section;
      for (const std::string& note : q.notes) out_ << "  " << note << '\n';
    }
    out_ << "  " << q.Prompt() << ": " << std::flush;
  }

 private:
  std::ostream& out_;
  std::string section_;  ///< the title shown last
};

/// Asks the questions on `prompts`, reading the answers from `in`; with `echo` each answer is
/// repeated after its question, so a transcript of piped input reads well. When the input ends,
/// the remaining questions are shown and take their defaults. Throws Error(kUsage) when it ends
/// before a required answer, Error(kLimit) for an answer or answers over the interview's limits.
Case RunInterview(std::istream& in, std::ostream& prompts, bool echo) {
  prompts << "A new case. Answer each question and press Enter; a blank answer takes the default "
             "in [brackets]\nor skips a question marked optional.\n";
  io::Interview interview;
  Console console(prompts);
  bool first_time = true;
  std::string line;
  while (!interview.Done()) {
    console.Show(interview.Current(), first_time);
    if (!ReadAnswer(in, line, io::kMaxAnswerBytes)) {
      prompts << '\n';
      bool shown = true;  // the current question, shown above
      Case c = interview.Finish([&](const io::Question& q) {
        if (!shown) {
          console.Show(q, true);
          prompts << '\n';
        }
        shown = false;
      });
      prompts << "\nThe input ended; the remaining questions took their defaults.\n";
      return c;
    }
    if (echo && line.size() <= io::kMaxAnswerBytes) prompts << Trimmed(line) << '\n';
    const std::string reason = interview.Answer(line);
    first_time = reason.empty();
    if (!first_time) prompts << "  " << reason << '\n';
  }
  return interview.Finish();
}

/// Prints the problems CheckCase finds in the whole case; throws Error(kInvalidInput) if one is
/// an error.
void CheckWholeCase(const Case& c, std::ostream& err) {
  int errors = 0;
  for (const CaseProblem& problem : CheckCase(c)) {
    err << "parley: " << (problem.warning ? "warning" : "error") << ": "
        << FormatCasePath(problem.path) << ": " << problem.message;
    if (!problem.hint.empty()) err << " (" << problem.hint << ")";
    err << '\n';
    errors += problem.warning ? 0 : 1;
  }
  if (errors > 0) {
    throw Error(ErrorCode::kInvalidInput,
                "the answers do not make a valid case (see above); nothing was written");
  }
}

}  // namespace

void AddNewCommand(CLI::App& app, Io& /*io*/, Action& action) {
  struct Options {
    std::string output;
    bool force = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd =
      app.add_subcommand("new", "Start a case by answering the preparation questions, one a line");
  cmd->add_option("-o,--output", opts->output,
                  "The case file to write: .yaml, .yml or .json (default: YAML on stdout)");
  cmd->add_flag("--force", opts->force, "Replace the file if it already exists");
  cmd->footer(
      "Questions go to stderr and answers are read from stdin, one a line, so they can be piped.\n"
      "A blank answer takes the default in [brackets] or skips an optional question; an answer\n"
      "that does not fit is asked again with the reason. If the input ends before a required\n"
      "answer, nothing is written (exit 2). An existing file is kept unless --force is given.\n\n"
      "Examples:\n"
      "  parley new -o renewal.yaml\n"
      "  parley new -o renewal.json < answers.txt\n"
      "  parley new < answers.txt > renewal.yaml");
  cmd->callback([&action, opts] {
    action = [opts](Io& io) {
      const std::string& path = opts->output;
      const bool json = !path.empty() && WantsJson(path);
      if (!path.empty()) CheckTarget(path, opts->force);
      Case c;
      try {
        c = RunInterview(std::cin, io.err, isatty(STDIN_FILENO) == 0);
      } catch (const Error& e) {
        throw Error(e.code(), std::string(e.what()) + "; nothing was written");
      }
      CheckWholeCase(c, io.err);
      const std::string text = json ? io::WriteCaseJson(c) : io::WriteCaseYaml(c);
      if (path.empty()) {
        io.data_out = true;  // the case file itself, byte for byte
        io.out << text << std::flush;
        io.err << "wrote the case to standard output; saved as FILE, check it with "
                  "`parley check FILE`, then run `parley plan FILE`\n";
        return kExitOk;
      }
      CheckTarget(path, opts->force);  // it may have appeared while the questions were asked
      io::WriteFileAtomically(path, text);
      io.err << "wrote " << path << "; next: `parley check " << path << "`, then `parley plan "
             << path << "`\n";
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
