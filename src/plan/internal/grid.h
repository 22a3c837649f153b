#pragma once

// Helpers the plan computations share: the values of an issue they try, how a value is written,
// and where a party sits in a frontier.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/issue.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"

namespace parley::plan::internal {

/// Most values of a number issue that the plan computations try.
inline constexpr int kSampledValues = 11;

/// The value indices of `issue` that are tried, ascending: every option, or at most
/// kSampledValues evenly spaced grid values (the whole grid when it is that small). O(result).
std::vector<std::uint64_t> SampledValues(const Issue& issue);

/// Every value index of `issue`, or 1,001 evenly spaced ones when it has over 100,000. O(result).
std::vector<std::uint64_t> GridValues(const Issue& issue);

/// The balancing issue for `mine` facing `theirs`, or -1 when there is none: among the number
/// issues whose range of value for us covers one grid step of every other number issue (the
/// widest always does) and that are efficient to concede (the least that a step of the grid
/// toward our worst end gives them per unit it costs us is at least 1, or at least half the best
/// such ratio among those issues), the one whose grid moves our value in the finest steps (range /
/// (values - 1)); ties to the wider range. Normally price: a coarse issue (rent-free months worth
/// 4,500 each) can neither balance a package closely nor carry concessions that shrink, and an
/// issue that costs us 8 for each 1 it gives them (a delivery time we care about far more) would
/// make every balanced package and every step give value away. O(issues^2 + grid values).
int BalancingIssue(const Case& c, const PartyValuation& mine, const PartyValuation& theirs);

/// Value `k` of `issue` as written in a package: the option, or the number.
std::string ValueText(const Case& c, const Issue& issue, std::uint64_t k);

/// The index of `party` among the frontier's parties. Throws Error(kUsage) "party 'X' states no
/// values" when it is not one of them. O(parties).
std::size_t FrontierPartyIndex(const analysis::Frontier& f, const std::string& party);

/// A stakeholder as named in a script: "name (title)", the title or the name alone, or the id.
std::string StakeholderName(const Stakeholder& s);

/// The valued parties of a case other than `us` and `them`. Every package the plan proposes
/// must be acceptable to each of them, as analysis::ScoreOffer decides acceptance: utility at
/// least the disagreement utility, within analysis::kUtilityEpsilon. `c` must outlive it.
class ThirdParties {
 public:
  ThirdParties(const Case& c, const std::string& us, const std::string& them);
  /// True when every third party accepts `o` (always true in a bilateral case). O(parties x
  /// issues).
  bool Accept(const Outcome& o) const;
  /// The third parties' utilities of `o`, summed (0 in a bilateral case): between two steps
  /// equal for us and them, the one that leaves them more. O(parties x issues).
  double Utility(const Outcome& o) const;
  bool empty() const { return parties_.empty(); }

 private:
  std::vector<PartyValuation> parties_;
};

}  // namespace parley::plan::internal
