#pragma once

/// The power report as JSON, the contract of `parley power --format json` (docs/cli.md):
/// PowerReportJson writes a power::PowerReport in a fixed key order, PowerJson puts the command
/// and the file in front, and PitfallJson writes one pitfall. The brief's JSON embeds
/// PowerReportJson (brief_json.h).
///
///   parley::power::PowerOptions options;
///   options.as = "acme";  // role reversal: the analysis from their chair
///   const parley::power::PowerReport r = parley::power::AnalysePower(c, options);
///   std::cout << parley::report::JsonText(parley::report::PowerJson(r, "deal.yaml"));

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/power/analysis.h"

namespace parley::report {

/// The power report as JSON, the contract of `parley power --format json` (docs/cli.md): keys
/// perspective, options, balance, parties, sources, structural, lenses, unsupported,
/// perception, floors, leverage, weights, prediction, levers, pitfalls, assumptions, in this
/// order. Outcomes are written with the issues of r.floored.c. O(size of the report).
nlohmann::ordered_json PowerReportJson(const power::PowerReport& r);

/// The JSON of `parley power --format json`: {command: "power", file} followed by
/// PowerReportJson(r), then "svg": `svg_file` when a radar chart was written.
nlohmann::ordered_json PowerJson(const power::PowerReport& r, const std::string& file,
                                 const std::string& svg_file = "");

/// A power pitfall as {id, party, message, fields}.
nlohmann::ordered_json PitfallJson(const power::Pitfall& p);

}  // namespace parley::report
