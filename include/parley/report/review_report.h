#pragma once

/// What `parley review` prints after a negotiation: each party's value in the real outcome
/// against the prediction and its BATNA, the value left on the table, the floors kept, the
/// concession log and the review questions, as terminal text or JSON.
///
///   const auto review = parley::plan::ReviewOutcome(c, outcome, power_report);
///   std::cout << parley::report::RenderReviewText(c, review);

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/plan/review.h"

namespace parley::report {

/// The review as terminal text. O(size of the review).
std::string RenderReviewText(const Case& c, const plan::Review& r);

/// The JSON of `parley review --format json` (docs/cli.md).
nlohmann::ordered_json ReviewJson(const Case& c, const std::string& file, const plan::Review& r);

}  // namespace parley::report
