#pragma once

// Private pieces of ComputeZopa (zopa.cc): acceptability as thresholds on additive sums, and the
// exact and estimated counts.

#include <cstdint>
#include <optional>
#include <vector>

#include "internal/frontier_common.h"
#include "parley/analysis/zopa.h"
#include "parley/core/outcome_space.h"

namespace parley::analysis::internal {

/// Acceptability of outcomes for the valued parties of a case.
///
/// For an additive party p, acceptable iff sum over issues of w_p(i, k_i) >= theta_p, where w
/// is the issue contribution on p's utility scale (money divided by the value span) and theta
/// folds in the money offset, the utility form's clamp min(1, .) and kUtilityEpsilon; theta is
/// -inf (always acceptable) or +inf (never). Non-additive parties are evaluated outcome by
/// outcome.
class Acceptance {
 public:
  explicit Acceptance(const Case& c);

  const FrontierSetup& setup() const { return setup_; }
  const OutcomeSpace& space() const { return space_; }
  std::size_t parties() const { return setup_.parties.size(); }
  bool AllAdditive() const { return all_additive_; }
  /// True when some additive party can never accept (theta = +inf).
  bool SomeoneNeverAccepts() const;
  double Theta(std::size_t p) const { return theta_[p]; }
  /// w_p(i, k), the scaled contribution. Additive parties only. O(1) (O(log) for points).
  double W(std::size_t p, std::size_t i, std::uint64_t k) const;
  /// Tables of W for every issue with at most `max_values` values (tables_[i][k * parties + p]).
  /// Returns false (and builds nothing) when an issue is larger. O(values x parties).
  bool BuildTables(std::uint64_t max_values);
  const std::vector<double>& Table(std::size_t i) const { return tables_[i]; }
  /// Acceptability of one outcome. Uses the tables when built. O(issues x parties).
  bool Accepts(const Outcome& o) const;

 private:
  FrontierSetup setup_;
  OutcomeSpace space_;
  std::vector<double> factor_, theta_;
  bool all_additive_ = true;
  std::vector<std::vector<double>> tables_;
};

/// Enumerates every outcome: the exact count and the per-issue seen flags (acceptable values).
/// O(N x issues x parties).
void CountByEnumeration(const Acceptance& a, BigUint& count, std::vector<std::vector<char>>& seen);

/// Exact count for two additive parties by meet-in-the-middle, or nullopt when the issues do
/// not split into two halves of at most `max_half` outcomes. Requires BuildTables.
/// O(H log H) for halves of H outcomes, memory O(H).
std::optional<std::uint64_t> CountMeetInTheMiddle(const Acceptance& a, std::uint64_t max_half);

/// Monte Carlo: `samples` uniform outcomes from a mt19937_64 seeded with `seed` (index of issue
/// i drawn as (r x values) >> 64). Returns hits; fills the acceptable values seen per issue.
std::uint64_t CountMonteCarlo(const Acceptance& a, std::uint64_t seed, std::size_t samples,
                              std::vector<std::vector<std::uint64_t>>& seen);

}  // namespace parley::analysis::internal
