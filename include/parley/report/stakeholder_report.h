#pragma once

/// What `parley stakeholders` prints: per party with stakeholders, the decision rule and its
/// voting game, each member's formal power, informal influence, real power, whether they really
/// decide, salience and quadrant, the real deciders and how they differ from the org chart,
/// single-threaded risk and the engagement order with its reasons, as terminal text or JSON
/// (docs/cli.md).
///
///   const auto map = parley::stakeholders::MapStakeholders(c);
///   std::cout << parley::report::RenderStakeholdersText(c, map);

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/stakeholders/stakeholder_map.h"

namespace parley::report {

/// The map as terminal text. O(size of the map).
std::string RenderStakeholdersText(const Case& c, const stakeholders::StakeholderMap& map);

/// The map as JSON without the command's header: {stakeholders, real_deciders,
/// engagement_order, parties} as `parley stakeholders --format json` writes them (docs/cli.md);
/// the brief's JSON holds it too.
nlohmann::ordered_json StakeholderMapJson(const stakeholders::StakeholderMap& map);

/// The JSON of `parley stakeholders --format json` (docs/cli.md): command, file, title, then
/// StakeholderMapJson, and `svg: {file}` when `svg_file` (the influence graph written by
/// --svg) is not empty.
nlohmann::ordered_json StakeholdersJson(const Case& c, const std::string& file,
                                        const stakeholders::StakeholderMap& map,
                                        const std::string& svg_file = "");

}  // namespace parley::report
