#pragma once

/// The measures of the field for one negotiation's result (Baarslag et al. 2013, "Evaluating
/// practical negotiating agents"): agreement, each party's utility, the distance of the result to
/// the Pareto frontier and to the Nash point, and each party's share of the surplus, with every
/// move's utilities for the report. Every utility here is the one `parley evaluate` reports
/// (analysis::FlooredUtility: 0 a party's worst deal inside every floor, 1 its best), not the
/// whole-space scale the strategies bargain on (Negotiation::Valuation): for money values the
/// two differ by an affine change per party, which keeps Pareto optimality, the Nash point and
/// every comparison with the walk-away, so a package reads the same in every command. The
/// frontier is the exact deal-space frontier of the case (analysis::ComputeDealFrontier, floors
/// applied, on that scale); distances are Euclidean in the parties' utility space, undiscounted,
/// from the deal (or, without one, from the disagreement point). The Nash point is the
/// deal-space Nash solution (among the deals within every floor).
///
///   const parley::sim::SimulationMetrics m = parley::sim::ComputeMetrics(n, result);
///   if (m.pareto_distance) use(*m.pareto_distance);  // 0: the deal is on the frontier

#include <optional>
#include <string>
#include <vector>

#include "parley/sim/negotiation.h"
#include "parley/sim/protocol.h"

namespace parley::sim {

/// The measures above; vectors are per party in the negotiation's order.
struct SimulationMetrics {
  bool agreement = false;
  /// The result's utility per party: the deal's, discounted to the round it was struck, else
  /// the disagreement utility.
  std::vector<double> utility;
  std::vector<double> point;         ///< the undiscounted utility vector measured
  std::vector<double> disagreement;  ///< each party's walk-away utility
  /// Each trace entry's utilities per party (as the trace, in order); empty for an entry with
  /// no outcome.
  std::vector<std::vector<double>> moves;
  /// False when the frontier could not be computed within its limits (then the distances and
  /// the Nash point are absent).
  bool frontier_available = false;
  std::optional<double> pareto_distance;  ///< to the nearest frontier point
  std::optional<double> nash_distance;    ///< to the Nash point (the first listed)
  std::vector<double> nash_utility;       ///< the Nash point, when there is one
  /// Each party's gain over its walk-away divided by the sum of the gains, when the deal gives
  /// every party a gain and the sum is positive; empty otherwise. Gains are in money when every
  /// party states money (as the brief's predicted deal measures its share), else in utility.
  std::vector<double> surplus_share;
};

/// The measures of `result` on `negotiation`. Cost: ApplyFloors + ComputeDealFrontier (its
/// Error(kLimit) is caught: frontier_available false) + O(frontier points x parties) +
/// O(trace x parties x issues).
SimulationMetrics ComputeMetrics(const Negotiation& negotiation, const NegotiationResult& result);

}  // namespace parley::sim
