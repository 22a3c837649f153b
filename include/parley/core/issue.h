#pragma once

/// Issues, the things under negotiation, and the values they take: a number issue is a grid
/// lo, lo + step, ..., hi that is never materialised (its size and k-th value in O(1)); an
/// options issue is a list of strings. Package (issue id -> value) is how terms are written;
/// GridValue and FormatNumber keep grid values readable in every output.
///
///   const parley::Issue& price = *c.FindIssue("price");  // 90000..150000, step 1000
///   const std::uint64_t n = price.ValueCount();           // 61
///   const double third = price.GridValue(2);              // 92000
///   const auto [k, on_grid] = price.NearestIndex(95200);  // 5, false

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace parley {

/// The two kinds of issue (CASE_FORMAT.md, `issues[].kind`).
enum class IssueKind { kNumber, kOptions };

/// The largest number of grid points a number issue may have: 2^53, so that every grid index
/// and every grid value is exact in a double. A finer grid is an input error.
inline constexpr std::uint64_t kMaxGridPoints = std::uint64_t{1} << 53;

/// One thing under negotiation.
///
/// A number issue takes the grid values `lo, lo + step, lo + 2 step, ...` up to `hi` (included
/// when it lies on the grid, within a relative 1e-9). The grid is never materialised: its size
/// and its k-th value are computed in O(1), so a grid of 10^12 points costs nothing.
/// An options issue takes one of its `options`, which are distinct non-empty strings.
struct Issue {
  std::string id;    ///< [a-z0-9_-]+, unique across the case
  std::string name;  ///< display name; may be empty (then the id is shown)
  IssueKind kind = IssueKind::kOptions;
  std::string description;
  std::string unit;  ///< optional unit of a number issue ("USD", "days"); display only
  double lo = 0;     ///< number issues: lower end of the range
  double hi = 0;     ///< number issues: upper end of the range (>= lo)
  double step = 1;   ///< number issues: grid step (> 0)
  std::vector<std::string> options;  ///< options issues: the choices, in file order

  /// Number of values this issue can take. For number issues floor((hi-lo)/step + 1e-9) + 1,
  /// capped: returns 0 if that exceeds kMaxGridPoints or is not finite (invalid issue). O(1).
  std::uint64_t ValueCount() const;
  /// The k-th grid value of a number issue, `min(hi, lo + k * step)`. O(1).
  double NumberAt(std::uint64_t k) const;
  /// NumberAt(k) snapped to the decimals the grid is written with (those of `lo` and `step`,
  /// when at most 12), so floating-point residue never reaches a person or an export: for lo 0.1
  /// and step 0.05, GridValue(1) is 0.15, not 0.15000000000000002. O(1).
  double GridValue(std::uint64_t k) const;
  /// The grid index of a number issue nearest to `x`, and whether `x` lies on the grid
  /// (within 1e-9 of a step). x outside [lo, hi] (beyond that tolerance) is not on the grid.
  std::pair<std::uint64_t, bool> NearestIndex(double x) const;
  /// Index of an option, or -1.
  int OptionIndex(const std::string& option) const;
  /// name if set, else id.
  const std::string& DisplayName() const { return name.empty() ? id : name; }

  friend bool operator==(const Issue&, const Issue&) = default;
};

/// The value one issue takes in a package: a number for number issues, an option for options
/// issues.
using IssueValue = std::variant<double, std::string>;

/// A possibly partial package of terms: issue id -> value, in the order written.
using Package = std::vector<std::pair<std::string, IssueValue>>;

/// Short text of a value: shortest round-trip decimal for numbers, the option for options.
std::string FormatIssueValue(const IssueValue& value);

/// Shortest decimal text that reads back to the same double ("95000", "100000", "0.1", "1e+20"):
/// plain notation for magnitudes in [1e-4, 1e16), scientific outside.
std::string FormatNumber(double x);

}  // namespace parley
