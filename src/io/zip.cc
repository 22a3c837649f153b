#include "parley/io/zip.h"

#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "parley/core/error.h"

namespace parley::io {

namespace {

namespace fs = std::filesystem;

// A scratch file name of its own in the temporary folder, removed when this goes.
class ScratchFile {
 public:
  ScratchFile() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("parley-zip-" + std::to_string(rd()) + "-" + std::to_string(rd()) + ".zip");
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  std::string Path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void AddEntry(zipFile zf, const ZipEntry& file, const std::string& where) {
  zip_fileinfo info{};
  const bool ok = zipOpenNewFileInZip(zf, file.first.c_str(), &info, nullptr, 0, nullptr, 0,
                                      nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION) == ZIP_OK &&
                  zipWriteInFileInZip(zf, file.second.data(),
                                      static_cast<unsigned>(file.second.size())) == ZIP_OK &&
                  zipCloseFileInZip(zf) == ZIP_OK;
  if (!ok) throw Error(ErrorCode::kIo, where + ": cannot write " + file.first + " into the zip");
}

// The current entry's bytes, adding them to `total`; Error(kLimit) past `max_bytes`.
std::string ReadEntry(unzFile uf, std::size_t& total, std::size_t max_bytes) {
  if (unzOpenCurrentFile(uf) != UNZ_OK) throw Error(ErrorCode::kUsage, "the zip is damaged");
  std::string bytes;
  char buffer[16384];
  int n = 0;
  while ((n = unzReadCurrentFile(uf, buffer, sizeof buffer)) > 0) {
    total += static_cast<std::size_t>(n);
    if (total > max_bytes) {
      unzCloseCurrentFile(uf);
      throw Error(ErrorCode::kLimit,
                  "the zip's files hold over " + std::to_string(max_bytes) + " bytes, the limit");
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  const bool damaged = n < 0 || unzCloseCurrentFile(uf) != UNZ_OK;
  if (damaged) throw Error(ErrorCode::kUsage, "the zip is damaged");
  return bytes;
}

}  // namespace

std::string ZipFiles(const std::vector<ZipEntry>& files) {
  const ScratchFile scratch;
  zipFile zf = zipOpen(scratch.Path().c_str(), APPEND_STATUS_CREATE);
  if (zf == nullptr) throw Error(ErrorCode::kIo, scratch.Path() + ": cannot create a zip");
  try {
    for (const ZipEntry& file : files) AddEntry(zf, file, scratch.Path());
  } catch (...) {
    zipClose(zf, nullptr);
    throw;
  }
  if (zipClose(zf, nullptr) != ZIP_OK) {
    throw Error(ErrorCode::kIo, scratch.Path() + ": cannot finish the zip");
  }
  return ReadAll(scratch.Path());
}

std::vector<ZipEntry> UnzipFiles(std::string_view zip, std::size_t max_bytes) {
  const ScratchFile scratch;
  {
    std::ofstream out(scratch.Path(), std::ios::binary);
    out.write(zip.data(), static_cast<std::streamsize>(zip.size()));
    if (!out) throw Error(ErrorCode::kIo, scratch.Path() + ": cannot write the zip");
  }
  unzFile uf = unzOpen(scratch.Path().c_str());
  if (uf == nullptr) throw Error(ErrorCode::kUsage, "the body is not a zip archive");
  std::vector<ZipEntry> files;
  std::size_t total = 0;
  try {
    for (int rc = unzGoToFirstFile(uf); rc == UNZ_OK; rc = unzGoToNextFile(uf)) {
      char name[1024] = {};
      unz_file_info info{};
      if (unzGetCurrentFileInfo(uf, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) {
        throw Error(ErrorCode::kUsage, "the zip is damaged");
      }
      const std::string path = name;
      const std::string base = fs::path(path).filename().string();
      if (path.ends_with('/') || base.empty() || base.starts_with('.') ||
          path.find("..") != std::string::npos) {
        continue;
      }
      files.emplace_back(base, ReadEntry(uf, total, max_bytes));
    }
  } catch (...) {
    unzClose(uf);
    throw;
  }
  unzClose(uf);
  return files;
}

}  // namespace parley::io
