#pragma once

// The support-renewal case, small enough to work out by hand, for the report tests.

#include "parley/core/case.h"
#include "testing/case_builders.h"

namespace parley::report {

/// Seller a and buyer b over price 100,000..130,000 step 10,000 and support standard | premium;
/// premium costs a 5,000 and is worth 15,000 to b. Walk-aways: a 105,000, b `b_batna`. a's
/// values run 95,000..130,000 (scale 35,000), b's -130,000..-85,000 (scale 45,000).
inline Case SupportCase(double b_batna = -125000) {
  Case c = testing::TwoMoneyParties(
      {testing::NumberIssue("price", 100000, 130000, 10000),
       testing::OptionsIssue("support", {"standard", "premium"})},
      {testing::Term("price", LinearValue{1}),
       testing::Term("support", testing::Table({{"standard", 0}, {"premium", -5000}}))},
      {testing::Term("price", LinearValue{-1}),
       testing::Term("support", testing::Table({{"standard", 0}, {"premium", 15000}}))});
  c.title = "Support renewal";
  c.parties[0].batna = testing::MoneyBatna(105000);
  c.parties[1].batna = testing::MoneyBatna(b_batna);
  return c;
}

}  // namespace parley::report
