// Tests of FiguresInRange: the figures a claim states for a number issue.
#include "parley/core/evidence_figures.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace parley {
namespace {

TEST(EvidenceFiguresTest, ReadsARangeWithDecimals) {
  EXPECT_EQ(FiguresInRange("Contract warehousing in the region runs 17.00-19.50 EUR per "
                           "pallet-month (Regional 3PL rate survey 2026)",
                           14, 22),
            (std::vector<double>{17.0, 19.5}));
}

TEST(EvidenceFiguresTest, ReadsThousandsSuffixesAndSeparators) {
  EXPECT_EQ(FiguresInRange("median base of 134k (75th percentile 143K), offers up to 150,000",
                           100000, 160000),
            (std::vector<double>{134000, 143000, 150000}));
  EXPECT_EQ(FiguresInRange("a budget of 1.2m a year", 1e6, 2e6), (std::vector<double>{1.2e6}));
}

TEST(EvidenceFiguresTest, LeavesOutWhatIsNotAFigureOfTheIssue) {
  // Outside the range (a year, a percentile), inside a word (Q4, 3rd), or a unit (5 km).
  EXPECT_TRUE(FiguresInRange("Q4 2026, the 3rd survey, 75th percentile", 100, 1000).empty());
  // A bare year is no figure, even inside the range; a percentage only for a percent issue.
  EXPECT_TRUE(FiguresInRange("led the 2025 migration", 0, 5000).empty());
  EXPECT_EQ(FiguresInRange("paid 2,025 in fees", 0, 5000), (std::vector<double>{2025}));
  EXPECT_TRUE(FiguresInRange("paid the partner 20-35% of revenue", 0, 100).empty());
  EXPECT_TRUE(FiguresInRange("a 10% margin", 0, 100).empty());
  EXPECT_EQ(FiguresInRange("paid the partner 20-35% of revenue", 0, 100, true),
            (std::vector<double>{20, 35}));
  EXPECT_TRUE(FiguresInRange("within 5km of the site", 1000, 10000).empty());
  // A comma that is not a thousands separator separates two figures.
  EXPECT_EQ(FiguresInRange("quotes of 12,5 and 13", 1, 20), (std::vector<double>{12, 5, 13}));
}

// A hostile claim of a thousand digits neither throws nor yields a figure.
TEST(EvidenceFiguresTest, AHugeNumberIsNoFigureAndNoError) {
  EXPECT_TRUE(FiguresInRange("priced at " + std::string(1000, '9') + " a year", 0, 1e12).empty());
  // Only the claim's first kClaimWindow characters are read, and at most kMaxFigures numbers.
  EXPECT_TRUE(FiguresInRange(std::string(kClaimWindow, ' ') + "priced at 500", 0, 1000).empty());
  std::string many;
  for (int k = 0; k < 100; ++k) many += "10 ";
  EXPECT_EQ(ReadFigures(many).size(), kMaxFigures);
}

// Any number written plainly into a sentence is read back exactly when it lies in the range.
RC_GTEST_PROP(EvidenceFiguresTest, APlainNumberInASentenceIsReadBack, ()) {
  const auto whole = *rc::gen::inRange<long>(0, 10000000);
  const auto cents = *rc::gen::inRange<int>(0, 100);
  const double x = static_cast<double>(whole) + cents / 100.0;
  const std::string written =
      std::to_string(whole) + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
  const std::vector<double> in = FiguresInRange("the rate is " + written + " per unit", 0, 1e8);
  RC_ASSERT(in.size() == 1u);
  RC_ASSERT(in[0] == std::stod(written));
  RC_ASSERT(std::abs(in[0] - x) < 1e-6);
  RC_ASSERT(FiguresInRange("the rate is " + written + " per unit", x + 1, 1e9).empty());
}

}  // namespace
}  // namespace parley
