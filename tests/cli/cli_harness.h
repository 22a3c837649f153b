#pragma once

// Runs the built `parley` binary for the end-to-end tests (PARLEY_BINARY, PARLEY_SOURCE_DIR).

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "testing/files.h"

namespace parley::testing {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A fresh, empty folder for one test's files: TMP/parley_cli_<pid>_<name>.
inline fs::path TempDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_cli_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Writes `text` to `path` byte for byte (replacing it).
inline void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Runs parley from the source folder, so file names in diagnostics are relative and stable.
inline Result Parley(const std::string& args) {
  static int counter = 0;
  const fs::path dir =
      fs::temp_directory_path() / ("parley_cli_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path out = dir / ("out" + std::to_string(counter));
  const fs::path err = dir / ("err" + std::to_string(counter++));
  const std::string command = std::string("cd '") + PARLEY_SOURCE_DIR + "' && '" + PARLEY_BINARY +
                              "' " + args + " > '" + out.string() + "' 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  Result run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = Slurp(out);
  run.err = Slurp(err);
  return run;
}

// Compares `actual` with tests/data/golden/NAME, or rewrites the file when PARLEY_UPDATE_GOLDEN
// is set.
inline void ExpectGolden(const std::string& actual, const std::string& name) {
  const fs::path golden = fs::path(PARLEY_SOURCE_DIR) / "tests/data/golden" / name;
  if (std::getenv("PARLEY_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << "missing " << golden
                                  << " (run the test with PARLEY_UPDATE_GOLDEN=1 to write it)";
  EXPECT_TRUE(actual == Slurp(golden)) << name << " differs from its golden file";
}

inline std::vector<fs::path> Files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace parley::testing
