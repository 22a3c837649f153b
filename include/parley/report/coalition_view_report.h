#pragma once

/// What `parley coalition CASE` prints (docs/cli.md, docs/coalition.md): the coalition view of a
/// deal among three or more parties: the proposed grand deal and each party's gain, every subset
/// of two or more with its own ZOPA, its best joint surplus alone and whether it blocks the deal,
/// the core test, the Shapley split of the surplus (money view), the essential parties, the
/// pairs that cannot agree alone and the recommendation to engage one by one or together.
///
///   const auto v = parley::analysis::ComputeCoalitionView(c, deal);
///   const auto shapley = parley::coalition::ComputeIndices(game);  // v's worths as a TU game
///   std::cout << parley::report::RenderCoalitionViewText(c, v, &shapley, "predicted");

#include <nlohmann/json.hpp>
#include <string>

#include "parley/analysis/coalition_view.h"
#include "parley/coalition/power_indices.h"
#include "parley/coalition/tu_game.h"
#include "parley/core/case.h"

namespace parley::report {

/// The money view's game: the parties (ids) and each subset's worth as an exact decimal (the
/// subsets worth 0 and the singletons left out, as a TU game lists them). Empty players in the
/// utility view.
coalition::TuGame CoalitionViewGame(const analysis::CoalitionView& v);

/// The view as terminal text; `shapley` (the indices of CoalitionViewGame, nullptr in the
/// utility view) gives the split; `source` is "predicted" or "offer". O(2^N x N).
std::string RenderCoalitionViewText(const Case& c, const analysis::CoalitionView& v,
                                    const coalition::PowerIndices* shapley,
                                    const std::string& source);

/// The view as JSON: {case, view, model, parties, deal, subsets, in_core, essential, conflicts,
/// shapley, engagement} (docs/cli.md). O(2^N x N).
nlohmann::ordered_json CoalitionViewJson(const Case& c, const analysis::CoalitionView& v,
                                         const coalition::PowerIndices* shapley,
                                         const std::string& source);

}  // namespace parley::report
