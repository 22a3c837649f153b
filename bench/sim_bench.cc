// The negotiation engine's timings (Google Benchmark).
//
// - OneNegotiation/1e6 and /1e30: one whole 1,000-round negotiation (boulware against conceder
//   with the frequency model, so every turn asks the bid search) on one price of 10^6 grid
//   points, and on five such issues (10^30 outcomes). No outcome space is ever enumerated.
// - Throughput/boulware-conceder, /micro-hardheaded, ...: whole negotiations per second on a
//   domain of 3 options issues with 10 options each (10^3 outcomes), 100 rounds each, seeds
//   varying; items_per_second is negotiations per second on one core.
// - Rehearse/10000: `parley rehearse` on examples/sales-renewal.yaml with 10,000 negotiations
//   (the default mix, 100 rounds, the brief built once outside the timing), the samples on
//   every core with oneTBB as the CLI runs them, and on one thread (the issue's goal: under a
//   second).

#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bench_domains.h"
#include "parley/core/case.h"
#include "parley/plan/brief.h"
#include "parley/sim/protocol.h"
#include "parley/sim/rehearsal.h"
#include "parley/sim/strategy_registry.h"

namespace {

using parley::Case;

// `issues` money issues of `points` grid points each; us gains on every one, them loses, with
// different slopes so that the issues trade.
Case GridCase(int issues, double points) {
  Case c;
  c.title = "grid";
  c.parties.push_back({});
  c.parties.back().id = "us";
  c.parties.back().side = parley::Side::kUs;
  c.parties.push_back({});
  c.parties.back().id = "them";
  parley::Preferences us, them;
  us.party = "us";
  them.party = "them";
  for (int i = 0; i < issues; ++i) {
    parley::Issue issue;
    issue.id = "x" + std::to_string(i);
    issue.kind = parley::IssueKind::kNumber;
    issue.lo = 0;
    issue.hi = points - 1;
    issue.step = 1;
    c.issues.push_back(issue);
    us.terms.push_back({issue.id, 1, parley::LinearValue{1.0 + i}});
    them.terms.push_back({issue.id, 1, parley::LinearValue{-(issues - i + 0.5)}});
  }
  c.values = {us, them};
  return c;
}

// Three options issues of 10 options: 1,000 outcomes, values drawn from a fixed pattern.
Case ThousandOutcomes() {
  Case c = GridCase(0, 1);
  for (int i = 0; i < 3; ++i) {
    parley::Issue issue;
    issue.id = "o" + std::to_string(i);
    issue.kind = parley::IssueKind::kOptions;
    parley::TableValue mine, theirs;
    for (int k = 0; k < 10; ++k) {
      issue.options.push_back("v" + std::to_string(k));
      mine.entries.push_back({issue.options.back(), static_cast<double>((k * (i + 3)) % 10)});
      theirs.entries.push_back({issue.options.back(), static_cast<double>((k * (7 - i)) % 10)});
    }
    c.issues.push_back(issue);
    c.values[0].terms.push_back({issue.id, 1, mine});
    c.values[1].terms.push_back({issue.id, 1, theirs});
  }
  return c;
}

parley::sim::NegotiationResult Play(const Case& c, const parley::sim::Negotiation& n,
                                    const std::string& us, const std::string& them) {
  const parley::sim::StrategyRegistry& registry = parley::sim::BuiltinStrategies();
  std::vector<std::unique_ptr<parley::sim::Strategy>> players;
  players.push_back(registry.Build(us, {&c}));
  players.push_back(registry.Build(them, {&c}));
  return parley::sim::RunNegotiation(n, players);
}

void BM_OneNegotiation(benchmark::State& state, int issues) {
  const Case c = GridCase(issues, 1e6);
  parley::sim::NegotiationOptions options;
  options.rounds = 1000;
  const parley::sim::Negotiation n(c, options);
  std::size_t moves = 0;
  for (auto _ : state) {
    const auto r = Play(c, n, "boulware", "boa(offer=timedep(e=2),model=frequency)");
    moves = r.trace.size();
    benchmark::DoNotOptimize(r.agreement);
  }
  state.counters["moves"] = static_cast<double>(moves);
}

void BM_Throughput(benchmark::State& state, const std::string& us, const std::string& them) {
  const Case c = ThousandOutcomes();
  std::uint64_t seed = 0;
  std::size_t moves = 0;
  for (auto _ : state) {
    parley::sim::NegotiationOptions options;
    options.rounds = 100;
    options.seed = ++seed;
    const parley::sim::Negotiation n(c, options);
    const auto r = Play(c, n, us, them);
    moves += r.trace.size();
    benchmark::DoNotOptimize(r.agreement);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["moves_per_negotiation"] =
      static_cast<double>(moves) / static_cast<double>(state.iterations());
}

void BM_Rehearse(benchmark::State& state, int threads) {
  const Case c = parley::bench::LoadExample("sales-renewal");
  const parley::plan::Brief brief = parley::plan::BuildBrief(c);
  tbb::task_arena arena(threads);
  const parley::sim::ParallelFor parallel = [&arena](std::size_t count,
                                                     const std::function<void(std::size_t)>& body) {
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count),
                        [&](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t i = range.begin(); i != range.end(); ++i) body(i);
                        });
    });
  };
  parley::sim::RehearsalOptions options;
  options.samples = 10'000;
  for (auto _ : state) {
    const parley::sim::Rehearsal r = parley::sim::Rehearse(c, brief, options, parallel);
    benchmark::DoNotOptimize(r.agreement_rate);
  }
  state.SetItemsProcessed(state.iterations() * 10'000);
}

BENCHMARK_CAPTURE(BM_OneNegotiation, 1e6, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_OneNegotiation, 1e30, 5)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Throughput, boulware - conceder, "boulware", "conceder")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Throughput, hardheaded - micro, "hardheaded", "micro")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Rehearse, 10000 / all_cores, tbb::task_arena::automatic)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_Rehearse, 10000 / one_thread, 1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);
BENCHMARK_CAPTURE(BM_Throughput, random - random, "random(accept=0.5)", "random(accept=0.5)")
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
