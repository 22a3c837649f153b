// parley coalition: every power index of a weighted voting game, exactly. Goals (issue 13): the
// 51-member US Electoral College (quota 270) under 100 ms; 500 players under 10 s.
#include <benchmark/benchmark.h>

#include <numeric>
#include <random>

#include "parley/coalition/power_indices.h"

namespace {

using parley::coalition::WeightedGame;

// Electoral votes of the 50 states and DC from the 2020 apportionment (538 in all), quota 270.
WeightedGame ElectoralCollege() {
  WeightedGame g;
  g.weights = {9, 3,  11, 6,  54, 10, 7,  3, 3,  30, 16, 4, 4,  19, 11, 6,  6,
               8, 8,  4,  10, 11, 15, 10, 6, 10, 4,  5,  6, 4,  14, 5,  28, 16,
               3, 17, 7,  8,  19, 4,  9,  3, 11, 40, 6,  3, 13, 12, 4,  10, 3};
  for (std::size_t i = 0; i < g.weights.size(); ++i) g.players.push_back("S" + std::to_string(i));
  g.quota = 270;
  return g;
}

// n players with seeded uniform weights in 1..max_weight, simple majority of the total.
WeightedGame Random(std::size_t n, std::uint64_t max_weight, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint64_t> weight(1, max_weight);
  WeightedGame g;
  for (std::size_t i = 0; i < n; ++i) {
    g.players.push_back("P" + std::to_string(i));
    g.weights.push_back(weight(rng));
  }
  g.quota = std::accumulate(g.weights.begin(), g.weights.end(), std::uint64_t{0}) / 2 + 1;
  return g;
}

void BM_ElectoralCollege(benchmark::State& state) {
  const WeightedGame g = ElectoralCollege();
  for (auto _ : state) benchmark::DoNotOptimize(parley::coalition::ComputeIndices(g));
}
BENCHMARK(BM_ElectoralCollege)->Unit(benchmark::kMillisecond);

// Args: players, largest weight.
void BM_RandomGame(benchmark::State& state) {
  const WeightedGame g = Random(static_cast<std::size_t>(state.range(0)),
                                static_cast<std::uint64_t>(state.range(1)), 1);
  state.counters["quota"] = static_cast<double>(g.quota);
  for (auto _ : state) benchmark::DoNotOptimize(parley::coalition::ComputeIndices(g));
}
BENCHMARK(BM_RandomGame)
    ->Args({51, 20})
    ->Args({100, 20})
    ->Args({200, 20})
    ->Args({500, 10})
    ->Args({500, 20})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
