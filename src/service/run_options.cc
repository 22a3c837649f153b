#include "parley/service/run_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "parley/core/error.h"
#include "parley/io/terms.h"
#include "parley/service/rehearse.h"
#include "parley/sim/strategy_registry.h"

namespace parley::service {

namespace {

// Which options each command takes (docs/cli.md); the server refuses any other.
struct CommandOptions {
  std::string_view command;
  std::set<std::string_view> options;
};

const std::vector<CommandOptions>& OptionTable() {
  static const std::vector<CommandOptions> kTable = {
      {"check", {}},
      {"show", {}},
      {"frontier", {"rows", "weights", "seed"}},
      {"evaluate", {"offer"}},
      {"power", {"as", "seed", "samples", "today", "power-band", "batna-step"}},
      {"plan", {"as", "seed", "samples", "today", "meso", "steps"}},
      {"review", {"outcome", "as", "seed", "samples", "today"}},
      {"next", {"as", "seed", "samples", "today"}},
      {"coalition", {"offer", "as", "seed", "samples", "today"}},
      {"stakeholders", {}},
      {"simulate", {"us", "them", "rounds", "seed", "discount"}},
      {"rehearse", {"them", "samples", "seed", "rounds"}},
  };
  return kTable;
}

// Reads a whole number option into `value`, or appends "--NAME: must be ..." to `problems`.
template <typename T>
void ReadWhole(const OptionMap& text, std::string_view name, std::uint64_t lo, std::uint64_t hi,
               const std::string& range, T& value, std::vector<std::string>& problems) {
  const auto it = text.find(name);
  if (it == text.end()) return;
  const std::string problem = WholeNumberProblem(it->second, lo, hi, range);
  if (!problem.empty()) {
    problems.push_back("--" + std::string(name) + ": " + problem);
    return;
  }
  std::uint64_t x = 0;
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), x);
  value = static_cast<T>(x);
}

void ReadNumber(const OptionMap& text, std::string_view name, double lo, double hi,
                const std::string& range, double& value, std::vector<std::string>& problems) {
  const auto it = text.find(name);
  if (it == text.end()) return;
  const std::string problem = NumberProblem(it->second, lo, hi, range);
  if (!problem.empty()) {
    problems.push_back("--" + std::string(name) + ": " + problem);
    return;
  }
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
}

// --as --seed --samples --today, as AddModelOptions checks them on the command line.
void ReadModel(const OptionMap& text, power::PowerOptions& model,
               std::vector<std::string>& problems) {
  if (const auto it = text.find("as"); it != text.end()) {
    const std::string problem = EmptyProblem(it->second, "a party");
    if (!problem.empty()) problems.push_back("--as: " + problem);
    model.as = it->second;
  }
  ReadWhole(text, "seed", 0, UINT64_MAX, "0 to 2^64-1", model.seed, problems);
  ReadWhole(text, "samples", 0, 1'000'000, "0 to 1,000,000", model.samples, problems);
  if (const auto it = text.find("today"); it != text.end()) model.today = it->second;
}

// The terms of `name` (offer, outcome, weights), "--NAME: ..." problems when malformed.
std::vector<std::pair<std::string, std::string>> ReadTermsOption(
    const OptionMap& text, std::string_view name, const std::string& key,
    std::vector<std::string>& problems) {
  const auto it = text.find(name);
  if (it == text.end()) return {};
  io::ParsedTerms parsed = io::ParseTerms({it->second}, "--" + std::string(name), key);
  problems.insert(problems.end(), parsed.problems.begin(), parsed.problems.end());
  return std::move(parsed.terms);
}

// Appends the registry's message ("strategy 'x': ...", as the CLI prints it) for each spec of
// `specs` it refuses.
void CheckStrategies(const std::vector<std::string>& specs, std::vector<std::string>& problems) {
  for (const std::string& spec : specs) {
    try {
      sim::BuiltinStrategies().Resolve(spec);
    } catch (const Error& e) {
      problems.emplace_back(e.what());
    }
  }
}

// simulate's --us --them --rounds --seed --discount; rehearse's --them --samples --seed --rounds.
void ReadPlay(std::string_view command, const OptionMap& text, PlayOptions& play,
              std::vector<std::string>& problems) {
  ReadWhole(text, "rounds", 1, 1'000'000, "1 to 1,000,000", play.rounds, problems);
  ReadWhole(text, "seed", 0, UINT64_MAX, "0 to 2^64-1", play.seed, problems);
  if (const auto it = text.find("them"); it != text.end()) play.them = it->second;
  if (command == "rehearse") {
    ReadWhole(text, "samples", 1, 1'000'000, "1 to 1,000,000", play.samples, problems);
    CheckStrategies(SplitSpecs(play.them), problems);
    return;
  }
  ReadNumber(text, "discount", 1e-9, 1, "1e-9 to 1", play.discount, problems);
  if (const auto it = text.find("us"); it != text.end()) play.us = it->second;
  for (const std::string_view name : {"us", "them"}) {
    if (!text.contains(name)) {
      problems.push_back("--" + std::string(name) + " is required");
    } else {
      CheckStrategies({name == "us" ? play.us : play.them}, problems);
    }
  }
}

}  // namespace

std::string WholeNumberProblem(std::string_view text, std::uint64_t lo, std::uint64_t hi,
                               const std::string& range) {
  std::uint64_t x = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, x);
  if (ec == std::errc() && stop == end && x >= lo && x <= hi) return "";
  return "must be a whole number from " + range + ", not '" + std::string(text) + "'";
}

std::string NumberProblem(std::string_view text, double lo, double hi, const std::string& range) {
  double x = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, x);
  if (ec == std::errc() && stop == end && std::isfinite(x) && x >= lo && x <= hi) return "";
  return "must be a number from " + range + ", not '" + std::string(text) + "'";
}

std::string EmptyProblem(std::string_view text, const std::string& what) {
  return text.empty() ? "must name " + what + ", not be empty" : "";
}

std::vector<std::pair<std::string, double>> ReadWeights(
    const std::vector<std::pair<std::string, std::string>>& terms,
    std::vector<std::string>& problems) {
  std::vector<std::pair<std::string, double>> weights;
  for (const auto& [party, text] : terms) {
    double w = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), w);
    if (ec != std::errc() || end != text.data() + text.size()) {
      problems.push_back("--weights: '" + text + "' is not a number");
      continue;
    }
    weights.emplace_back(party, w);
  }
  return weights;
}

ParsedRunOptions ParseRunOptions(std::string_view command, const OptionMap& text) {
  ParsedRunOptions parsed;
  const auto& table = OptionTable();
  const auto entry = std::find_if(table.begin(), table.end(),
                                  [&](const CommandOptions& c) { return c.command == command; });
  if (entry == table.end()) {
    parsed.problems.push_back("no command named '" + std::string(command) + "'");
    return parsed;
  }
  for (const auto& [name, value] : text) {
    if (!entry->options.contains(name)) {
      parsed.problems.push_back(std::string(command) + " takes no option --" + name);
    }
  }
  RunOptions& o = parsed.options;
  std::vector<std::string>& problems = parsed.problems;
  if (command == "frontier") {
    ReadWhole(text, "rows", 0, 1'000'000, "0 to 1,000,000", o.rows, problems);
    ReadWhole(text, "seed", 0, UINT64_MAX, "0 to 2^64-1", o.model.seed, problems);
    o.weights = ReadWeights(ReadTermsOption(text, "weights", "party", problems), problems);
  } else if (command == "power" || command == "review") {
    ReadModel(text, o.model, problems);
    ReadNumber(text, "power-band", 0, 1, "0 to 1", o.model.power_band, problems);
    ReadNumber(text, "batna-step", 0, 1e300, "0 to 1e300", o.batna_step, problems);
  } else if (command == "simulate" || command == "rehearse") {
    ReadPlay(command, text, o.play, problems);
  } else if (command == "next") {
    ReadModel(text, o.plan.power, problems);
  } else if (command == "coalition") {
    ReadModel(text, o.model, problems);
    if (text.contains("offer")) o.terms = ReadTermsOption(text, "offer", "issue", problems);
  } else if (command == "plan") {
    ReadModel(text, o.plan.power, problems);
    ReadWhole(text, "meso", 2, 4, "2 to 4", o.plan.meso.count, problems);
    ReadWhole(text, "steps", 1, 8, "1 to 8", o.plan.concessions.max_steps, problems);
  }
  const std::string_view terms = command == "evaluate" ? "offer" : "outcome";
  if (command == "evaluate" || command == "review") {
    if (!text.contains(terms)) {
      problems.push_back("--" + std::string(terms) + " is required");
    } else {
      o.terms = ReadTermsOption(text, terms, "issue", problems);
    }
  }
  return parsed;
}

}  // namespace parley::service
