#pragma once

/// The rehearsal report (`parley rehearse`, docs/cli.md): our `parley` strategy against a mix
/// of counterparts over the case's uncertainty (sim::Rehearse), as terminal text and as JSON.
///
///   const parley::sim::Rehearsal r = parley::sim::Rehearse(c, brief, options);
///   std::cout << parley::report::RenderRehearsalText(c, r, "sales-renewal.yaml");

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/sim/rehearsal.h"

namespace parley::report {

/// The rehearsal as text: what was played and drawn, the agreement rate, our value's
/// percentiles against the predicted deal and the walk-away, each counterpart's line, who beats
/// the plan, where it breaks, and what to change. Figures in our value units (money with the
/// case's decimals). O(counterparts + steps).
std::string RenderRehearsalText(const Case& c, const sim::Rehearsal& r, const std::string& file);

/// The JSON of `parley rehearse --format json` (docs/cli.md): command, file, us, them, seed,
/// rounds, drawn, negotiations, agreement_rate, value {p5, p25, p50, p75, p95, mean},
/// predicted_value (null without a prediction), walk_away, by_counterpart [{strategy,
/// negotiations, agreement_rate, mean_value, below_prediction}], beat_the_plan, steps, breaks,
/// break_step (null when nothing broke), advice. O(counterparts + steps).
nlohmann::ordered_json RehearsalJson(const sim::Rehearsal& r, const std::string& file);

}  // namespace parley::report
