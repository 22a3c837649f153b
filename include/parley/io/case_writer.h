#pragma once

#include <string>

#include "parley/core/case.h"

namespace parley::io {

/// The case as YAML text in format parley/1; reading it back gives an equal Case.
std::string WriteCaseYaml(const Case& c);
/// The case as JSON text in format parley/1 (2-space indent); reading it back gives an equal Case.
std::string WriteCaseJson(const Case& c);

/// Writes `content` to `path` through a temporary file in the same folder renamed into place,
/// so a reader never sees a half-written file. Throws Error(kIo) with the path on failure.
void WriteFileAtomically(const std::string& path, const std::string& content);

/// Reads a whole file. Throws Error(kIo) if it cannot be read, Error(kLimit) if it is larger
/// than `max_bytes`.
std::string ReadFile(const std::string& path, std::size_t max_bytes);

}  // namespace parley::io
