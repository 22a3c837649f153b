#pragma once

/// Where the deal lands (docs/power-model.md, "The predicted deal" and "Uncertainty"): the
/// weighted Nash solution on the frontier, with the leverage weights and the BATNAs as the
/// disagreement point; when a BATNA is a range, seeded draws of the reservation values give the
/// chance of a ZOPA, the chair's expected value, its percentiles and each issue's frequencies.
/// Same seed, same result. O(samples x frontier points x parties).
///
///   const parley::power::Prediction p =  // f = ComputeFrontier(c), leverage = ComputeLeverage
///       parley::power::PredictDeal(c, f, leverage, "acme", options);
///   if (!p.deal) std::cout << "no ZOPA at the point estimate\n";
///   std::cout << p.zopa_probability << ' ' << p.expected_value << '\n';

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/power/leverage.h"
#include "parley/power/options.h"

namespace parley::power {

/// The deal the model predicts at one disagreement point: the weighted Nash solution
/// (analysis::SolutionRule::kWeightedNash) on the frontier with the leverage weights.
struct PredictedDeal {
  std::size_t point = 0;  ///< index into Frontier::points (the first of tied points)
  std::size_t ties = 1;   ///< how many frontier points attain the optimum
  Outcome outcome;
  /// Per party that states values (Frontier::parties order): utility, value (money or utility),
  /// gain over the reservation value (value units) and share of the surplus: gain_i / sum of the
  /// gains, in money when every party states money values (share_in_money), else in utility.
  std::vector<double> utility, value, gain, share;
  bool share_in_money = false;
};

/// The 5th, 25th, 50th, 75th and 95th percentiles (nearest rank: the ceil(p N / 100)-th smallest
/// of N) and the mean of a sample.
struct Percentiles {
  double p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0, mean = 0;
};

/// How often each value of one issue appears in the predicted deal over the samples with a deal:
/// (value text, share), options in option order, numbers ascending; values never predicted are
/// left out.
struct IssueFrequency {
  std::string issue;
  std::vector<std::pair<std::string, double>> values;
};

/// An input the case states as a range and the model samples uniformly.
struct UncertainInput {
  std::string party;
  /// "batna.range" (lo and hi in the party's value units) or "deadline.weeks" (an unknown
  /// deadline: lo and hi in weeks from the analysis date)
  std::string field;
  double lo = 0, hi = 0;
};

/// The predicted deal, at the point estimate and over the sampled uncertain inputs.
struct Prediction {
  std::vector<std::string> parties;  ///< parties that state values, case order
  std::vector<double> weights;       ///< the leverage weights
  std::vector<double> disagreement;  ///< at the point estimate (midpoints of ranges)
  /// At the point estimate; unset when no frontier point is acceptable to every party (no ZOPA).
  std::optional<PredictedDeal> deal;

  std::string perspective;  ///< whose value is summarised below
  std::vector<UncertainInput> uncertain;
  std::uint64_t seed = 0;
  /// Draws made: options.samples when some input is uncertain, else 0 (the point estimate is
  /// then exact and the figures below describe it).
  std::size_t samples = 0;
  double zopa_probability = 0;  ///< share of draws where some deal is acceptable to every party
  /// The perspective's expected result: its value in the predicted deal, or its reservation value
  /// when no deal is acceptable (it walks away to its BATNA).
  double expected_value = 0;
  /// The perspective's value over the draws with a deal; unset when no draw has one.
  std::optional<Percentiles> value;
  std::vector<IssueFrequency> frequencies;  ///< one per issue, case order
};

/// What the draws of `pr` sample, for a sentence: "uncertain BATNAs", "unknown deadlines",
/// "uncertain BATNAs and unknown deadlines", or "" when nothing is uncertain.
std::string DrawnInputs(const Prediction& pr);

/// Predicts the deal of `c` (valid, two or more parties state values, `perspective` among them)
/// on `frontier` = ComputeFrontier(c) with `leverage` = ComputeLeverage(...). Each draw takes
/// every party's reservation value uniformly in its range (std::mt19937_64 seeded with
/// options.seed, one 53-bit uniform per party per draw, in case order) and solves the weighted
/// Nash problem on the frontier. Same seed, same result. Throws Error(kUsage) when `perspective`
/// states no values, and Error(kLimit) before drawing when three or more parties would score
/// more than 10^8 frontier points over the draws (samples x points). O(samples x frontier points
/// x parties).
Prediction PredictDeal(const Case& c, const analysis::Frontier& frontier, const Leverage& leverage,
                       const std::string& perspective, const PowerOptions& options);

}  // namespace parley::power
