#pragma once

/// The store's answers as JSON, the shapes of the server's /api/cases routes (docs/serve.md).
///
///   std::cout << parley::report::JsonText(parley::service::VersionsJson(3, store.Versions(3)));

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "parley/store/store.h"

namespace parley::service {

/// {"id", "version"}: where a save left a case.
nlohmann::ordered_json SavedJson(const store::Saved& saved);

/// {"cases": [{"id", "title", "version", "author", "saved_at", "summary"}]}, by id.
nlohmann::ordered_json CaseListJson(const std::vector<store::CaseInfo>& cases);

/// {"id", "version", "author", "saved_at", "summary", "case"}: "case" is the saved JSON case as
/// an object (a text that is not JSON comes as a string).
nlohmann::ordered_json CaseVersionJson(const store::CaseVersion& v);

/// {"id", "versions": [{"version", "author", "saved_at", "summary"}]}, oldest first.
nlohmann::ordered_json VersionsJson(std::int64_t case_id,
                                    const std::vector<store::VersionInfo>& versions);

/// {"id", "from", "to", "lines": [{"op": " " | "-" | "+", "text"}]}.
nlohmann::ordered_json DiffJson(std::int64_t case_id, int from, int to,
                                const std::vector<store::DiffLine>& lines);

}  // namespace parley::service
