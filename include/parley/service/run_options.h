#pragma once

/// The options of the analysing commands, read once for every face: the CLI fills RunOptions
/// from its flags (apps/cli), the server from a request's query parameters through
/// ParseRunOptions, with the same checks and the same messages ("--seed: must be a whole number
/// from 0 to 2^64-1, not '-1'"). docs/serve.md lists which command takes which option.
///
///   const parley::service::ParsedRunOptions p =
///       parley::service::ParseRunOptions("power", {{"seed", "7"}, {"as", "acme"}});
///   // p.problems empty; p.options.model.seed == 7, p.options.model.as == "acme"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/plan/plan_options.h"
#include "parley/power/options.h"

namespace parley::service {

/// A command's options as text, keyed by the long option name without its dashes
/// ({"seed", "7"}, {"power-band", "0.2"}, {"offer", "price=120000,term=1y"}).
using OptionMap = std::map<std::string, std::string, std::less<>>;

/// The options of the commands that play negotiations (simulate, rehearse), with the CLI's
/// defaults.
struct PlayOptions {
  std::string us;              ///< simulate --us (required)
  std::string them;            ///< simulate --them (required); rehearse --them, comma-separated
  std::uint64_t rounds = 100;  ///< --rounds
  std::uint64_t seed = 1;      ///< --seed of every draw of every strategy
  double discount = 1;         ///< simulate --discount
  std::size_t samples = 600;   ///< rehearse --samples
  int threads = 0;             ///< rehearse --threads (the CLI's only); 0: every core
};

/// Every option of every analysing command, with the CLI's defaults. A command reads only its
/// own (docs/cli.md).
struct RunOptions {
  power::PowerOptions model;  ///< --as --seed --samples --today (power, review; frontier: seed)
  double batna_step = 0;      ///< power --batna-step; 0: the model's default
  plan::PlanOptions plan;     ///< plan: --meso --steps, and its own --as --seed --samples --today
  std::size_t rows = 40;      ///< frontier --rows (text only; JSON lists every row)
  std::vector<std::pair<std::string, double>> weights;     ///< frontier --weights
  std::vector<std::pair<std::string, std::string>> terms;  ///< evaluate --offer, review --outcome
  std::string svg;   ///< frontier, power, stakeholders, simulate: the chart file the CLI wrote
  PlayOptions play;  ///< simulate, rehearse
  /// When set and true, a rehearsal skips the samples it has not started (its answer is then
  /// meaningless and must be dropped): how the server stops work past its time limit.
  const std::atomic<bool>* stop = nullptr;
};

/// RunOptions read from text, with every problem found (all at once), each as the CLI says it
/// after "parley: error: ". `usage` problems are the caller's (exit 2, HTTP 400).
struct ParsedRunOptions {
  RunOptions options;
  std::vector<std::string> problems;
};

/// Reads `command`'s options from `text`: unknown options, malformed numbers, numbers out of
/// range, malformed terms and unknown strategies are problems; a required option (evaluate's
/// offer, review's outcome, simulate's us and them) that is missing is one too. Never throws for
/// bad input. O(total text length).
ParsedRunOptions ParseRunOptions(std::string_view command, const OptionMap& text);

/// "" when `text` is a whole number in lo..hi (no sign, no wrap-around past 2^64 - 1), else
/// "must be a whole number from RANGE, not 'TEXT'". `range` is the range as a person reads it.
std::string WholeNumberProblem(std::string_view text, std::uint64_t lo, std::uint64_t hi,
                               const std::string& range);

/// "" when `text` is a finite decimal number in lo..hi, else "must be a number from RANGE, not
/// 'TEXT'".
std::string NumberProblem(std::string_view text, double lo, double hi, const std::string& range);

/// "" unless `text` is empty: "must name WHAT, not be empty".
std::string EmptyProblem(std::string_view text, const std::string& what);

/// Reads `--weights` terms (party=weight) as numbers; appends "--weights: 'x' is not a number"
/// to `problems` for each that is not one.
std::vector<std::pair<std::string, double>> ReadWeights(
    const std::vector<std::pair<std::string, std::string>>& terms,
    std::vector<std::string>& problems);

}  // namespace parley::service
