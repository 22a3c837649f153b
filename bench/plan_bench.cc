// parley plan timings (Google Benchmark).
//
// - BuildBrief/DOMAIN: the whole brief (the power analysis with 10,000 draws, tradeables,
//   give-get pairs, anchor, MESO, concession plan, log, pitfalls, playbook, checklist) on each
//   example and each corpus scenario of at most 10^6 outcomes.
// - PlanParts/DOMAIN: the plan's own parts on a prepared power report, without the power
//   analysis: what `parley plan` adds to `parley power`.
// - RenderHtml/DOMAIN: the HTML brief with its three charts, from a built brief.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <exception>
#include <string>
#include <utility>

#include "bench_domains.h"
#include "parley/io/case_reader.h"
#include "parley/plan/brief.h"
#include "parley/report/brief_render.h"

namespace {

void BM_BuildBrief(benchmark::State& state, const parley::Case& c) {
  parley::plan::PlanOptions options;
  for (auto _ : state) {
    const parley::plan::Brief b = parley::plan::BuildBrief(c, options);
    benchmark::DoNotOptimize(b.checklist.size());
  }
}

// The plan's parts alone, on the power report of the brief (so the frontier and the prediction
// are reused, as BuildBrief does).
void BM_PlanParts(benchmark::State& state, const parley::Case& c) {
  parley::plan::PlanOptions options;
  options.power.samples = 0;
  const parley::plan::Brief b = parley::plan::BuildBrief(c, options);
  if (!b.anchor || !b.power.prediction || !b.power.prediction->deal) {
    state.SkipWithError("no predicted deal");
    return;
  }
  const parley::Case& fc = b.power.floored.c;
  const parley::Outcome& predicted = b.power.prediction->deal->outcome;
  for (auto _ : state) {
    const parley::plan::Tradeables t = parley::plan::ComputeTradeables(fc, b.us, b.them);
    const auto pairs = parley::plan::BuildGiveGetPairs(t, 8);
    const parley::plan::Anchor a =
        parley::plan::PlanAnchor(fc, *b.power.frontier, b.us, b.them, predicted);
    const parley::plan::Meso m =
        parley::plan::BuildMeso(fc, *b.power.frontier, b.us, b.them, predicted);
    const parley::plan::ConcessionPlan p = parley::plan::PlanConcessions(
        fc, b.us, b.them, a.outcome, predicted, b.power.leverage->today);
    benchmark::DoNotOptimize(pairs.size() + m.packages.size() + p.steps.size());
  }
  state.counters["frontier_points"] = static_cast<double>(b.power.frontier->points.size());
}

void BM_RenderHtml(benchmark::State& state, const parley::Case& c) {
  const parley::plan::Brief b = parley::plan::BuildBrief(c, {});
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string html = parley::report::RenderBriefHtml(c, b, "case.yaml");
    bytes = html.size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

}  // namespace

int main(int argc, char** argv) {
  for (const char* name : {"sales-renewal", "procurement-components", "partnership-cobranding",
                           "internal-promotion", "hiring-offer"}) {
    try {
      const parley::Case c = parley::bench::LoadExample(name);
      using Fn = void (*)(benchmark::State&, const parley::Case&);
      const std::pair<const char*, Fn> runs[] = {{"BuildBrief", BM_BuildBrief},
                                                 {"PlanParts", BM_PlanParts},
                                                 {"RenderHtml", BM_RenderHtml}};
      for (const auto& [label, fn] : runs) {
        benchmark::RegisterBenchmark((std::string(label) + "/example:" + name).c_str(), fn, c)
            ->Unit(benchmark::kMillisecond);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skipping %s: %s\n", name, e.what());
    }
  }
  // Fine grids are normal input (issue 12): the sales renewal with its price in whole units.
  try {
    parley::Case c = parley::bench::LoadExample("sales-renewal");
    for (parley::Issue& issue : c.issues) {
      if (issue.id == "price") issue.step = 1;
    }
    benchmark::RegisterBenchmark("BuildBrief/fine:sales-renewal-step1", BM_BuildBrief, c)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("PlanParts/fine:sales-renewal-step1", BM_PlanParts, c)
        ->Unit(benchmark::kMillisecond);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "skipping the fine sales renewal: %s\n", e.what());
  }
  for (const parley::bench::CorpusEntry& entry : parley::bench::CorpusEntries()) {
    try {
      const parley::Case c = parley::bench::LoadCorpusCase(entry);
      parley::OutcomeSpace space(c.issues);
      const auto size = space.Size64();
      if (!size || *size > 1'000'000) continue;
      benchmark::RegisterBenchmark(("BuildBrief/corpus:" + entry.name).c_str(), BM_BuildBrief, c)
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
