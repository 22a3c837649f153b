#pragma once

/// What `parley evaluate` prints: one offer scored against the deal space (each party's value,
/// utility and acceptance, efficiency, the best improvement and what is left on the table), as
/// terminal text or JSON.
///
///   const auto score = parley::analysis::ScoreOffer(c, frontier, offer);
///   std::cout << parley::report::RenderOfferText(c, frontier, score);

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/frontier.h"
#include "parley/analysis/offer.h"
#include "parley/core/case.h"

namespace parley::report {

/// The scored offer as terminal text. O(parties x improvements).
std::string RenderOfferText(const Case& c, const analysis::Frontier& frontier,
                            const analysis::OfferScore& score);

/// The JSON of `parley evaluate --format json` (docs/cli.md): command, file, offer, parties,
/// acceptable, efficient, dominated_by_count, best_improvement, tied_improvements.
nlohmann::ordered_json OfferJson(const Case& c, const std::string& file,
                                 const analysis::Frontier& frontier,
                                 const analysis::OfferScore& score);

}  // namespace parley::report
