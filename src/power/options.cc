#include "parley/power/options.h"

#include <cmath>
#include <string>

#include "parley/core/error.h"
#include "parley/core/issue.h"
#include "parley/power/leverage.h"

namespace parley::power {
namespace {

void Require(bool ok, const std::string& message) {
  if (!ok) throw Error(ErrorCode::kUsage, message);
}

bool NonNegative(double x) { return std::isfinite(x) && x >= 0; }

}  // namespace

void ValidateOptions(const PowerOptions& o) {
  Require(o.samples <= 1'000'000,
          "samples must be at most 1,000,000, got " + std::to_string(o.samples));
  Require(NonNegative(o.unscored_score) && o.unscored_score <= 5,
          "the unscored score must be in 0..5, got " + FormatNumber(o.unscored_score));
  Require(NonNegative(o.power_band) && o.power_band <= 1,
          "the power band must be in [0, 1], got " + FormatNumber(o.power_band));
  Require(NonNegative(o.base_rate), "the base rate must be a finite number >= 0");
  Require(NonNegative(o.deadline_weight), "the deadline weight must be a finite number >= 0");
  const auto [lo, hi] = o.unknown_deadline_weeks;
  Require(std::isfinite(lo) && std::isfinite(hi) && lo >= 1 && hi >= lo && hi <= 520,
          "the unknown-deadline range must satisfy 1 <= low <= high <= 520 weeks");
  Require(o.today.empty() || DayNumber(o.today).has_value(),
          "'" + o.today + "' is not a date; write YYYY-MM-DD");
  Require(NonNegative(o.perception_threshold),
          "the perception threshold must be a finite number >= 0");
  Require(!o.batna_step || (std::isfinite(*o.batna_step) && *o.batna_step > 0),
          "the BATNA step must be a finite number > 0");
  Require(NonNegative(o.deadline_step_weeks) && o.deadline_step_weeks <= 520,
          "the deadline step must be in 0..520 weeks");
  Require(std::isfinite(o.delay_cost_cut) && o.delay_cost_cut > 0 && o.delay_cost_cut <= 1,
          "the delay cost cut must be in (0, 1], got " + FormatNumber(o.delay_cost_cut));
  Require(NonNegative(o.price_only_share) && o.price_only_share <= 1,
          "the price-only share must be in [0, 1]");
}

}  // namespace parley::power
