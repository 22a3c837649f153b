#pragma once

/// Every parameter of the power model in one struct, PowerOptions, with its documented default,
/// and ValidateOptions, which AnalysePower runs first. The commands fill it from --as, --seed,
/// --samples and --today (`parley power` also from --power-band and --batna-step);
/// docs/power-model.md explains each parameter and every report prints the values used.
///
///   parley::power::PowerOptions options;
///   options.as = "acme";   // Acme's chair; empty means the `us` party
///   options.samples = 0;   // the point estimate only, no draws
///   parley::power::ValidateOptions(options);  // throws Error(kUsage) when out of range

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace parley::power {

/// Every parameter of Parley's power model, with its default. docs/power-model.md explains each
/// one, where it comes from and what it assumes; every report prints the values used.
struct PowerOptions {
  /// The party whose chair the analysis takes (role reversal); empty means the `us` party.
  std::string as;
  /// Seed of every random draw (the sampled uncertain inputs). Printed with the result.
  std::uint64_t seed = 1;
  /// Draws of the uncertain inputs (BATNA ranges). 0 analyses the point estimate only.
  std::size_t samples = 10'000;

  /// Score assumed for a source a party was not scored on (0..5): the middle of the scale,
  /// "no information either way". Such scores are marked unscored, never counted as evidence.
  double unscored_score = 2.5;
  /// How far the six-source balance may move a party's bargaining weight away from its
  /// patience weight, in [0, 1]: weight = (1 - band) x patience weight + band x balance.
  double power_band = 0.3;
  /// Impatience every party has even with no stated cost of delay, per week (time value of
  /// money, about 5% a year).
  double base_rate = 0.001;
  /// How much of the stake a dated deadline puts at risk: a deadline H weeks away adds
  /// deadline_weight / max(1, H) to the party's impatience per week.
  double deadline_weight = 0.5;
  /// The range, in weeks from the analysis date, over which a party's unknown deadline is drawn
  /// uniformly (a party that states no deadline date and not `deadline: none`): two weeks to six
  /// months, the span of most commercial negotiations. lo >= 1, hi >= lo.
  std::pair<double, double> unknown_deadline_weeks{2, 26};
  /// The date the analysis is made, YYYY-MM-DD; empty means the case's latest dated fact
  /// (evidence or concession dates). Deadlines are counted in weeks from it.
  std::string today;
  /// A gap between felt and assessed power (0..5 scale) at least this large is reported.
  double perception_threshold = 0.5;
  /// Size of the BATNA levers (improve ours, weaken theirs), in each party's value units; unset
  /// means 5% of the party's value range (its best deal minus its worst).
  std::optional<double> batna_step;
  /// How many weeks later the "move our deadline" lever puts our deadline.
  double deadline_step_weeks = 2;
  /// Share of our cost of delay the "lower our cost of delay" lever removes, in (0, 1].
  double delay_cost_cut = 0.5;
  /// One issue carrying at least this share of the joint value range is a `price-only` case.
  double price_only_share = 0.85;
};

/// Throws Error(kUsage) naming the first option out of its documented range (samples at most
/// 1,000,000; power_band and price_only_share in [0, 1]; delay_cost_cut in (0, 1]; rates and
/// weights finite and >= 0; batna_step finite and > 0; today a valid YYYY-MM-DD).
void ValidateOptions(const PowerOptions& options);

}  // namespace parley::power
