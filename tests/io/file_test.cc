// Tests of the file writer: atomic replacement, every failure an Error(kIo) naming the path with
// nothing left behind, and special files never replaced.
#include "parley/io/file.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parley/core/error.h"
#include "testing/files.h"

namespace parley::io {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley_file_test_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

using testing::Slurp;

int FileCount(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

// The ErrorCode and message of what `f` throws; fails the test if it throws nothing.
template <typename F>
std::pair<ErrorCode, std::string> Thrown(F f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  ADD_FAILURE() << "nothing thrown";
  return {ErrorCode::kInternal, ""};
}

TEST(FileTest, WritesAndReplacesAtomically) {
  const fs::path dir = TempDir("write");
  const std::string path = (dir / "brief.md").string();
  WriteFileAtomically(path, "first");
  EXPECT_EQ(Slurp(path), "first");
  WriteFileAtomically(path, std::string(1 << 20, 'x'));
  EXPECT_EQ(Slurp(path), std::string(1 << 20, 'x'));
  EXPECT_EQ(FileCount(dir), 1);
}

TEST(FileTest, AMissingFolderIsAnIoErrorNamingThePath) {
  const fs::path dir = TempDir("missing");
  const std::string path = (dir / "no" / "brief.md").string();
  const auto [code, message] = Thrown([&] { WriteFileAtomically(path, "x"); });
  EXPECT_EQ(code, ErrorCode::kIo);
  EXPECT_EQ(message.rfind(path + ": cannot write in " + (dir / "no").string(), 0), 0u) << message;
}

TEST(FileTest, AFailedWriteLeavesNothingAndKeepsTheOldFile) {
  const fs::path dir = TempDir("full");
  const std::string path = (dir / "brief.md").string();
  WriteFileAtomically(path, "old");
  // A file size limit makes write() fail with EFBIG, as a full disk fails with ENOSPC.
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const auto [code, message] =
      Thrown([&] { WriteFileAtomically(path, std::string(100'000, 'y')); });
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_EQ(code, ErrorCode::kIo);
  EXPECT_EQ(message, path + ": write failed: File too large; nothing was written");
  EXPECT_EQ(Slurp(path), "old");
  EXPECT_EQ(FileCount(dir), 1);  // no temporary file left behind
}

TEST(FileTest, SpecialFilesAreNeverReplaced) {
  EXPECT_EQ(SpecialFileKind("/dev/null"), "a character device");
  const fs::path dir = TempDir("special");
  EXPECT_EQ(SpecialFileKind(dir.string()), "a folder");
  EXPECT_EQ(SpecialFileKind((dir / "absent").string()), "");
  const fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(SpecialFileKind(fifo.string()), "a named pipe (FIFO)");
  const fs::path link = dir / "link";
  fs::create_symlink("/dev/null", link);
  EXPECT_EQ(SpecialFileKind(link.string()), "a character device");

  for (const std::string& path : {std::string("/dev/null"), fifo.string(), dir.string()}) {
    const auto [code, message] = Thrown([&] { WriteFileAtomically(path, "x"); });
    EXPECT_EQ(code, ErrorCode::kIo);
    EXPECT_EQ(message.rfind(path + ": is ", 0), 0u) << message;
  }
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

}  // namespace
}  // namespace parley::io
