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
/// so a reader never sees a half-written file. Every write and the close are checked; on any
/// failure (a full disk, a missing folder, a rename refused) the temporary file is removed, the
/// target is left as it was, and Error(kIo) names the path and the reason. An existing `path`
/// that is not a regular file (a folder, a device such as /dev/null, a FIFO, a socket) is never
/// replaced: Error(kIo) says what it is.
void WriteFileAtomically(const std::string& path, const std::string& content);

/// What `path` is when it exists and is not a regular file (a link is judged by its target):
/// "a folder", "a character device", "a block device", "a named pipe (FIFO)", "a socket";
/// empty when it is a regular file or does not exist. Writers refuse such targets.
std::string SpecialFileKind(const std::string& path);

/// Reads a whole file. Throws Error(kIo) if it cannot be read, Error(kLimit) if it is larger
/// than `max_bytes`.
std::string ReadFile(const std::string& path, std::size_t max_bytes);

}  // namespace parley::io
