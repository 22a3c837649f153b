#pragma once

/// The zone of possible agreement: whether some outcome is acceptable to every valued party
/// (decided exactly on the frontier), how many are (by enumeration, meet-in-the-middle or a
/// seeded Monte Carlo estimate, as the space's size allows) and which values of each issue can
/// close a deal. No ZOPA is a result with an explanation, never an error. Part of
/// `parley frontier` (AnalyseDealSpace, deal_space.h).
///
///   parley::analysis::ZopaOptions options;
///   options.seed = 7;  // used only when the count is a Monte Carlo estimate
///   const parley::analysis::Zopa z = parley::analysis::ComputeZopa(c, options);
///   if (!z.exists) std::cout << z.explanation << '\n';
///   else std::cout << z.acceptable_count.ToString() << " acceptable outcomes\n";

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/big_uint.h"
#include "parley/core/case.h"

namespace parley::analysis {

/// The values of one issue that appear in at least one acceptable outcome.
struct IssueSpan {
  std::string issue;                  ///< issue id
  std::vector<std::uint64_t> values;  ///< value indices (option or grid index), ascending
  /// Number issues with at least one such value: the lowest and highest of them, in the issue's
  /// units (for a money issue such as price, the band of prices that can close). Values inside
  /// the band need not all be possible; `values` lists exactly which are.
  std::optional<std::pair<double, double>> number_range;
};

/// How the acceptable outcomes were counted.
enum class ZopaCountMethod {
  kEnumeration,      ///< every outcome visited (exact)
  kMeetInTheMiddle,  ///< two additive parties, issues split in two halves (exact)
  kMonteCarlo,       ///< uniform random outcomes (an estimate; see Zopa::seed, samples)
};

/// The zone of possible agreement: outcomes every valued party accepts, i.e. whose utility is at
/// least its disagreement utility minus kUtilityEpsilon (docs/deal-space.md, "ZOPA").
struct Zopa {
  std::vector<std::string> parties;  ///< valued party ids, in case order
  std::vector<double> disagreement;  ///< their disagreement utilities
  /// True when some outcome is acceptable (exact: decided on the Pareto frontier).
  bool exists = false;
  BigUint outcome_count;     ///< size of the outcome space
  BigUint acceptable_count;  ///< acceptable outcomes (an estimate unless count_exact)
  bool count_exact = true;
  ZopaCountMethod count_method = ZopaCountMethod::kEnumeration;
  double share = 0;  ///< acceptable_count / outcome_count
  /// One entry per issue, in case order, when spans were computed (empty otherwise, see
  /// spans_exact). All spans have no values when !exists.
  std::vector<IssueSpan> spans;
  /// True when spans list exactly the possible values; false when they come from Monte Carlo
  /// samples (a subset), or were not computed (then `spans` is empty).
  bool spans_exact = true;
  /// When !exists: which parties' reservations block agreement and by how much, one sentence
  /// per party. Empty when a ZOPA exists.
  std::string explanation;
  std::uint64_t seed = 0;   ///< the seed used (Monte Carlo only; echoed from the options)
  std::size_t samples = 0;  ///< outcomes sampled (Monte Carlo only, else 0)
};

/// Options for ComputeZopa.
struct ZopaOptions {
  /// Seed of the Monte Carlo estimate (used only when the count cannot be exact).
  std::uint64_t seed = 1;
  /// Outcomes drawn for the Monte Carlo estimate.
  std::size_t samples = 1'000'000;
  /// Largest outcome space counted (and spanned) by enumeration.
  std::uint64_t max_exact = 10'000'000;
  /// Largest half (product of its issues' value counts) for the meet-in-the-middle count.
  std::uint64_t max_half = 2'000'000;
};

/// The ZOPA of `c` (valid, at least two parties stating values). No ZOPA is a result
/// (exists = false, with an explanation), never an error.
///
/// Existence: some Pareto frontier point is acceptable (ComputeFrontier; exact at any scale).
/// Count: for two additive parties whose issues split into two halves of at most max_half
/// outcomes each, meet-in-the-middle with a 2D dominance count (sort + Fenwick tree),
/// O(H log H) for halves of H, at any size of the space (no enumeration); else enumeration when
/// the space has at most max_exact outcomes, O(N x issues x parties); else a seeded Monte Carlo
/// estimate, O(samples x issues x parties).
/// Spans: from the enumeration when it ran; else for additive parties, per issue i the Pareto
/// set of the other issues' utility sums (issues combined with dominance pruning) is checked
/// against each value of i, O(issues^2 x partial frontier x values) (not computed, spans_exact =
/// false, when an issue has more than 10^6 grid values); else from the Monte Carlo samples.
/// Throws Error(kLimit) when the frontier is beyond ComputeFrontier's limits, and
/// Error(kInvalidInput) with fewer than two valued parties.
Zopa ComputeZopa(const Case& c, const ZopaOptions& options = {});

/// ComputeZopa with `frontier` = ComputeFrontier(c) already computed (not computed again).
Zopa ComputeZopa(const Case& c, const Frontier& frontier, const ZopaOptions& options = {});

/// "enumeration", "meet-in-the-middle" or "monte-carlo".
const char* ZopaCountMethodName(ZopaCountMethod m);

}  // namespace parley::analysis
