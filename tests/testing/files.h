#pragma once

// Reads a file whole, for the tests.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parley::testing {

/// The bytes of the file at `path` ("" when it cannot be read).
inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace parley::testing
