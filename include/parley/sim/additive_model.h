#pragma once

/// A party's utility as a sum over issues, ready for bidding: one function per issue on the
/// party's own utility scale (a value per option, or a piecewise-linear function of a number
/// issue's value, never a table of its grid), an offset, and GENIUS's clamp at 1. A party's own
/// utility (AdditiveModel::Of) and an opponent model's estimate of another party's preferences
/// share this form, so the bid search (bid_search.h) answers both from the additive structure.
///
///   const std::optional<parley::sim::AdditiveModel> mine = parley::sim::AdditiveModel::Of(c,
///   "acme"); const double u = mine->Utility(c.issues, outcome);  // equals PartyValuation::Utility

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/case.h"
#include "parley/core/outcome_space.h"

namespace parley::sim {

/// One issue's part of an additive utility.
struct IssueFunction {
  /// Options issues: the contribution of each option, by option index (empty: 0 everywhere).
  std::vector<double> table;
  /// Number issues: piecewise-linear in the issue's value through these (x strictly
  /// increasing), flat beyond the first and last point (empty: 0 everywhere).
  std::vector<std::pair<double, double>> points;

  friend bool operator==(const IssueFunction&, const IssueFunction&) = default;
};

/// utility(o) = offset + sum over issues of issues[i](o[i]), then min(1, .) when clamp_at_one.
struct AdditiveModel {
  std::vector<IssueFunction> issues;  ///< one per issue of the case, in case order
  double offset = 0;
  bool clamp_at_one = false;  ///< GENIUS utility form: u = min(1, sum)

  /// The model of `party`'s utility exactly as PartyValuation defines it (money form divided by
  /// its span, utility form weight x score with the clamp), or nullopt when the party's values
  /// are GENIUS rectangles (not additive). Throws what PartyValuation throws. O(issues + table
  /// sizes + points).
  static std::optional<AdditiveModel> Of(const Case& c, const std::string& party);

  /// Contribution of issue `i` at value index `k` (grid index for number issues). O(1) for
  /// options, O(log points) for numbers.
  double Contribution(const std::vector<Issue>& issues, std::size_t i, std::uint64_t k) const;
  /// The unclamped sum offset + sum of contributions. O(issues x log points).
  double RawSum(const std::vector<Issue>& issues, const Outcome& o) const;
  /// The utility: RawSum, clamped at 1 when clamp_at_one. O(issues x log points).
  double Utility(const std::vector<Issue>& issues, const Outcome& o) const;
  /// The grid indices where issue `i`'s function may change slope, with both ends: between two
  /// consecutive ones the function is linear in the index. Sorted, distinct; every index when the
  /// grid has at most `dense` points. O(points) (O(dense) when dense).
  std::vector<std::uint64_t> Anchors(const Issue& issue, std::size_t i, std::uint64_t dense) const;
  /// The same model with every contribution and the offset negated (and no clamp): the estimate
  /// of a party that likes least what this one likes most. O(size).
  AdditiveModel Negated() const;
};

/// Grid indices next to each x of `xs` (floor and ceiling) on `issue`, with both ends, sorted
/// and distinct. O(|xs| log |xs|).
std::vector<std::uint64_t> GridIndicesAround(const Issue& issue, const std::vector<double>& xs);

}  // namespace parley::sim
