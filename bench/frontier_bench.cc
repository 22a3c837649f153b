// Pareto frontier timings (Google Benchmark) on seeded random additive domains (issues x values)
// and on the GENIUS corpus: the additive method (ComputeFrontier), the four bargaining solutions
// on its frontier (analysis::Solve), and the enumeration path (EnumerateFrontier) where the
// space has at most 10^7 outcomes.
//
// Random domains (bench_domains.h): two money-form parties, `issues` options issues of 10
// options; party b's values correlated with, independent of, or anti-correlated with party a's
// (anti-correlated frontiers are the large ones). Corpus domains come from
// shared/data/genius/index.json through parley::io; they are left out when it is absent
// (PARLEY_SHARED_DIR overrides the configured folder).
//
// Peak memory is measured per process by bench/compare_frontier.py with frontier_probe.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bench_domains.h"
#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/core/outcome_space.h"

namespace {

using parley::bench::Correlation;

constexpr std::uint64_t kMaxEnumeration = 10'000'000;

constexpr parley::analysis::SolutionRule kRules[] = {
    parley::analysis::SolutionRule::kNash, parley::analysis::SolutionRule::kKalaiSmorodinsky,
    parley::analysis::SolutionRule::kEgalitarian, parley::analysis::SolutionRule::kUtilitarian};

void SetOutcomeCounters(benchmark::State& state, const parley::Case& c, std::size_t points) {
  const parley::OutcomeSpace space(c.issues);
  // log10: Google Benchmark's SI formatting stops at 10^24.
  state.counters["log10_outcomes"] = std::log10(space.Size().ToDouble());
  state.counters["points"] = static_cast<double>(points);
}

void FrontierBench(benchmark::State& state, std::shared_ptr<const parley::Case> c) {
  std::size_t points = 0;
  try {
    for (auto _ : state) {
      const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(*c);
      points = f.points.size();
      benchmark::DoNotOptimize(points);
    }
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  SetOutcomeCounters(state, *c, points);
}

void SolveBench(benchmark::State& state, std::shared_ptr<const parley::Case> c) {
  parley::analysis::Frontier f;
  try {
    f = parley::analysis::ComputeFrontier(*c);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  for (auto _ : state) {
    std::size_t chosen = 0;
    for (parley::analysis::SolutionRule rule : kRules) {
      chosen += parley::analysis::Solve(f, rule).points.size();
    }
    benchmark::DoNotOptimize(chosen);
  }
  SetOutcomeCounters(state, *c, f.points.size());
}

void EnumerateBench(benchmark::State& state, std::shared_ptr<const parley::Case> c) {
  std::size_t points = 0;
  parley::analysis::FrontierOptions options;
  options.max_enumeration = kMaxEnumeration;
  try {
    for (auto _ : state) {
      const parley::analysis::Frontier f = parley::analysis::EnumerateFrontier(*c, options);
      points = f.points.size();
      benchmark::DoNotOptimize(points);
    }
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  SetOutcomeCounters(state, *c, points);
  const double outcomes = parley::OutcomeSpace(c->issues).Size().ToDouble();
  state.counters["outcomes/s"] = benchmark::Counter(
      outcomes * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

bool Enumerable(const parley::Case& c) {
  const std::optional<std::uint64_t> n = parley::OutcomeSpace(c.issues).Size64();
  return n.has_value() && *n <= kMaxEnumeration;
}

void Register(const std::string& name, std::shared_ptr<const parley::Case> c) {
  benchmark::RegisterBenchmark(("ComputeFrontier/" + name).c_str(), FrontierBench, c)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(("Solve4/" + name).c_str(), SolveBench, c)
      ->Unit(benchmark::kMicrosecond);
  if (Enumerable(*c)) {
    benchmark::RegisterBenchmark(("EnumerateFrontier/" + name).c_str(), EnumerateBench, c)
        ->Unit(benchmark::kMillisecond);
  }
}

void RegisterAll() {
  for (int issues : {5, 6, 7, 10, 30}) {
    for (Correlation corr :
         {Correlation::kCorrelated, Correlation::kIndependent, Correlation::kAntiCorrelated}) {
      Register("random:" + std::to_string(issues) + "x10:" + parley::bench::CorrelationName(corr),
               std::make_shared<const parley::Case>(parley::bench::RandomDomain(issues, 10, corr)));
    }
  }
  // Three and four parties splitting every option (large frontiers, no cap since issue 13).
  for (const auto& [parties, issues] :
       {std::pair{3, 5}, std::pair{3, 6}, std::pair{4, 4}, std::pair{4, 5}}) {
    Register("split:" + std::to_string(parties) + "p:" + std::to_string(issues) + "x10",
             std::make_shared<const parley::Case>(parley::bench::SplitDomain(parties, issues, 10)));
  }
  // Fine grids are normal input (issue 12): amounts in whole units. The hiring offer's salary
  // and signing bonus lie on one line (folded as one step), 10,001 x 30,001 combinations.
  for (const char* name : {"sales-renewal", "hiring-offer"}) {
    try {
      Register(std::string("fine:") + name + "-step1",
               std::make_shared<const parley::Case>(parley::bench::LoadFineExample(name)));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skipping fine:%s: %s\n", name, e.what());
    }
  }
  for (const parley::bench::CorpusEntry& entry : parley::bench::CorpusEntries()) {
    try {
      Register("corpus:" + entry.name,
               std::make_shared<const parley::Case>(parley::bench::LoadCorpusCase(entry)));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skipping corpus:%s: %s\n", entry.name.c_str(), e.what());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
