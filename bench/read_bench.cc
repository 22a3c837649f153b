// Case reading timings (Google Benchmark): hostile and large files through ReadCaseText, each
// generated here (issue 12: a refusal within a second, the limits checked before the work).
//
// - ReadCase/keys-300k-yaml, keys-300k-json: one map of 300,000 keys, refused by the pre-scan
//   at the 20,001st key before any parser builds a tree.
// - ReadCase/issues-20k: 20,000 options issues, parsed, then refused as a case over the limit
//   of 1,000 issues.
// - ReadCase/keys-60k-json: a JSON object of 60,000 keys, refused.
// - ReadCase/issues-1k: 1,000 issues, the largest case within the limit, read in full.

#include <benchmark/benchmark.h>

#include <string>

#include "parley/io/case_reader.h"

namespace {

std::string Keys(int n, bool json) {
  std::string text = json ? "{\"format\": \"parley/1\", \"x\": {" : "format: parley/1\nx:\n";
  for (int k = 0; k < n; ++k) {
    text += json ? (k > 0 ? ", \"k" : "\"k") + std::to_string(k) + "\": 1"
                 : "  k" + std::to_string(k) + ": 1\n";
  }
  return json ? text + "}}" : text;
}

std::string Issues(int n) {
  std::string text =
      "format: parley/1\ntitle: T\nparties:\n  - {id: a, side: us}\n  - {id: b, side: them}\n"
      "issues:\n";
  for (int i = 0; i < n; ++i) {
    text += "  - {id: i" + std::to_string(i) + ", kind: options, options: [x, y]}\n";
  }
  return text + "values:\n  a: {}\n  b: {}\n";
}

void BM_ReadCase(benchmark::State& state, const std::string& text, const std::string& file) {
  for (auto _ : state) {
    const parley::io::LoadResult r = parley::io::ReadCaseText(text, file);
    benchmark::DoNotOptimize(r.diagnostics.size());
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}

}  // namespace

int main(int argc, char** argv) {
  const struct {
    const char* name;
    std::string text;
    const char* file;
  } cases[] = {
      {"ReadCase/keys-300k-yaml", Keys(300'000, false), "case.yaml"},
      {"ReadCase/keys-300k-json", Keys(300'000, true), "case.json"},
      {"ReadCase/keys-60k-json", Keys(60'000, true), "case.json"},
      {"ReadCase/issues-20k", Issues(20'000), "case.yaml"},
      {"ReadCase/issues-1k", Issues(1'000), "case.yaml"},
  };
  for (const auto& c : cases) {
    benchmark::RegisterBenchmark(c.name, BM_ReadCase, c.text, std::string(c.file))
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
