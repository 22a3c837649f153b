#pragma once

/// What a command prints after writing files for the user (`parley convert`, charts beside a
/// report): the paths, as text or JSON.
///
///   std::cout << parley::report::RenderWrittenText("renewal-genius/domain.xml");

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley::report {

/// "wrote PATH\n".
std::string RenderWrittenText(const std::string& path);

/// "removed PATH (a GENIUS file of an earlier export)\n".
std::string RenderRemovedText(const std::string& path);

/// The JSON of `parley convert --format json`: {command: "convert", to, written: [paths]}, and
/// `removed: [paths]` (the stale GENIUS files of an earlier export) only when there are any.
nlohmann::ordered_json ConvertJson(const std::string& to, const std::vector<std::string>& written,
                                   const std::vector<std::string>& removed = {});

}  // namespace parley::report
