#pragma once

/// What `parley next` prints in a live negotiation: the offers so far, each valued for every
/// party and placed inside or outside the ZOPA; their pace and the priorities their offers
/// reveal; the next move with its package, the line to say and why; and the rest of the
/// concession plan re-paced from our position, as terminal text or JSON.
///
///   const parley::sim::NextMove m = parley::sim::AdviseNext(c, brief);
///   std::cout << parley::report::RenderNextText(c, brief.power.floored.c, m);

#include <nlohmann/json.hpp>
#include <string>

#include "parley/core/case.h"
#include "parley/sim/next_move.h"

namespace parley::report {

/// The advice as terminal text. `floored` is the case the re-paced plan's packages index (the
/// brief's power.floored.c). O(offers x parties + plan steps).
std::string RenderNextText(const Case& c, const Case& floored, const sim::NextMove& m);

/// The JSON of `parley next --format json` (docs/cli.md), `floored` as above. O(offers x
/// parties + plan steps).
nlohmann::ordered_json NextJson(const Case& c, const Case& floored, const std::string& file,
                                const sim::NextMove& m);

}  // namespace parley::report
