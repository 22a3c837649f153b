// The negotiation engine's timings (Google Benchmark).
//
// - OneNegotiation/1e6 and /1e30: one whole 1,000-round negotiation (boulware against conceder
//   with the frequency model, so every turn asks the bid search) on one price of 10^6 grid
//   points, and on five such issues (10^30 outcomes). No outcome space is ever enumerated.
// - Throughput/boulware-conceder, /micro-hardheaded, ...: whole negotiations per second on a
//   domain of 3 options issues with 10 options each (10^3 outcomes), 100 rounds each, seeds
//   varying (the specs resolved and the case's models and bid tables built once, outside the
//   timing, as a rehearsal does); items_per_second is negotiations per second on one core.
// - Rehearse/10000: `parley rehearse` on examples/sales-renewal.yaml with 10,000 negotiations
//   (the default mix, 100 rounds, the brief built once outside the timing), the samples on
//   every core with oneTBB as the CLI runs them, and on one thread (the issue's goal: under a
//   second).
// - BidSearch/{closest,estimate}/{fast,per_call,reference}: the bid search's two questions on
//   the 10^3-outcome domain by the engine's path, by BestInBand per call and by a loop over every
//   outcome (bench/compare_sim.py prints them side by side).

#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench_domains.h"
#include "parley/core/case.h"
#include "parley/core/outcome_space.h"
#include "parley/core/party_valuation.h"
#include "parley/plan/brief.h"
#include "parley/sim/bid_search.h"
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

// Many negotiations of one case: the specs resolved and the models and bid tables built once
// (as a rehearsal does), each negotiation its own seed, strategies and play.
void BM_Throughput(benchmark::State& state, const std::string& us, const std::string& them) {
  const Case c = ThousandOutcomes();
  const parley::sim::StrategyRegistry& registry = parley::sim::BuiltinStrategies();
  const parley::sim::ResolvedSpec us_spec = registry.Resolve(us);
  const parley::sim::ResolvedSpec them_spec = registry.Resolve(them);
  const parley::sim::Negotiation shared(c, {});
  std::uint64_t seed = 0;
  std::size_t moves = 0;
  parley::sim::TraceStorage storage;  // as a rehearsal plays: each trace's memory reused
  for (auto _ : state) {
    parley::sim::NegotiationOptions options;
    options.rounds = 100;
    options.seed = ++seed;
    options.trace_values = false;  // as a rehearsal plays: the result, not every move's values
    const parley::sim::Negotiation n(c, options, shared);
    std::vector<std::unique_ptr<parley::sim::Strategy>> players;
    players.push_back(registry.Build(us_spec, {&c}));
    players.push_back(registry.Build(them_spec, {&c}));
    auto r = parley::sim::RunNegotiation(n, players, &storage);
    moves += r.trace.size();
    benchmark::DoNotOptimize(r.agreement);
    storage.Recycle(std::move(r));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["moves_per_negotiation"] =
      static_cast<double>(moves) / static_cast<double>(state.iterations());
}

// The bid search's questions on the 10^3-outcome domain, side by side (bench/compare_sim.py):
// `fast` is the engine's path (the closest bid from above through the BandTable built once; the
// opponent model's favourite in a band through the BidSearcher with our OurFold), `reference` the
// plain loop over every outcome with PartyValuation (the answer checked equal in our utility and
// estimate), and `per_call` BestInBand rebuilt for every question (the engine's path before the
// tables). 101 questions per iteration: targets 0, 0.01, ..., 1.
enum class Question { kClosest, kEstimate };
enum class Path { kFast, kPerCall, kReference };

std::optional<parley::Outcome> BruteForce(const Case& c, const parley::PartyValuation& mine,
                                          const parley::sim::AdditiveModel& theirs, double lo,
                                          double hi) {
  const parley::OutcomeSpace space(c.issues);
  std::optional<parley::Outcome> best;
  double best_e = 0;
  parley::Outcome o = space.First();
  do {
    const double u = mine.Utility(o);
    if (u < lo - parley::sim::kBandTolerance || u > hi + parley::sim::kBandTolerance) continue;
    const double e = theirs.RawSum(c.issues, o);
    if (!best || e > best_e) {
      best = o;
      best_e = e;
    }
  } while (space.Next(o));
  return best;
}

void BM_BidSearch(benchmark::State& state, Question question, Path path) {
  const Case c = ThousandOutcomes();
  const parley::PartyValuation mine(c, "us");
  const parley::sim::AdditiveModel ours = *parley::sim::AdditiveModel::Of(c, "us");
  const parley::sim::AdditiveModel theirs =
      question == Question::kClosest ? ours.Negated() : *parley::sim::AdditiveModel::Of(c, "them");
  const double window = question == Question::kClosest ? 1e300 : 0.05;
  const auto table = parley::sim::BandTable::Build(c.issues, ours, theirs);
  // As a negotiation's bidder has it: with our side of the fold, built once per case.
  parley::sim::BidSearcher searcher(c.issues, ours, {},
                                    parley::sim::OurFold::Build(c.issues, ours));
  auto fast = [&](double lo, double hi) {
    return question == Question::kClosest ? table->Best(lo, hi) : searcher.Best(theirs, lo, hi);
  };
  for (int t = 0; t <= 100; ++t) {  // the answers agree in both utilities
    const double lo = t / 100.0, hi = lo + window;
    const auto a = fast(lo, hi);
    const auto b = BruteForce(c, mine, theirs, lo, hi);
    if (a.has_value() != b.has_value() ||
        (a && (std::fabs(mine.Utility(*a) - mine.Utility(*b)) > 1e-9 ||
               std::fabs(theirs.RawSum(c.issues, *a) - theirs.RawSum(c.issues, *b)) > 1e-9))) {
      state.SkipWithError("the fast path and the reference loop disagree");
      return;
    }
  }
  for (auto _ : state) {
    for (int t = 0; t <= 100; ++t) {
      const double lo = t / 100.0, hi = lo + window;
      std::optional<parley::Outcome> bid;
      if (path == Path::kFast) bid = fast(lo, hi);
      if (path == Path::kPerCall) bid = parley::sim::BestInBand(c.issues, ours, theirs, lo, hi);
      if (path == Path::kReference) bid = BruteForce(c, mine, theirs, lo, hi);
      benchmark::DoNotOptimize(bid);
    }
  }
  state.SetItemsProcessed(state.iterations() * 101);
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
BENCHMARK_CAPTURE(BM_BidSearch, closest / fast, Question::kClosest, Path::kFast)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BidSearch, closest / per_call, Question::kClosest, Path::kPerCall)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BidSearch, closest / reference, Question::kClosest, Path::kReference)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BidSearch, estimate / fast, Question::kEstimate, Path::kFast)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BidSearch, estimate / per_call, Question::kEstimate, Path::kPerCall)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BidSearch, estimate / reference, Question::kEstimate, Path::kReference)
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
