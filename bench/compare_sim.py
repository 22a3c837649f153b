#!/usr/bin/env python3
"""Times the negotiation engine and compares it with a plain reference and the published figures.

1. Runs build/bench/bench/sim_bench (Google Benchmark) for the bid search's two questions on the
   10^3-outcome domain and prints, side by side, the engine's path (the table built once, the
   searcher with our side of the menus kept), the same search rebuilt for every question (the
   path before) and a plain loop over every outcome, with the ratios. The benchmark checks that
   the engine and the loop give equally good answers first, and reports an error otherwise.
2. Prints the whole-negotiation figures (OneNegotiation, Throughput, Rehearse/10000) next to the
   issue's goals and the leading Python platform's published figures (NegMAS: 112 s for one
   1,000-step negotiation at 10^6 outcomes, 13 to 56 negotiations a second in its tournaments),
   which cannot be rerun here (no PyPI on this machine), with the ratio.

Usage: bench/compare_sim.py [--no-build] [--build-dir DIR] [--min-time S]
Python standard library only. CPU time is compared (the machine may be shared).
"""

import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The published reference (issue 14): NegMAS seconds per negotiation.
NEGMAS_ONE_1E6_S = 112.0
NEGMAS_TOURNAMENT_PER_S = (13.0, 56.0)


def build():
    """Configures and builds the bench preset's sim_bench (a no-op when up to date)."""
    for cmd in (["cmake", "--preset", "bench"],
                ["cmake", "--build", "--preset", "bench", "-j2", "--target", "sim_bench"]):
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def run(bench, pattern, min_time):
    out = subprocess.run([bench, "--benchmark_filter=" + pattern, "--benchmark_format=json",
                          f"--benchmark_min_time={min_time}"],
                         capture_output=True, text=True, check=True)
    return {b["name"]: b for b in json.loads(out.stdout)["benchmarks"]}


def us(b):
    """CPU microseconds per iteration."""
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    return b["cpu_time"] * scale


def bid_search(bench, min_time, failures):
    results = run(bench, "BidSearch/", min_time)
    print(f"{'bid search, 101 questions':<28} {'engine us':>10} {'per call us':>12} "
          f"{'ratio':>7} {'loop us':>9} {'ratio':>7}")
    for question in ("closest", "estimate"):
        row = {path: results.get(f"BM_BidSearch/{question} / {path}")
               for path in ("fast", "per_call", "reference")}
        if any(b is None for b in row.values()):
            failures.append(question + " (missing)")
            continue
        if any(b.get("error_occurred") for b in row.values()):
            failures.append(question + " (the engine and the loop disagree)")
            continue
        fast, per_call, ref = (us(row[p]) for p in ("fast", "per_call", "reference"))
        print(f"{question:<28} {fast:>10.1f} {per_call:>12.1f} {per_call / fast:>6.1f}x "
              f"{ref:>9.1f} {ref / fast:>6.1f}x")


def negotiations(bench, min_time):
    results = run(bench, "OneNegotiation|Throughput", min_time)
    print(f"\n{'whole negotiations':<36} {'CPU':>12} {'per s':>10} {'NegMAS (published)':>20}")
    for name, b in results.items():
        t = us(b)
        if name.startswith("BM_OneNegotiation"):
            ratio = NEGMAS_ONE_1E6_S * 1e6 / t
            ref = f"112 s: {ratio:,.0f}x" if name.endswith("1e6") else "-"
            print(f"{name[3:]:<36} {t / 1e3:>9.2f} ms {1e6 / t:>10.1f} {ref:>20}")
        else:
            rate = 1e6 / t
            lo, hi = NEGMAS_TOURNAMENT_PER_S
            ref = f"13-56/s: {rate / hi:,.0f}-{rate / lo:,.0f}x"
            print(f"{name[3:]:<36} {t:>9.1f} us {rate:>10,.0f} {ref:>20}")
    print("goals: one 1,000-round negotiation in milliseconds; >= 100,000 negotiations/s/core")


def rehearse(bench):
    results = run(bench, "Rehearse/", 0)
    print(f"\n{'rehearse, 10,000 negotiations':<36} {'wall s':>8} {'CPU s':>8}")
    for name, b in results.items():
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        print(f"{name[3:].split('/iterations')[0]:<36} {b['real_time'] * scale:>8.2f} "
              f"{b['cpu_time'] * scale:>8.2f}")
    print("goal: under a second (CPU is the calling thread's only)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "bench"),
                    help="a Release build with PARLEY_BUILD_BENCH=ON (default: the bench preset)")
    ap.add_argument("--min-time", type=float, default=0.3, help="seconds per benchmark")
    args = ap.parse_args()
    bench = os.path.join(args.build_dir, "bench", "sim_bench")
    if not args.no_build:
        build()
    failures = []
    bid_search(bench, args.min_time, failures)
    negotiations(bench, args.min_time)
    rehearse(bench)
    if failures:
        print("FAILED: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
