#pragma once

/// Every party's utility of a negotiation's outcomes as `parley evaluate` reports it
/// (analysis::FlooredUtility: 0 a party's worst deal inside every floor, 1 its best), for what
/// the engine shows a person: simulate's trace, result, metrics and chart, and the interactive
/// rehearsal. The strategies bargain on the whole space's scale (Negotiation::Valuation); for
/// money values the two differ by an affine change per party, which keeps every comparison
/// between outcomes and with the walk-away, so only the figures shown change, and a package
/// reads the same in every command. A deal outside a floor can fall below 0 or above 1.
///
///   const parley::sim::ReportedUtility reported(n);
///   const std::vector<double> u = reported.Of(outcome);  // per party, in n's order

#include <memory>
#include <vector>

#include "parley/analysis/floors.h"
#include "parley/core/outcome_space.h"
#include "parley/sim/negotiation.h"

namespace parley::sim {

class ReportedUtility {
 public:
  /// ApplyFloors on the negotiation's case, then one FlooredUtility per party. The case of `n`
  /// must outlive it. O(floors x issues + parties x valuation).
  explicit ReportedUtility(const Negotiation& n);
  /// Every party's utility of `o`, in the negotiation's party order. O(parties x issues).
  std::vector<double> Of(const Outcome& o) const;
  /// Every party's walk-away (disagreement) utility on the same scale.
  const std::vector<double>& Disagreement() const { return disagreement_; }

 private:
  std::unique_ptr<analysis::FlooredCase> floored_;  // the utilities keep its address
  std::vector<analysis::FlooredUtility> utilities_;
  std::vector<double> disagreement_;
};

}  // namespace parley::sim
