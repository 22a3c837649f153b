// parley power timings (Google Benchmark).
//
// - AnalysePower/DOMAIN: the whole analysis of `parley power` (assessment, frontier of the
//   floored case, leverage, prediction with 10,000 draws, every lever, pitfalls) on each example
//   and each corpus scenario of at most 10^7 outcomes. Corpus profiles state exact reservation
//   values, so nothing is drawn there; the examples have BATNA ranges and draw 10,000 times per
//   lever.
// - Predict/fast/DOMAIN against Predict/reference/DOMAIN: the sampled prediction with Parley's
//   flat weighted-Nash scan (PredictDeal) and with the general rule (analysis::Solve on a copy of
//   the frontier whose disagreement point and acceptability are updated for every draw), side by
//   side on the same draws. bench/compare_power.py prints the ratio. Both must predict the same
//   points; the reference benchmark fails if they do not.
// - fine:sales-renewal-step1 (the example with its price in whole units) and fine:one-price-N
//   (one price on N grid points): fine grids, where each draw's solve is a search of the tree
//   of DealModel (src/power/internal/deal_model.h).

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include "bench_domains.h"
#include "parley/analysis/bargaining.h"
#include "parley/analysis/floors.h"
#include "parley/core/party_valuation.h"
#include "parley/io/case_reader.h"
#include "parley/power/analysis.h"

namespace {

constexpr std::size_t kSamples = 10'000;

void BM_AnalysePower(benchmark::State& state, const parley::Case& c) {
  parley::power::PowerOptions options;
  options.samples = kSamples;
  for (auto _ : state) {
    const parley::power::PowerReport r = parley::power::AnalysePower(c, options);
    benchmark::DoNotOptimize(r.levers.size());
  }
}

struct PredictionSetup {
  parley::Case c;
  parley::analysis::Frontier frontier;
  parley::power::Leverage leverage;
  std::string perspective;
};

PredictionSetup Setup(const parley::Case& original) {
  PredictionSetup s;
  s.c = parley::analysis::ApplyFloors(original).c;
  s.frontier = parley::analysis::ComputeFrontier(s.c);
  parley::power::PowerOptions options;
  const auto sources = parley::power::AssessSources(s.c, options);
  s.leverage = parley::power::ComputeLeverage(s.c, s.frontier, sources, options);
  s.perspective = s.c.Us().id;
  return s;
}

void BM_PredictFast(benchmark::State& state, const parley::Case& original) {
  const PredictionSetup s = Setup(original);
  parley::power::PowerOptions options;
  options.samples = kSamples;
  for (auto _ : state) {
    const auto p = parley::power::PredictDeal(s.c, s.frontier, s.leverage, s.perspective, options);
    benchmark::DoNotOptimize(p.expected_value);
  }
  state.counters["frontier_points"] = static_cast<double>(s.frontier.points.size());
}

// The same draws as PredictDeal (mt19937_64, seed 1, one 53-bit fraction per party per draw),
// each solved by analysis::Solve on a frontier copy.
void BM_PredictReference(benchmark::State& state, const parley::Case& original) {
  const PredictionSetup s = Setup(original);
  std::vector<parley::PartyValuation> valuations;
  for (const std::string& party : s.frontier.parties) valuations.emplace_back(s.c, party);
  const std::vector<double> weights = s.leverage.Weights();
  const std::size_t n = valuations.size();
  double expected = 0;
  for (auto _ : state) {
    std::mt19937_64 rng(1);
    parley::analysis::Frontier f = s.frontier;
    double total = 0;
    for (std::size_t draw = 0; draw < kSamples; ++draw) {
      for (std::size_t i = 0; i < n; ++i) {
        const double fraction = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        const auto [lo, hi] = valuations[i].ReservationRange();
        const double r = hi > lo ? lo + fraction * (hi - lo) : valuations[i].ReservationValue();
        f.disagreement[i] = valuations[i].ValueToUtility(r);
      }
      for (auto& point : f.points) {
        point.acceptable = true;
        for (std::size_t i = 0; i < n; ++i) {
          point.acceptable =
              point.acceptable &&
              point.utility[i] >= f.disagreement[i] - parley::analysis::kUtilityEpsilon;
        }
      }
      const auto solution =
          parley::analysis::Solve(f, parley::analysis::SolutionRule::kWeightedNash, weights);
      total += solution.points.empty() ? 0 : 1;
    }
    expected = total;
    benchmark::DoNotOptimize(expected);
  }
  parley::power::PowerOptions options;
  options.samples = kSamples;
  const auto fast = parley::power::PredictDeal(s.c, s.frontier, s.leverage, s.perspective, options);
  const double fast_deals = fast.zopa_probability * static_cast<double>(fast.samples);
  if (fast.samples == kSamples && std::abs(fast_deals - expected) > 0.5) {
    state.SkipWithError("the fast scan and the reference disagree on the number of deals");
  }
  state.counters["frontier_points"] = static_cast<double>(s.frontier.points.size());
}

}  // namespace

int main(int argc, char** argv) {
  for (const char* name : {"sales-renewal", "procurement-components", "partnership-cobranding",
                           "internal-promotion", "hiring-offer"}) {
    try {
      const parley::Case c = parley::bench::LoadExample(name);
      benchmark::RegisterBenchmark((std::string("AnalysePower/example:") + name).c_str(),
                                   BM_AnalysePower, c)
          ->Unit(benchmark::kMillisecond);
      benchmark::RegisterBenchmark((std::string("Predict/fast/example:") + name).c_str(),
                                   BM_PredictFast, c)
          ->Unit(benchmark::kMillisecond);
      benchmark::RegisterBenchmark((std::string("Predict/reference/example:") + name).c_str(),
                                   BM_PredictReference, c)
          ->Unit(benchmark::kMillisecond);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skipping %s: %s\n", name, e.what());
    }
  }
  // Fine grids are normal input (issue 12): the sales renewal with its price in whole units,
  // 30,001 prices inside the floors.
  try {
    parley::Case c = parley::bench::LoadExample("sales-renewal");
    for (parley::Issue& issue : c.issues) {
      if (issue.id == "price") issue.step = 1;
    }
    benchmark::RegisterBenchmark("AnalysePower/fine:sales-renewal-step1", BM_AnalysePower, c)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("Predict/fast/fine:sales-renewal-step1", BM_PredictFast, c)
        ->Unit(benchmark::kMillisecond);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "skipping the fine sales renewal: %s\n", e.what());
  }
  // One price in whole units on 10^5 and 10^6 grid points (we pay, they are paid, both BATNAs
  // ranges inside the grid): a frontier of one point per price, every draw a weighted Nash solve
  // on it.
  for (const long n : {100'000L, 1'000'000L}) {
    auto at = [n](long tenths) { return std::to_string(n / 10 * tenths); };
    std::string text = "format: parley/1\ntitle: One price\nparties:\n";
    text += "  - {id: buyer, side: us, batna: {range: [-" + at(7) + ", -" + at(6) + "]}}\n";
    text += "  - {id: seller, side: them, batna: {range: [" + at(2) + ", " + at(3) + "]}}\n";
    text += "issues:\n  - {id: price, kind: number, range: [1, " + at(10) + "], step: 1}\n";
    text += "values:\n  buyer: {price: {linear: -1}}\n  seller: {price: {linear: 1}}\n";
    const parley::io::LoadResult r = parley::io::ReadCaseText(text, "one-price.yaml");
    if (!r.Ok()) {
      std::fprintf(stderr, "skipping the one-price grid of %ld: the case does not read\n", n);
      continue;
    }
    const std::string name = "fine:one-price-" + std::to_string(n);
    benchmark::RegisterBenchmark(("AnalysePower/" + name).c_str(), BM_AnalysePower, *r.value)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("Predict/fast/" + name).c_str(), BM_PredictFast, *r.value)
        ->Unit(benchmark::kMillisecond);
  }
  // Many parties (issue 12): 50 parties, the limit, each with its own lever; the levers share
  // the draws, so the work grows with the parties, not with their square.
  {
    std::string text =
        "format: parley/1\ntitle: T\nparties:\n  - {id: p0, side: us, batna: {value: 0}}\n";
    for (int i = 1; i < 50; ++i) {
      text += "  - {id: p" + std::to_string(i) + ", side: them, batna: {value: 0}}\n";
    }
    text +=
        "issues:\n  - {id: price, kind: number, range: [0, 100], step: 1}\n"
        "  - {id: o, kind: options, options: [x, y, z]}\nvalues:\n"
        "  p0: {price: {linear: -1}, o: {x: 10, y: 5}}\n";
    for (int i = 1; i < 50; ++i) {
      text += "  p" + std::to_string(i) + ": {price: {linear: 1}, o: {y: " + std::to_string(i) +
              ", z: 3}}\n";
    }
    const parley::io::LoadResult r = parley::io::ReadCaseText(text, "parties-50.yaml");
    if (r.Ok()) {
      benchmark::RegisterBenchmark("AnalysePower/many:parties-50", BM_AnalysePower, *r.value)
          ->Unit(benchmark::kMillisecond);
    } else {
      std::fprintf(stderr, "skipping the 50 parties: the case does not read\n");
    }
  }
  for (const parley::bench::CorpusEntry& entry : parley::bench::CorpusEntries()) {
    try {
      const parley::Case c = parley::bench::LoadCorpusCase(entry);
      parley::OutcomeSpace space(c.issues);
      const auto size = space.Size64();
      if (!size || *size > 10'000'000) continue;
      benchmark::RegisterBenchmark(("AnalysePower/corpus:" + entry.name).c_str(), BM_AnalysePower,
                                   c)
          ->Unit(benchmark::kMillisecond);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skipping %s: %s\n", entry.name.c_str(), e.what());
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
