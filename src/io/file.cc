#include "parley/io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "parley/core/error.h"

namespace parley::io {

namespace {

// Removes `path`, ignoring any failure: used to clean up after a failure already reported.
void RemoveQuietly(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

// Writes all of `content` to the open descriptor; false on any error (errno set).
bool WriteAll(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ::ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string ReadFile(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorCode::kIo, path + ": is a folder, not a file");
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kIo, path + ": cannot read: " + ec.message());
  if (size > max_bytes) {
    throw Error(ErrorCode::kLimit, path + ": the file is " + std::to_string(size) +
                                       " bytes; the limit is " + std::to_string(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open for reading");
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::string SpecialFileKind(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return "";
  if (S_ISLNK(st.st_mode)) {
    // A link is judged by what it points to; a dangling link is replaced like a missing file.
    if (::stat(path.c_str(), &st) != 0) return "";
  }
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISCHR(st.st_mode)) return "a character device";
  if (S_ISBLK(st.st_mode)) return "a block device";
  if (S_ISFIFO(st.st_mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

void WriteFileAtomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const std::string special = SpecialFileKind(path);
  if (!special.empty()) {
    throw Error(ErrorCode::kIo, path + ": is " + special + ", not a regular file; nothing written");
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device rd;
  std::string tmp_name = ".";  // appended piece by piece: GCC 12 misreads "." + s (-Wrestrict)
  tmp_name += target.filename().string();
  tmp_name += ".tmp";
  tmp_name += std::to_string(rd() % 1000000);
  const fs::path tmp = dir / tmp_name;
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw Error(ErrorCode::kIo,
                path + ": cannot write in " + dir.string() + ": " + std::strerror(errno));
  }
  const bool written = WriteAll(fd, content);
  const int write_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    const int err = !written ? write_errno : errno;
    RemoveQuietly(tmp);
    throw Error(ErrorCode::kIo,
                path + ": write failed: " + std::strerror(err) + "; nothing was written");
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    RemoveQuietly(tmp);
    throw Error(ErrorCode::kIo, path + ": cannot replace: " + ec.message());
  }
}

}  // namespace parley::io
