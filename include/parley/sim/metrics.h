#pragma once

/// The measures of the field for one negotiation's result (Baarslag et al. 2013, "Evaluating
/// practical negotiating agents"): agreement, each party's utility, the distance of the result to
/// the Pareto frontier and to the Nash point, and each party's share of the surplus. The
/// frontier is the exact deal-space frontier of the case (analysis::ComputeDealFrontier, floors
/// applied), its points valued again on each party's own scale over the whole space (the scale
/// the negotiation uses: an affine change per party, which keeps Pareto optimality and the Nash
/// point); distances are Euclidean in the parties' utility space, undiscounted, from the deal
/// (or, without one, from the disagreement point). The Nash point is the deal-space Nash
/// solution (among the deals within every floor).
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
  std::vector<double> utility;  ///< the result's (discounted) utility per party
  std::vector<double> point;    ///< the undiscounted utility vector measured
  /// False when the frontier could not be computed within its limits (then the distances and
  /// the Nash point are absent).
  bool frontier_available = false;
  std::optional<double> pareto_distance;  ///< to the nearest frontier point
  std::optional<double> nash_distance;    ///< to the Nash point (the first listed)
  std::vector<double> nash_utility;       ///< the Nash point, when there is one
  /// Each party's gain over its reservation utility divided by the sum of the gains, when the
  /// deal gives every party a gain and the sum is positive; empty otherwise.
  std::vector<double> surplus_share;
};

/// The measures of `result` on `negotiation`. Cost: ComputeDealFrontier (its Error(kLimit) is
/// caught: frontier_available false) + O(frontier points x parties).
SimulationMetrics ComputeMetrics(const Negotiation& negotiation, const NegotiationResult& result);

}  // namespace parley::sim
