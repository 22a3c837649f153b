#include "parley/io/file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "parley/core/error.h"


namespace parley::io {

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

void WriteFileAtomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device rd;
  const fs::path tmp =
      dir / ("." + target.filename().string() + ".tmp" + std::to_string(rd() % 1000000));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::kIo, path + ": cannot write in " + dir.string());
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw Error(ErrorCode::kIo, path + ": write failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw Error(ErrorCode::kIo, path + ": cannot replace: " + ec.message());
  }
}

}  // namespace parley::io
