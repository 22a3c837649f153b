#pragma once

/// Zip archives of a few files, in memory: the GENIUS folder of a case as one download, and such
/// a folder uploaded as one body (docs/serve.md, "Import and export"). Through minizip
/// (Debian: libminizip-dev), by way of a scratch file that is removed after.
///
///   const std::string zip = parley::io::ZipFiles({{"domain.xml", xml}, {"us.xml", profile}});
///   for (const auto& [name, bytes] : parley::io::UnzipFiles(zip, 4 << 20)) { ... }

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::io {

/// A file in an archive: its name and its bytes.
using ZipEntry = std::pair<std::string, std::string>;

/// The files as a zip archive (deflated), in order, each at the archive's root under its name.
/// Throws Error(kIo) when the scratch file cannot be written.
std::string ZipFiles(const std::vector<ZipEntry>& files);

/// The regular files of the zip archive `zip`, in archive order, each named by the last
/// component of its path (folders are flattened; folder entries, hidden files and names with
/// ".." are skipped). Throws Error(kUsage) when `zip` is not a zip archive, Error(kLimit) when
/// its files hold more than `max_bytes` in all.
std::vector<ZipEntry> UnzipFiles(std::string_view zip, std::size_t max_bytes);

}  // namespace parley::io
