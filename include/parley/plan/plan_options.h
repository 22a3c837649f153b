#pragma once

// The parameters of the preparation brief, with their defaults (docs/plan.md).
//
//   plan::PlanOptions options;
//   options.power.as = "acme";  // write the brief from Acme's chair
//   options.future_deals = 1;
//   const plan::Brief brief = plan::BuildBrief(c, options);

#include <cstddef>

#include "parley/plan/concession_plan.h"
#include "parley/plan/meso.h"
#include "parley/power/options.h"

namespace parley::plan {

/// Every parameter of the brief, with its default (docs/plan.md).
struct PlanOptions {
  power::PowerOptions power;  ///< power.as picks the chair the brief is written for
  MesoOptions meso;           ///< target unset: our value in the predicted deal
  ConcessionPlanOptions concessions;
  std::size_t give_get_pairs = 8;  ///< most give-get pairs listed
  /// hard-power-in-repeated-relationship: the trust at stake in a repeated relationship is our
  /// surplus over the walk-away at an even split in this many future deals of the same size...
  std::size_t future_deals = 3;
  /// ...and pressing for the anchor rather than an even split is "small next to" it when it
  /// gains less than this share of it.
  double repeated_gain_share = 0.5;
  /// deadline-reliance: deadlines carry too much of the plan when ignoring every deadline would
  /// lower our bargaining weight by at least this much (0.05 = five points of surplus share).
  double deadline_weight_share = 0.05;
};

}  // namespace parley::plan
