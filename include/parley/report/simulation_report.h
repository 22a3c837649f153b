#pragma once

/// What `parley simulate` and `parley strategies` print: one negotiation's trace, result and
/// metrics as terminal text or JSON, and the registry of strategies with their parameters.
///
///   const auto result = parley::sim::RunNegotiation(n, players);
///   const auto metrics = parley::sim::ComputeMetrics(n, result);
///   std::cout << parley::report::RenderSimulationText(n, result, metrics, view);

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "parley/sim/metrics.h"
#include "parley/sim/negotiation.h"
#include "parley/sim/protocol.h"
#include "parley/sim/strategy_registry.h"

namespace parley::report {

/// What the simulation report names besides the result.
struct SimulationView {
  std::string file;       ///< the CASE argument
  std::string us;         ///< our strategy, canonical (ResolvedSpec::Text)
  std::string them;       ///< every other party's strategy, canonical
  std::size_t head = 10;  ///< text: moves shown from the start of a long trace...
  std::size_t tail = 10;  ///< ...and from its end; the rest are counted, not printed
  std::string svg_file;   ///< the chart written beside the report, if any
  /// An interactive session stopped (quit or end of input) before the deadline: the result
  /// reads "stopped in round R of N" instead of "no deal by the deadline".
  bool stopped = false;
};

/// The result as terminal text: who plays what, the trace (long traces shortened with a
/// count), the result and the metrics. O(trace x parties) at most.
std::string RenderSimulationText(const sim::Negotiation& n, const sim::NegotiationResult& r,
                                 const sim::SimulationMetrics& m, const SimulationView& view);

/// The JSON of `parley simulate --format json` (docs/cli.md): command, file, us, them, rounds,
/// discount, seed, agreement, ending, ended_by, outcome, rounds_used, utility, value, metrics,
/// trace (every move: round, party, action, outcome, utility). O(trace x (parties + issues)).
nlohmann::ordered_json SimulationJson(const sim::Negotiation& n, const sim::NegotiationResult& r,
                                      const sim::SimulationMetrics& m, const SimulationView& view);

/// The simulation chart as one SVG document of two panels, one below the other. Group
/// "offer-dance": the case's deal-space chart (frontier_svg.h: cloud, frontier, no-deal point,
/// Nash point) with each party's offers as a line in utility space and the deal marked. Group
/// "utility-over-time" (moved below the first): rounds on x (0 to the last round played),
/// utility on y; each party's offers as a group "series-P" (P its index, data-offers the count)
/// of two polylines with one point per offer in the trace (class "to-us": the offers' utility to
/// party 0, with a dot per offer; class "to-them": to party 1, dashed); party 0's no-deal
/// utility as a horizontal line (group "walk-away"); the last round marked (group "ending":
/// the deal as a diamond at each party's utility, else how the talks ended). Both panels show
/// the metrics' utilities (`m`, the scale of `parley evaluate` and of the frontier). Throws
/// Error(kUsage) unless exactly two parties take part, and what analysis::ComputeDealFrontier
/// throws. Cost: ComputeDealFrontier + the chart + O(trace).
std::string RenderSimulationSvg(const sim::Negotiation& n, const sim::NegotiationResult& r,
                                const sim::SimulationMetrics& m);

/// Every registered strategy and part with its parameters, ranges and defaults, as text.
std::string RenderStrategiesText(const sim::StrategyRegistry& registry);

/// The same as JSON: {"strategies": [...], "parts": [...]}, each entry with name, kind, summary,
/// source, needs_brief and params (name, help, min, max, default).
nlohmann::ordered_json StrategiesJson(const sim::StrategyRegistry& registry);

}  // namespace parley::report
