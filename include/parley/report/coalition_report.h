#pragma once

/// What `parley coalition` prints: every power index of a coalition game per player, as a table
/// for people (decimals, then the exact fractions when they are short enough to read) or as JSON
/// (`indices`: per index a list in player order of {player, fraction, value}; docs/cli.md).
///
///   const auto r = parley::coalition::ComputeIndices(game);
///   std::cout << parley::report::RenderCoalitionText(r);
///   std::cout << parley::report::JsonText(parley::report::CoalitionJson(r));

#include <nlohmann/json.hpp>
#include <string>

#include "parley/coalition/power_indices.h"

namespace parley::report {

/// The indices as terminal text: one row per player, one column per index (4 decimals), and
/// the exact fractions of each index when none is longer than 24 characters. O(n * indices).
std::string RenderCoalitionText(const coalition::PowerIndices& r);

/// The indices as JSON: {game, players, simple, indices: {key: [{player, fraction, value}]}}.
nlohmann::ordered_json CoalitionJson(const coalition::PowerIndices& r);

}  // namespace parley::report
