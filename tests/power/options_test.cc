// Tests of the power options' validation: every documented bound, on both sides.
#include "parley/power/options.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "parley/core/error.h"

namespace parley::power {
namespace {

bool Valid(const std::function<void(PowerOptions&)>& edit) {
  PowerOptions o;
  edit(o);
  try {
    ValidateOptions(o);
    return true;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage) << e.what();
    return false;
  }
}

TEST(OptionsTest, DefaultsAreValid) {
  const PowerOptions o;
  EXPECT_NO_THROW(ValidateOptions(o));
  EXPECT_EQ(o.as, "");
  EXPECT_EQ(o.seed, 1u);
  EXPECT_EQ(o.samples, 10'000u);
  EXPECT_EQ(o.unscored_score, 2.5);
  EXPECT_EQ(o.power_band, 0.3);
  EXPECT_EQ(o.base_rate, 0.001);
  EXPECT_EQ(o.deadline_weight, 0.5);
  EXPECT_EQ(o.today, "");
  EXPECT_EQ(o.perception_threshold, 0.5);
  EXPECT_FALSE(o.batna_step.has_value());
  EXPECT_EQ(o.deadline_step_weeks, 2);
  EXPECT_EQ(o.delay_cost_cut, 0.5);
  EXPECT_EQ(o.price_only_share, 0.85);
}

TEST(OptionsTest, Bounds) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.samples = 1'000'000; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.samples = 1'000'001; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.samples = 0; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.unscored_score = 0; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.unscored_score = 5; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.unscored_score = 5.01; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.unscored_score = -0.01; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.power_band = 0; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.power_band = 1; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.power_band = 1.01; }));
  EXPECT_FALSE(Valid([nan](PowerOptions& o) { o.power_band = nan; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.base_rate = 0; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.base_rate = -1e-9; }));
  EXPECT_FALSE(Valid([inf](PowerOptions& o) { o.base_rate = inf; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.deadline_weight = 0; }));
  EXPECT_FALSE(Valid([nan](PowerOptions& o) { o.deadline_weight = nan; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.today = "2024-02-29"; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.today = "2026-02-30"; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.today = "2026-13-01"; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.today = "2026-1-01"; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.perception_threshold = 0; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.perception_threshold = -0.5; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.batna_step = 0.01; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.batna_step = 0; }));
  EXPECT_FALSE(Valid([inf](PowerOptions& o) { o.batna_step = inf; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.deadline_step_weeks = 0; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.deadline_step_weeks = 520; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.deadline_step_weeks = 521; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.delay_cost_cut = 1; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.delay_cost_cut = 0; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.delay_cost_cut = 1.5; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.price_only_share = 0; }));
  EXPECT_TRUE(Valid([](PowerOptions& o) { o.price_only_share = 1; }));
  EXPECT_FALSE(Valid([](PowerOptions& o) { o.price_only_share = 1.1; }));
}

TEST(OptionsTest, MessageNamesTheOption) {
  PowerOptions o;
  o.today = "2026-02-30";
  try {
    ValidateOptions(o);
    FAIL() << "expected Error(kUsage)";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "'2026-02-30' is not a date; write YYYY-MM-DD");
  }
}

}  // namespace
}  // namespace parley::power
