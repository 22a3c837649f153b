#pragma once

/// Files: reading a whole file under a size limit, and writing one atomically (a temporary file
/// in the same folder renamed into place), so no reader ever sees half a file.
///
///   const std::string text = parley::io::ReadFile("case.yaml", parley::io::kMaxFileBytes);
///   parley::io::WriteFileAtomically("brief.md", markdown);

#include <cstddef>
#include <string>

namespace parley::io {

/// Writes `content` to `path` through a temporary file in the same folder renamed into place,
/// so a reader never sees a half-written file. Throws Error(kIo) with the path on failure.
void WriteFileAtomically(const std::string& path, const std::string& content);

/// Reads a whole file. Throws Error(kIo) if it cannot be read, Error(kLimit) if it is larger
/// than `max_bytes`.
std::string ReadFile(const std::string& path, std::size_t max_bytes);

}  // namespace parley::io
