#pragma once

#include <nlohmann/json.hpp>

#include "parley/core/case.h"
#include "parley/power/report.h"

namespace parley::io {

/// The power report as JSON, the contract of `parley power --format json` (docs/cli.md): keys
/// perspective, options, balance, parties, sources, structural, lenses, unsupported,
/// perception, floors, leverage, weights, prediction, levers, pitfalls, assumptions, in this
/// order. Outcomes are written with the issues of r.floored.c. O(size of the report).
nlohmann::ordered_json PowerReportJson(const power::PowerReport& r);

/// A power pitfall as {id, party, message, fields}.
nlohmann::ordered_json PitfallJson(const power::Pitfall& p);

}  // namespace parley::io
