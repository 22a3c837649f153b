#pragma once

/// The work of the later commands that more than one face needs, done once: the coalition view
/// of a case (`parley coalition CASE`) and one simulated negotiation (`parley simulate`). The CLI
/// renders their text from these, and service::WriteRunJson their JSON, so both read the same
/// figures.
///
///   const parley::service::Simulation s = parley::service::Simulate(c, {.us = "boulware",
///                                                                       .them = "conceder"});
///   std::cout << parley::report::RenderSimulationText(*s.negotiation, s.result, s.metrics, view);

#include <memory>
#include <optional>
#include <string>

#include "parley/analysis/coalition_view.h"
#include "parley/coalition/power_indices.h"
#include "parley/core/case.h"
#include "parley/power/options.h"
#include "parley/service/run_options.h"
#include "parley/sim/metrics.h"
#include "parley/sim/negotiation.h"
#include "parley/sim/protocol.h"

namespace parley::service {

/// The coalition view of a case of three or more parties.
struct CoalitionCase {
  analysis::CoalitionView view;
  std::optional<coalition::PowerIndices> shapley;  ///< the split, in the money view only
  std::string source;                              ///< "offer" or "predicted"
  /// The case the view's outcomes index, to render them with: the case with every party's
  /// floors applied (analysis::ApplyFloors), or the case as given when the floors leave no
  /// deal or the deal tested lies outside them.
  Case basis;
};

/// Throws Error(kInvalidInput) when `c` has fewer than three parties stating values, the coalition
/// view's least (`file` names the case in the message, which points to the stakeholder map).
void RequireCoalitionCase(const Case& c, const std::string& file);

/// The view of `deal` (the offer given), or of the predicted deal of `parley power` under
/// `model` at its point estimate when there is none, inside every party's floors as the
/// frontier and the brief are (a subset blocks only with a deal its members could sign). Throws
/// Error(kInvalidInput) when `c` has fewer than three parties stating values (`file` names the case
/// in the message), or when no deal is predicted and none is given. O(2^N x N) in the parties.
CoalitionCase AnalyseCoalitionCase(const Case& c, const std::string& file,
                                   const std::optional<Outcome>& deal,
                                   const power::PowerOptions& model);

/// One negotiation between two strategies on a case, with its metrics.
struct Simulation {
  std::unique_ptr<sim::Negotiation> negotiation;  ///< points into the case, which must outlive it
  sim::NegotiationResult result;
  sim::SimulationMetrics metrics;
  std::string us, them;  ///< the strategies, canonical (ResolvedSpec::Text)
};

/// Plays `play.us` (the `us` party) against `play.them` (every other party) on `c` for
/// `play.rounds` rounds with `play.seed` and `play.discount`. Throws Error(kUsage) for a
/// strategy the registry refuses.
Simulation Simulate(const Case& c, const PlayOptions& play);

}  // namespace parley::service
