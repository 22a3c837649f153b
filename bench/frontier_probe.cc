// Runs one frontier method on one domain and prints one JSON line: time and peak memory.
//
// Usage: frontier_probe --list
//        frontier_probe DOMAIN additive|enumeration [--min-time SECONDS] [--max-enum N]
//
// DOMAIN is "random:ISSUESxVALUES:CORR" (CORR: corr, indep, anti) or "corpus:NAME" (a name of
// shared/data/genius/index.json). `additive` times ComputeFrontier (the additive method; it
// falls back to enumeration for non-additive profiles, reported as "method_used"); `enumeration`
// times EnumerateFrontier and is skipped (not run) when the space exceeds --max-enum (default
// 10^7). Both then time the four bargaining solutions (analysis::Solve) on the frontier. The
// frontier is recomputed until --min-time (default 0.2 s) has passed (at most 1000 runs); the
// median and minimum are printed. Peak RSS is the process's ru_maxrss (getrusage), so it
// includes the loaded case and the process baseline, printed as "base_rss_mb" (RSS before the
// first computation).

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "bench_domains.h"
#include "parley/analysis/bargaining.h"
#include "parley/analysis/frontier.h"
#include "parley/core/outcome_space.h"

namespace {

using Clock = std::chrono::steady_clock;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int Usage() {
  std::fprintf(stderr,
               "usage: frontier_probe --list\n"
               "       frontier_probe DOMAIN additive|enumeration [--min-time S] [--max-enum N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 1 && args[0] == "--list") {
    for (const std::string& name : parley::bench::AllDomainNames())
      std::printf("%s\n", name.c_str());
    return 0;
  }
  if (args.size() < 2) return Usage();
  const std::string domain = args[0];
  const std::string method = args[1];
  if (method != "additive" && method != "enumeration") return Usage();
  double min_time = 0.2;
  std::uint64_t max_enum = 10'000'000;
  for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
    if (args[i] == "--min-time") {
      min_time = std::atof(args[i + 1].c_str());
    } else if (args[i] == "--max-enum") {
      max_enum = std::strtoull(args[i + 1].c_str(), nullptr, 10);
    } else {
      return Usage();
    }
  }

  std::string head = "{\"domain\":" + JsonString(domain) + ",\"method\":" + JsonString(method);
  try {
    const parley::Case c = parley::bench::LoadNamedDomain(domain);
    const parley::OutcomeSpace space(c.issues);
    const double log10_outcomes = std::log10(space.Size().ToDouble());
    head += ",\"outcomes\":\"" + space.Size().ToString() + "\"";
    head += ",\"log10_outcomes\":" + std::to_string(log10_outcomes);
    const double base_rss = PeakRssMb();
    if (method == "enumeration") {
      const std::optional<std::uint64_t> n = space.Size64();
      if (!n.has_value() || *n > max_enum) {
        std::printf("%s,\"skipped\":\"space above %llu outcomes\"}\n", head.c_str(),
                    static_cast<unsigned long long>(max_enum));
        return 0;
      }
    }
    parley::analysis::FrontierOptions options;
    options.max_enumeration = std::max<std::uint64_t>(options.max_enumeration, max_enum);

    std::vector<double> frontier_ms, solve_ms;
    std::size_t points = 0;
    const char* method_used = "";
    const Clock::time_point start = Clock::now();
    do {
      const Clock::time_point t0 = Clock::now();
      const parley::analysis::Frontier f = method == "additive"
                                               ? parley::analysis::ComputeFrontier(c, options)
                                               : parley::analysis::EnumerateFrontier(c, options);
      const Clock::time_point t1 = Clock::now();
      std::size_t chosen = 0;
      for (parley::analysis::SolutionRule rule : {parley::analysis::SolutionRule::kNash,
                                                  parley::analysis::SolutionRule::kKalaiSmorodinsky,
                                                  parley::analysis::SolutionRule::kEgalitarian,
                                                  parley::analysis::SolutionRule::kUtilitarian}) {
        chosen += parley::analysis::Solve(f, rule).points.size();
      }
      const Clock::time_point t2 = Clock::now();
      if (chosen == static_cast<std::size_t>(-1)) std::printf("unreachable\n");
      frontier_ms.push_back(Ms(t1 - t0));
      solve_ms.push_back(Ms(t2 - t1));
      points = f.points.size();
      method_used =
          f.method == parley::analysis::FrontierMethod::kAdditive ? "additive" : "enumeration";
    } while (Ms(Clock::now() - start) < min_time * 1000 && frontier_ms.size() < 1000);

    const double median_ms = Median(frontier_ms);
    const double outcomes_per_s = median_ms > 0 ? space.Size().ToDouble() / (median_ms / 1000) : 0;
    std::printf(
        "%s,\"method_used\":\"%s\",\"points\":%zu,\"runs\":%zu,\"frontier_ms\":%.4f,"
        "\"frontier_min_ms\":%.4f,\"solve_ms\":%.4f,\"total_ms\":%.4f,\"outcomes_per_s\":%.4g,"
        "\"base_rss_mb\":%.2f,\"peak_rss_mb\":%.2f}\n",
        head.c_str(), method_used, points, frontier_ms.size(), median_ms,
        *std::min_element(frontier_ms.begin(), frontier_ms.end()), Median(solve_ms),
        median_ms + Median(solve_ms), outcomes_per_s, base_rss, PeakRssMb());
    return 0;
  } catch (const std::exception& e) {
    std::printf("%s,\"error\":%s,\"peak_rss_mb\":%.2f}\n", head.c_str(),
                JsonString(e.what()).c_str(), PeakRssMb());
    return 0;
  }
}
