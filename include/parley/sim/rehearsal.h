#pragma once

/// A rehearsal (docs/simulation.md, "Rehearsal"): our `parley` strategy (parley_agent.h) plays
/// the brief against a mix of counterpart strategies over the case's uncertainty, many times, and
/// the results say how often a deal is reached, what it is worth to us against the predicted deal,
/// which counterparts beat the plan, at which planned step it breaks and what to change.
///
/// Sample i plays counterpart them[i mod |them|] (every other party plays it) on a copy of the
/// case where each uncertain BATNA (a money range) is drawn uniformly in its range and, when a
/// party that states values has an unknown deadline, the deadline in rounds is drawn uniformly in
/// [ceil(rounds / 2), rounds + floor(rounds / 2)] (known to both sides, as the protocol's t). The
/// draws come from a SplitMix generator (split_mix.h) seeded with SplitMix64(seed + i): each
/// sample's draws depend only on the seed and its index, so the result is the same whatever the
/// order or the thread the samples run on. The module is pure (no third-party headers): the caller
/// hands the parallel loop (`ParallelFor`; the CLI and the benchmark pass one built on oneTBB's
/// parallel_for), the samples fill a pre-sized vector and the reduction is sequential, in sample
/// order.
///
///   const plan::Brief brief = plan::BuildBrief(c);  // built once, read by every sample
///   const parley::sim::Rehearsal r = parley::sim::Rehearse(c, brief, {});
///   std::cout << r.agreement_rate << ' ' << r.value.p50 << '\n';

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/case.h"
#include "parley/power/prediction.h"

namespace parley::plan {
struct Brief;
}  // namespace parley::plan

namespace parley::sim {

/// The counterparts played when none are given: boulware, linear, conceder, hardheaded, micro,
/// relative_tft (a time-dependent spread from late to early concession, a learning hard bargainer,
/// a reciprocal strategy and a tit-for-tat).
const std::vector<std::string>& DefaultCounterparts();

/// Runs body(i) for every i in [0, count), in any order and on any threads; returns when all
/// have run. body writes only its own slot.
using ParallelFor =
    std::function<void(std::size_t count, const std::function<void(std::size_t)>& body)>;

/// The sequential loop: body(0), body(1), ...
void SequentialFor(std::size_t count, const std::function<void(std::size_t)>& body);

/// How a rehearsal runs.
struct RehearsalOptions {
  std::vector<std::string> them;  ///< counterpart strategy specs; empty: DefaultCounterparts()
  std::size_t samples = 600;      ///< negotiations, 1 to 10^6
  std::uint64_t seed = 1;
  std::uint64_t rounds = 100;  ///< the deadline (drawn around it when a deadline is unknown)
};

/// One counterpart's negotiations.
struct CounterpartResult {
  std::string strategy;  ///< the spec as given
  std::size_t negotiations = 0;
  double agreement_rate = 0;
  double mean_value = 0;  ///< our mean value (no deal: our walk-away in that sample)
  /// Share of its negotiations where our value is below the predicted deal's.
  double below_prediction = 0;
};

/// The result of a rehearsal.
struct Rehearsal {
  std::string us;  ///< the party we play
  std::vector<std::string> them;
  std::size_t negotiations = 0;
  std::uint64_t seed = 0, rounds = 0;
  std::vector<std::string> drawn;  ///< what the samples draw: "BATNA of acme", "deadline"
  double agreement_rate = 0;       ///< in [0, 1]
  /// Our value over every negotiation: the deal's, else our walk-away in that sample.
  power::Percentiles value;
  std::optional<double> predicted_value;  ///< ours in the predicted deal (power), if any
  /// Ours where the brief's concession plan stops (its last step, else the opening), if any.
  std::optional<double> landing_value;
  /// The concession log has moved the talks (plan::Brief::under_way): the plan starts at the
  /// package on the table, worth `start_value` to us (breaks[0] counts from there).
  bool under_way = false;
  std::optional<double> start_value;              ///< ours at the plan's start, if there is a plan
  double walk_away = 0;                           ///< our walk-away at the point estimate
  std::vector<CounterpartResult> by_counterpart;  ///< in the order of `them`
  /// Counterparts against which our value falls below the predicted deal in more than half of
  /// the negotiations, the most often first.
  std::vector<std::string> beat_the_plan;
  std::size_t steps = 0;  ///< the concession plan's steps
  /// breaks[k]: negotiations that ended without a deal or below the predicted deal when the last
  /// planned package we had offered was step k (0 the plan's start: the anchor, or the package
  /// on the table when under_way; a MESO package counts as its step).
  std::vector<std::size_t> breaks;
  std::optional<std::size_t> break_step;  ///< the k with the most breaks (the first on ties)
  std::vector<std::string> advice;        ///< what to change, a sentence per finding
};

/// Rehearses `brief` (plan::BuildBrief(c), with an anchor) on `c` as described above. Throws
/// Error(kUsage) for samples or rounds out of range or a counterpart spec the registry refuses
/// (checked before any negotiation), and when the brief has no anchor (no plan to play).
/// O(samples x negotiation cost).
Rehearsal Rehearse(const Case& c, const plan::Brief& brief, const RehearsalOptions& options,
                   const ParallelFor& parallel = SequentialFor);

}  // namespace parley::sim
