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

/// The warnings of a conversion to `format` (io::GeniusFiles::warnings for "GENIUS"), one line
/// each for stderr: "parley: warning: GENIUS export: floors dropped (...): ...\n"; empty for
/// none.
std::string RenderConvertWarnings(const std::string& format,
                                  const std::vector<std::string>& warnings);

/// The JSON of `parley convert --format json`: {command: "convert", to, written: [paths]},
/// `removed: [paths]` (the stale GENIUS files of an earlier export) only when there are any, and
/// `warnings: [lines]` (what the target format cannot carry) only when there are any.
nlohmann::ordered_json ConvertJson(const std::string& to, const std::vector<std::string>& written,
                                   const std::vector<std::string>& removed = {},
                                   const std::vector<std::string>& warnings = {});

}  // namespace parley::report
