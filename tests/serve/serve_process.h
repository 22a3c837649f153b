#pragma once

// `parley serve` as a child process for the end-to-end tests: started on a free port with a store
// in a folder of the test's, its port read from the line it prints, stopped with SIGTERM (SIGKILL
// if it lingers), and the CLI run beside it for byte-for-byte comparisons.

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "parley/io/case_reader.h"
#include "parley/io/case_writer.h"

namespace parley::testing {

/// One running server.
class ServeProcess {
 public:
  /// Starts `parley serve --port 0 --db DB EXTRA...`; fails the test when it does not listen.
  void Start(const std::string& db, const std::vector<std::string>& extra = {}) {
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<std::string> args = {PARLEY_BINARY, "serve", "--port", "0", "--db", db};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(PARLEY_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    output_ = ::fdopen(out[0], "r");
    char line[512] = {};
    ASSERT_NE(std::fgets(line, sizeof line, output_), nullptr) << "the server printed nothing";
    const std::string text = line;
    const std::size_t colon = text.rfind(':', text.find(" (store"));
    ASSERT_NE(colon, std::string::npos) << text;
    ASSERT_EQ(text.rfind("parley serve: listening on http://127.0.0.1:", 0), 0u) << text;
    port_ = std::stoi(text.substr(colon + 1));
  }

  /// SIGTERM, then SIGKILL after 10 s: the server never outlives the test. Expects exit 0, and
  /// returns what the server printed after its first line.
  std::string Stop() {
    if (pid_ <= 0) return "";
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int waited = 0; waited < 1000; ++waited) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (waited == 999) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        ADD_FAILURE() << "the server did not stop on SIGTERM";
      }
    }
    pid_ = 0;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    char line[512] = {};
    std::string rest;
    while (std::fgets(line, sizeof line, output_) != nullptr) rest += line;
    std::fclose(output_);
    return rest;
  }

  /// A client of the server, sending `token` as `Authorization: Bearer` unless it is empty.
  httplib::Client Client(const std::string& token = "") const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120);
    if (!token.empty()) c.set_bearer_token_auth(token);
    return c;
  }

  int Port() const { return port_; }

 private:
  pid_t pid_ = 0;
  FILE* output_ = nullptr;
  int port_ = 0;
};

/// Runs `parley ARGS` through the shell and returns its standard output, byte for byte.
inline std::string Cli(const std::string& args) {
  const std::string command = std::string(PARLEY_BINARY) + " " + args;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, n);
  return out;
}

/// An example of the repository (`examples/NAME`) as the JSON a request carries.
inline std::string ExampleAsJson(const std::string& name) {
  const io::LoadResult r = io::LoadCase(std::string(PARLEY_SOURCE_DIR) + "/examples/" + name);
  EXPECT_TRUE(r.Ok()) << name;
  return r.Ok() ? io::WriteCaseJson(*r.value) : std::string();
}

}  // namespace parley::testing
