#pragma once

/// A failed request as JSON, the body every face sends when an answer cannot be given and the
/// case's diagnostics are not the reason: {"error": CODE, "messages": [...]}.
///
///   std::cout << parley::report::JsonText(
///       parley::report::ProblemsJson("usage", {"--seed: must be a whole number ..."}));

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace parley::report {

/// {"error": `code`, "messages": `messages`} (the messages as the CLI prints them after
/// "parley: error: ").
nlohmann::ordered_json ProblemsJson(std::string_view code,
                                    const std::vector<std::string>& messages);

}  // namespace parley::report
