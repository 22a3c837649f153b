#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_common.h"
#include "new_interview.h"
#include "parley/core/case_check.h"
#include "parley/core/error.h"
#include "parley/io/case_writer.h"

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

/// Throws Error(kUsage) when `path` exists and may not be replaced.
void RefuseToReplace(const std::string& path, bool force) {
  if (!force && fs::exists(path)) {
    throw Error(ErrorCode::kUsage, path + " already exists; pass --force to replace it");
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
      bool json = false;
      if (!path.empty()) {
        json = WantsJson(path);
        RefuseToReplace(path, opts->force);
        const fs::path folder = fs::path(path).parent_path();
        if (!folder.empty() && !fs::is_directory(folder)) {
          throw Error(ErrorCode::kUsage, folder.string() + ": no such folder");
        }
      }
      const Case c = RunInterview({std::cin, io.err, isatty(STDIN_FILENO) == 0});
      int errors = 0;
      for (const CaseProblem& problem : CheckCase(c)) {
        io.err << "parley: " << (problem.warning ? "warning" : "error") << ": "
               << FormatCasePath(problem.path) << ": " << problem.message;
        if (!problem.hint.empty()) io.err << " (" << problem.hint << ")";
        io.err << '\n';
        errors += problem.warning ? 0 : 1;
      }
      if (errors > 0) {
        throw Error(ErrorCode::kInvalidInput,
                    "the answers do not make a valid case (see above); nothing was written");
      }
      const std::string text = json ? io::WriteCaseJson(c) : io::WriteCaseYaml(c);
      if (path.empty()) {
        io.out << text << std::flush;
        io.err << "wrote the case to standard output; saved as FILE, check it with "
                  "`parley check FILE`, then run `parley plan FILE`\n";
        return kExitOk;
      }
      RefuseToReplace(path, opts->force);  // it may have appeared while the questions were asked
      io::WriteFileAtomically(path, text);
      io.err << "wrote " << path << "; next: `parley check " << path << "`, then `parley plan "
             << path << "`\n";
      return kExitOk;
    };
  });
}

}  // namespace parley::cli
