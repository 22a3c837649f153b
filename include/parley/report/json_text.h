#pragma once

/// JSON as the faces print it: 2-space indent, invalid UTF-8 replaced, one final newline. Every
/// `--format json` answer and every server body goes through this one function, so the bytes
/// are the same everywhere.
///
///   std::cout << parley::report::JsonText(parley::report::DealSpaceJson(c, space, file));

#include <nlohmann/json.hpp>
#include <string>

namespace parley::report {

/// `j` dumped with 2-space indentation, invalid UTF-8 replaced by U+FFFD, and a final newline.
std::string JsonText(const nlohmann::ordered_json& j);

}  // namespace parley::report
