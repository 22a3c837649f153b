#pragma once

/// What is worth doing before the meeting (docs/power-model.md, "Levers"): each lever (improve our
/// BATNA, weaken theirs, a later deadline, a lower cost of delay, a raised source) is an edit of
/// the case analysed again with the same draws; learn-batna is the value of perfect information
/// about their BATNA under the proposer model. The levers of `parley power`, ranked by gain.
/// O(levers x samples x frontier points x parties).
///
///   for (const parley::power::Lever& l : parley::power::ValueLevers(c, f, "acme", options))
///     std::cout << l.lever << ' ' << l.gain << ": " << l.description << '\n';  // best first

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
  /// "bargaining": both expected values come from PredictDeal (weighted Nash, sampled inputs).
  /// "proposer": the value of information, where we name a deal and the other side accepts it or
  /// not (docs/power-model.md); before = the best fixed target without knowing, after = the
  /// mean of the best target knowing their BATNA.
  std::string model;
};

/// Values every lever open to `perspective` in `c` on `frontier` = ComputeFrontier(c), ranked by
/// gain, largest first (ties by lever id, then party, then source). Each lever is an edit of
/// the case (a BATNA moved by options.batna_step or 5% of the party's value range, the
/// deadline moved options.deadline_step_weeks later, the cost of delay or discount rate cut by
/// options.delay_cost_cut, one source raised by one point up to 5) re-analysed with the same
/// seed and draws; "learn-batna" is the expected value of perfect information about one other
/// party's BATNA range. Levers that do not apply (no deadline, a source at 5, a BATNA known
/// exactly) are left out. Throws Error(kUsage) when `perspective` states no values.
/// O(levers x samples x frontier points x parties).
std::vector<Lever> ValueLevers(const Case& c, const analysis::Frontier& frontier,
                               const std::string& perspective, const PowerOptions& options);

}  // namespace parley::power
