#pragma once

/// The exact Pareto frontier of a case over the parties that state values: every distinct utility
/// vector no outcome dominates, with one outcome that achieves it and the exact tie count.
/// Additive cases are solved issue by issue with dominance pruning (never enumerating outcomes),
/// others by streaming enumeration. The base of `parley frontier`, the ZOPA, offer scoring, the
/// power prediction and the plan; kUtilityEpsilon is the one utility tolerance of them all.
///
///   parley::analysis::FrontierOptions options;
///   options.max_points = 100'000;  // Error(kLimit) beyond
///   const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(c, options);
///   for (const parley::analysis::FrontierPoint& p : f.points)  // f.parties[0]'s utility, desc
///     if (p.acceptable) std::cout << p.utility[0] << ' ' << p.utility[1] << '\n';

#include <cstddef>
#include <string>
#include <vector>

#include "parley/core/big_uint.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis {

/// Two utilities closer than this are equal, everywhere in Parley's analyses (dominance, ties,
/// acceptability, bargaining solutions). Utilities live in [0, 1], so 1e-9 is far below any
/// difference a negotiator could care about and far above floating-point noise of sums of a few
/// dozen terms.
inline constexpr double kUtilityEpsilon = 1e-9;

/// One point of the Pareto frontier: a distinct utility vector no outcome dominates.
struct FrontierPoint {
  std::vector<double> utility;  ///< per party, in Frontier::parties order
  Outcome outcome;              ///< one outcome that achieves it (the lowest index among ties)
  BigUint ties;                 ///< how many outcomes have this utility vector (>= 1)
  bool acceptable = false;      ///< every party's utility >= its disagreement utility - epsilon
};

/// How a frontier was computed.
enum class FrontierMethod {
  kAdditive,     ///< issue by issue with dominance pruning; never enumerates outcomes
  kEnumeration,  ///< every outcome visited once, streaming (memory O(frontier size))
};

/// The exact Pareto frontier of a case over the parties that state values.
struct Frontier {
  std::vector<std::string> parties;   ///< party ids, in case order
  std::vector<double> disagreement;   ///< each party's disagreement utility
  std::vector<FrontierPoint> points;  ///< sorted by the first party's utility, descending
  FrontierMethod method = FrontierMethod::kAdditive;
  BigUint outcome_count;  ///< size of the outcome space
};

/// Options for ComputeFrontier.
struct FrontierOptions {
  /// Most frontier points (and partial points kept while combining issues) before giving up
  /// with Error(kLimit): a frontier that large is no longer a useful answer.
  std::size_t max_points = 2'000'000;
  /// Largest outcome space the enumeration path will visit (Error(kLimit) beyond it).
  std::uint64_t max_enumeration = 100'000'000;
  /// With three or more parties, the most sums one step of the additive fold may weigh (partial
  /// points so far x the next issue's Pareto set), checked before the step: beyond it the step
  /// would run for minutes, and Error(kLimit) is thrown at once instead.
  std::uint64_t max_candidates = 400'000'000;
};

/// The exact Pareto frontier of `c` (valid, with at least two parties stating values). Uses the
/// additive method when every party is additive (money or utility form), else enumeration.
/// Exception: when a utility-form party's best raw sum exceeds 1 (so GENIUS's min(1, .) clamp can
/// merge points), spaces up to max_enumeration are enumerated; larger ones are clamped and
/// re-pruned, and then `ties` counts only the representative outcomes that survived pruning.
/// Number issues with more than 10^6 grid points are solved analytically when every party's
/// evaluator moves the same way along the grid; opposed or non-monotone huge grids are a limit.
/// Issues on which every party's value is linear with equal steps (two money issues in whole
/// units) are combined as one step, by their sum: O(V1 + V2) points instead of V1 x V2. Ties are
/// still exact; the representative outcome is then the lowest index among ties unless another
/// issue makes up exactly for steps along that line, when it is the lowest among the outcomes
/// with the smallest sum on the line.
/// Three or more parties use an exact skyline (src/analysis/internal/skyline.h): values of one
/// party closer than epsilon are snapped to one rank, then dominance is decided by a sweep with
/// prefix maxima (three parties) or divide and conquer (four or more). Frontiers of any number
/// of parties are limited by max_points only; three or more also by max_candidates per step.
/// Dominance: u dominates v when u_i >= v_i - eps for all parties and u_j > v_j + eps for some.
/// Throws Error(kLimit) beyond the options' limits, Error(kInvalidInput) for fewer than two
/// valued parties. Cost, with C = |partial frontier| x values summed over issues and N the
/// outcomes: additive, O(C log C) for two and three parties and O(C log^(d-2) C) for d >= 4;
/// enumeration, O(N log F) for two and three parties and O(N log^(d-2) N) beyond.
Frontier ComputeFrontier(const Case& c, const FrontierOptions& options = {});

/// The same frontier by visiting every outcome (the reference for the additive method and the
/// path for non-additive profiles). Throws Error(kLimit) when the space exceeds
/// options.max_enumeration.
Frontier EnumerateFrontier(const Case& c, const FrontierOptions& options = {});

/// True when `u` dominates `v` under kUtilityEpsilon (see ComputeFrontier).
bool Dominates(const std::vector<double>& u, const std::vector<double>& v);

}  // namespace parley::analysis
