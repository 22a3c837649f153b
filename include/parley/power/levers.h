#pragma once

/// What is worth doing before the meeting (docs/power-model.md, "Levers"): each lever (improve our
/// BATNA, weaken theirs, a later deadline, a lower cost of delay, a raised source) is an edit of
/// the case analysed again with the same draws; learn-batna is what the same prediction gains
/// when it is aimed at their drawn BATNA instead of our estimate. Every lever is valued by the
/// bargaining model, and the BATNA levers are named for the chair (a buyer's second supplier, a
/// seller's second customer). The levers of `parley power`, ranked by gain.
/// O(levers x samples x frontier points x parties).
///
///   for (const parley::power::Lever& l : parley::power::ValueLevers(c, f, "acme", options))
///     std::cout << l.lever << ' ' << l.gain << ": " << l.description << '\n';  // best first

#include <cstddef>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/power/options.h"

namespace parley::power {

/// One thing the perspective party could change before the negotiation, and what it is worth.
struct Lever {
  /// Stable id: "improve-batna", "weaken-batna", "later-deadline", "lower-delay-cost",
  /// "learn-batna" or "raise-source".
  std::string lever;
  std::string party;        ///< whose input changes (the perspective, or another party)
  std::string source;       ///< for raise-source: the power source, else empty
  std::string description;  ///< the exact change to the case, in words with its figures
  double step = 0;          ///< its size: value units, weeks, a share of the cost, or points
  /// The perspective's expected value after the change minus before (value units: money for a
  /// money-form party, else utility). Positive is better.
  double gain = 0;
  double before = 0, after = 0;  ///< the two expected values
  bool money = false;            ///< gain is money
  /// The draws both expected values are over: the prediction's, or its first ones when there
  /// are many levers (docs/power-model.md, "Levers"); 0 when nothing is drawn.
  std::size_t samples = 0;
  /// "bargaining" for every lever: both expected values come from the prediction (weighted
  /// Nash, sampled inputs). For learn-batna (docs/power-model.md), before = the predicted deal
  /// aimed at our estimate of their BATNA (taken only when it beats their drawn BATNA), after =
  /// aimed at their drawn BATNA (or the first, when better and taken).
  std::string model;
};

/// Values every lever open to `perspective` in `c` on `frontier` = ComputeFrontier(c), ranked by
/// gain, largest first (ties by lever id, then party, then source). Each lever is an edit of
/// the case (a BATNA moved by options.batna_step or 5% of the party's value range, the
/// deadline moved options.deadline_step_weeks later, the cost of delay or discount rate cut by
/// options.delay_cost_cut, one source raised by one point up to 5) re-analysed with the same
/// seed and draws; "learn-batna" values learning one other party's BATNA range exactly by the
/// same prediction. BATNA levers name the other party by its name and say how they are pulled in
/// the chair's role (buyer, seller, else another counterpart). Levers that do not apply (no
/// deadline, a source at 5, a BATNA known exactly) are left out. Throws Error(kUsage) when
/// `perspective` states no values.
/// O(levers x samples x frontier points x parties).
std::vector<Lever> ValueLevers(const Case& c, const analysis::Frontier& frontier,
                               const std::string& perspective, const PowerOptions& options);

}  // namespace parley::power
