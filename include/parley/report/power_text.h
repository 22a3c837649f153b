#pragma once

/// What `parley power` prints on the terminal: the six sources with their evidence, the lenses,
/// felt against assessed power, leverage and bargaining weights, the predicted deal with its
/// spread, the levers ranked by value, the pitfalls and the assumptions. Its JSON twin is
/// power_json.h.
///
///   const auto r = parley::power::AnalysePower(c, options);
///   std::cout << parley::report::RenderPowerText(c, r);

#include <string>

#include "parley/core/case.h"
#include "parley/power/analysis.h"

namespace parley::report {

/// The power report `r` of case `c` as terminal text, ending with "wrote SVG_FILE" when a radar
/// chart was written beside it. O(size of the report).
std::string RenderPowerText(const Case& c, const power::PowerReport& r,
                            const std::string& svg_file = "");

}  // namespace parley::report
