#pragma once

/// What `parley show` prints: a readable summary of a case (parties, BATNAs and walk-aways,
/// deadlines, power scores, issues, the exact outcome count and which claims have evidence), as
/// terminal text or as JSON.
///
///   std::cout << parley::report::RenderCaseSummaryText(c);

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"

namespace parley::report {

/// The summary as terminal text. O(size of the case).
std::string RenderCaseSummaryText(const Case& c);

/// The JSON of `parley show --format json` (docs/cli.md): command, file, title, context,
/// relationship, culture, currency, parties, issues, outcome_count, evidence_coverage,
/// evidence_items, stakeholders, concessions. O(size of the case).
nlohmann::ordered_json CaseSummaryJson(const std::string& file, const Case& c);

}  // namespace parley::report
