// Pareto frontier timings on seeded random additive domains (issues x values): the additive
// method, and the enumeration path where the space has at most 10^7 outcomes.
//
// Domains: two money-form parties, one options issue per issue with `values` options. Party a
// values each option uniformly in [0, 100]; party b correlated (a's value plus noise), or
// anti-correlated (100 minus a's value plus noise), where frontiers are large.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "parley/analysis/frontier.h"
#include "parley/core/case.h"

namespace {

parley::Case RandomDomain(int issues, int values, bool anti, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> base(0, 100), noise(-10, 10);
  parley::Case c;
  c.title = "bench";
  c.parties.resize(2);
  c.parties[0].id = "a";
  c.parties[0].side = parley::Side::kUs;
  c.parties[1].id = "b";
  c.parties[1].side = parley::Side::kThem;
  parley::Preferences pa, pb;
  pa.party = "a";
  pb.party = "b";
  for (int i = 0; i < issues; ++i) {
    parley::Issue issue;
    issue.id = "i" + std::to_string(i);
    issue.kind = parley::IssueKind::kOptions;
    parley::TableValue ta, tb;
    for (int k = 0; k < values; ++k) {
      const std::string option = "v" + std::to_string(k);
      issue.options.push_back(option);
      const double va = base(rng);
      ta.entries.push_back({option, va});
      tb.entries.push_back({option, (anti ? 100 - va : va) + noise(rng)});
    }
    pa.terms.push_back({issue.id, 1, ta});
    pb.terms.push_back({issue.id, 1, tb});
    c.issues.push_back(std::move(issue));
  }
  c.values = {pa, pb};
  return c;
}

void BM_ComputeFrontier(benchmark::State& state) {
  const parley::Case c = RandomDomain(static_cast<int>(state.range(0)),
                                      static_cast<int>(state.range(1)), state.range(2) != 0, 7);
  std::size_t points = 0;
  for (auto _ : state) {
    const parley::analysis::Frontier f = parley::analysis::ComputeFrontier(c);
    points = f.points.size();
    benchmark::DoNotOptimize(points);
  }
  state.counters["points"] = static_cast<double>(points);
}

void BM_EnumerateFrontier(benchmark::State& state) {
  const parley::Case c = RandomDomain(static_cast<int>(state.range(0)),
                                      static_cast<int>(state.range(1)), state.range(2) != 0, 7);
  std::size_t points = 0;
  double outcomes = 1;
  for (int i = 0; i < state.range(0); ++i) outcomes *= static_cast<double>(state.range(1));
  for (auto _ : state) {
    const parley::analysis::Frontier f = parley::analysis::EnumerateFrontier(c);
    points = f.points.size();
    benchmark::DoNotOptimize(points);
  }
  state.counters["points"] = static_cast<double>(points);
  state.counters["outcomes/s"] = benchmark::Counter(
      outcomes * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Args: issues, values, anti-correlated (0/1).
BENCHMARK(BM_ComputeFrontier)
    ->ArgsProduct({{5, 6, 7, 10, 30}, {10}, {0, 1}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EnumerateFrontier)
    ->ArgsProduct({{5, 6, 7}, {10}, {0, 1}})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
