// Tests of Issue: grid size and values computed in O(1), nearest grid index, number formatting.
#include "parley/core/issue.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "testing/special_values.h"

namespace parley {
namespace {

Issue Number(double lo, double hi, double step) {
  Issue issue;
  issue.id = "x";
  issue.kind = IssueKind::kNumber;
  issue.lo = lo;
  issue.hi = hi;
  issue.step = step;
  return issue;
}

Issue Options(std::vector<std::string> options) {
  Issue issue;
  issue.id = "o";
  issue.kind = IssueKind::kOptions;
  issue.options = std::move(options);
  return issue;
}

using testing::kInf;
using testing::kNaN;

TEST(IssueTest, ValueCountOfNumberGrids) {
  EXPECT_EQ(Number(90000, 150000, 1000).ValueCount(), 61u);
  EXPECT_EQ(Number(0, 10, 3).ValueCount(), 4u);  // 0, 3, 6, 9
  EXPECT_EQ(Number(10, 40, 1.5).ValueCount(), 21u);
  EXPECT_EQ(Number(5, 5, 1).ValueCount(), 1u);    // a single point
  EXPECT_EQ(Number(0, 0.5, 1).ValueCount(), 1u);  // step wider than the range
  EXPECT_EQ(Number(-10, 10, 0.5).ValueCount(), 41u);
  // 0.3 / 0.1 is 2.9999999999999996 in doubles: the tolerance keeps 0.3 on the grid.
  EXPECT_EQ(Number(0, 0.3, 0.1).ValueCount(), 4u);
  EXPECT_EQ(Number(0, 1, 0.1).ValueCount(), 11u);
}

TEST(IssueTest, ValueCountOfHugeGridIsExactAndInstant) {
  const Issue trillion = Number(0, 1e12, 1);
  EXPECT_EQ(trillion.ValueCount(), 1000000000001u);
  EXPECT_EQ(trillion.NumberAt(0), 0);
  EXPECT_EQ(trillion.NumberAt(123456789012u), 123456789012.0);
  EXPECT_EQ(trillion.NumberAt(1000000000000u), 1e12);
  EXPECT_EQ(trillion.NearestIndex(987654321098.0),
            std::make_pair(std::uint64_t{987654321098u}, true));
  // The largest allowed grid: exactly kMaxGridPoints points.
  const double max_hi = static_cast<double>(kMaxGridPoints - 1);
  EXPECT_EQ(Number(0, max_hi, 1).ValueCount(), kMaxGridPoints);
  // One point more is too fine.
  EXPECT_EQ(Number(0, static_cast<double>(kMaxGridPoints), 1).ValueCount(), 0u);
}

TEST(IssueTest, ValueCountIsZeroForInvalidGrids) {
  EXPECT_EQ(Number(0, 1, 1e-300).ValueCount(), 0u);  // step too small: more than 2^53 points
  EXPECT_EQ(Number(0, 1e300, 1).ValueCount(), 0u);
  EXPECT_EQ(Number(0, 10, 0).ValueCount(), 0u);
  EXPECT_EQ(Number(0, 10, -1).ValueCount(), 0u);
  EXPECT_EQ(Number(10, 1, 1).ValueCount(), 0u);  // reversed range
  EXPECT_EQ(Number(kNaN, 1, 1).ValueCount(), 0u);
  EXPECT_EQ(Number(0, kNaN, 1).ValueCount(), 0u);
  EXPECT_EQ(Number(0, 1, kNaN).ValueCount(), 0u);
  EXPECT_EQ(Number(0, kInf, 1).ValueCount(), 0u);
  EXPECT_EQ(Number(-kInf, 0, 1).ValueCount(), 0u);
  EXPECT_EQ(Number(0, 1, kInf).ValueCount(), 0u);
  EXPECT_EQ(Number(-1e308, 1e308, 1e-10).ValueCount(), 0u);  // (hi - lo) overflows to inf
}

TEST(IssueTest, ValueCountOfOptions) {
  EXPECT_EQ(Options({"a", "b", "c"}).ValueCount(), 3u);
  EXPECT_EQ(Options({}).ValueCount(), 0u);
}

TEST(IssueTest, NumberAtWalksTheGridAndClampsToHi) {
  const Issue issue = Number(0, 10, 3);
  EXPECT_EQ(issue.NumberAt(0), 0);
  EXPECT_EQ(issue.NumberAt(1), 3);
  EXPECT_EQ(issue.NumberAt(2), 6);
  EXPECT_EQ(issue.NumberAt(3), 9);
  EXPECT_EQ(issue.NumberAt(4), 10);  // beyond the grid: min(hi, 12)
  EXPECT_EQ(issue.NumberAt(1000), 10);
  const Issue tenths = Number(0, 0.3, 0.1);
  EXPECT_EQ(tenths.NumberAt(3), 0.3);  // 3 * 0.1 = 0.30000000000000004, clamped to hi
  const Issue halves = Number(10, 40, 1.5);
  EXPECT_EQ(halves.NumberAt(20), 40);
  EXPECT_EQ(halves.NumberAt(7), 20.5);
}

TEST(IssueTest, NearestIndexOnAndOffTheGrid) {
  const Issue issue = Number(0, 10, 3);
  using R = std::pair<std::uint64_t, bool>;
  EXPECT_EQ(issue.NearestIndex(0), R(0, true));
  EXPECT_EQ(issue.NearestIndex(6), R(2, true));
  EXPECT_EQ(issue.NearestIndex(9), R(3, true));
  EXPECT_EQ(issue.NearestIndex(7), R(2, false));
  EXPECT_EQ(issue.NearestIndex(7.6), R(3, false));
  EXPECT_EQ(issue.NearestIndex(10), R(3, false));  // hi itself is off this grid
  EXPECT_EQ(issue.NearestIndex(-1), R(0, false));
  EXPECT_EQ(issue.NearestIndex(-1000), R(0, false));
  EXPECT_EQ(issue.NearestIndex(1000), R(3, false));
  EXPECT_EQ(issue.NearestIndex(kNaN), R(0, false));
  EXPECT_EQ(issue.NearestIndex(kInf), R(0, false));
  // Within the tolerance of a grid point counts as on it.
  EXPECT_EQ(issue.NearestIndex(6 + 1e-12), R(2, true));
  EXPECT_EQ(issue.NearestIndex(-1e-12), R(0, true));
  // Decimal steps: 0.3 and 0.7 are on the 0.1 grid even though 3 * 0.1 != 0.3 in doubles.
  const Issue tenths = Number(0, 1, 0.1);
  EXPECT_EQ(tenths.NearestIndex(0.3), R(3, true));
  EXPECT_EQ(tenths.NearestIndex(0.7), R(7, true));
  EXPECT_EQ(tenths.NearestIndex(1.0), R(10, true));
  EXPECT_EQ(tenths.NearestIndex(0.36), R(4, false));
  EXPECT_EQ(tenths.NearestIndex(0.34), R(3, false));
  // An invalid issue has no grid.
  EXPECT_EQ(Number(0, 10, 0).NearestIndex(5), R(0, false));
}

RC_GTEST_PROP(IssueTest, GridValuesAreFoundAgain, ()) {
  const double step = *rc::gen::element(0.25, 0.5, 1.0, 1.5, 3.0, 1000.0, 0.1, 0.01, 7.0);
  const double lo = *rc::gen::inRange(-100000, 100000) * (step < 1 ? 1.0 : step);
  const std::uint64_t n = *rc::gen::inRange<std::uint64_t>(1, 2000);
  const double hi = lo + static_cast<double>(n - 1) * step;
  const Issue issue = Number(lo, hi, step);
  RC_ASSERT(issue.ValueCount() == n);
  const std::uint64_t k = *rc::gen::inRange<std::uint64_t>(0, n);
  const double x = issue.NumberAt(k);
  RC_ASSERT(x >= lo);
  RC_ASSERT(x <= hi);
  RC_ASSERT(issue.NearestIndex(x) == std::make_pair(k, true));
  // Halfway between two grid points is off the grid.
  if (k + 1 < n) {
    const auto [near, on] = issue.NearestIndex(x + step / 2);
    RC_ASSERT(!on);
    RC_ASSERT(near == k || near == k + 1);
  }
}

TEST(IssueTest, OptionIndexAndDisplayName) {
  Issue issue = Options({"1y", "2y", "3y"});
  EXPECT_EQ(issue.OptionIndex("2y"), 1);
  EXPECT_EQ(issue.OptionIndex("3y"), 2);
  EXPECT_EQ(issue.OptionIndex("4y"), -1);
  EXPECT_EQ(issue.OptionIndex("2Y"), -1);
  EXPECT_EQ(issue.DisplayName(), "o");
  issue.name = "Term";
  EXPECT_EQ(issue.DisplayName(), "Term");
}

TEST(IssueTest, FormatNumberShortestRoundTrip) {
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(95000), "95000");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
  // Plain notation for everyday magnitudes, even where "1e+05" would be as short.
  EXPECT_EQ(FormatNumber(100000), "100000");
  EXPECT_EQ(FormatNumber(-200000), "-200000");
  EXPECT_EQ(FormatNumber(1.5e6), "1500000");
  EXPECT_EQ(FormatNumber(1e15), "1000000000000000");
  EXPECT_EQ(FormatNumber(1e16), "1e+16");
  EXPECT_EQ(FormatNumber(0.0001), "0.0001");
  EXPECT_EQ(FormatNumber(0.00001), "1e-05");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(0.0), "0");
  EXPECT_EQ(FormatNumber(-2.5), "-2.5");
  EXPECT_EQ(FormatNumber(0.30000000000000004), "0.30000000000000004");
  EXPECT_EQ(FormatNumber(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FormatNumber(1e-7), "1e-07");
  EXPECT_EQ(FormatNumber(123456789012.0), "123456789012");
  EXPECT_EQ(FormatNumber(kNaN), "nan");
  EXPECT_EQ(FormatNumber(kInf), "inf");
  EXPECT_EQ(FormatNumber(-kInf), "-inf");
  EXPECT_EQ(FormatIssueValue(IssueValue{95000.0}), "95000");
  EXPECT_EQ(FormatIssueValue(IssueValue{std::string("net30")}), "net30");
}

RC_GTEST_PROP(IssueTest, FormatNumberReadsBackExactly, ()) {
  // Any finite double, from its bit pattern (so subnormals and extremes come up too).
  const auto bits = *rc::gen::arbitrary<std::uint64_t>();
  double x;
  std::memcpy(&x, &bits, sizeof x);
  RC_PRE(std::isfinite(x));
  const std::string text = FormatNumber(x);
  double back = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), back);
  RC_ASSERT(result.ec == std::errc());
  RC_ASSERT(result.ptr == text.data() + text.size());
  RC_ASSERT(back == x);
  // Shortest: the text is never longer than the 17 significant digits of %.17g.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  RC_ASSERT(text.size() <= std::strlen(buf));
}

}  // namespace
}  // namespace parley
