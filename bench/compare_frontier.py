#!/usr/bin/env python3
"""Compares Parley's two Pareto frontier paths, domain by domain, in separate processes.

For every domain of the benchmark ladder (seeded random additive domains 5x10 .. 30x10 with
correlated, independent and anti-correlated preferences) and of the GENIUS corpus
(shared/data/genius/index.json, left out when absent), runs build/bench/bench/frontier_probe
twice: the additive path (ComputeFrontier plus the four bargaining solutions) and the
enumeration path (EnumerateFrontier, only where the space has at most --max-enum outcomes).
Each run is its own process, so its peak RSS (getrusage ru_maxrss, cross-checked with
/usr/bin/time -f %M when present) is that method's alone. Prints a table and checks the floors
of issue 3 (docs/performance.md).

Usage: bench/compare_frontier.py [--no-build] [--filter REGEX] [--min-time S] [--json FILE]
Python standard library only.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROBE = os.path.join(ROOT, "build", "bench", "bench", "frontier_probe")
ENUM_RATE_MIN_LOG10 = 5  # the enumeration rate floor is checked from 10^5 outcomes


def build():
    """Configures and builds the bench preset (a no-op when up to date)."""
    for cmd in (["cmake", "--preset", "bench"], ["cmake", "--build", "--preset", "bench", "-j2"]):
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def probe(domain, method, args):
    """Runs one probe; returns its JSON record plus the external peak RSS when measurable."""
    cmd = [PROBE, domain, method, "--min-time", str(args.min_time),
           "--max-enum", str(args.max_enum)]
    time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if time_bin:
            cmd = [time_bin, "-f", "%M", "-o", rss.name] + cmd
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            return {"domain": domain, "method": method, "error": f"timeout {args.timeout} s"}
        lines = [l for l in out.stdout.splitlines() if l.startswith("{")]
        if not lines:
            return {"domain": domain, "method": method,
                    "error": (out.stderr.strip() or f"exit {out.returncode}")[:200]}
        record = json.loads(lines[-1])
        if time_bin:
            text = rss.read().strip().splitlines()
            if text and text[-1].isdigit():
                record["time_peak_rss_mb"] = int(text[-1]) / 1024
    return record


def floor_check(add, enum):
    """Returns the floors of issue 3 this domain misses (empty when all met)."""
    misses = []
    if "total_ms" in add:
        log10 = add["log10_outcomes"]
        total, peak = add["total_ms"], add["peak_rss_mb"]
        if log10 <= 7 + 1e-9 and total >= 10:
            misses.append("<=1e7 in 10 ms")
        elif 7 + 1e-9 < log10 <= 10 + 1e-9 and total >= 50:
            misses.append("<=1e10 in 50 ms")
        elif 10 + 1e-9 < log10 <= 30 + 1e-9 and (total >= 1000 or peak >= 100):
            misses.append("<=1e30 in 1 s, 100 MB")
    elif "error" in add:
        if "enumeration limit" in add["error"]:
            misses.append("non-additive space beyond the enumeration limit (exit 4)")
        else:
            misses.append("additive: " + add["error"][:60])
    # The rate floor is judged where the space is large enough for the rate to mean something:
    # on a few hundred outcomes the fixed cost of a call dominates.
    if (enum.get("log10_outcomes", 0) >= ENUM_RATE_MIN_LOG10 and "outcomes_per_s" in enum
            and enum["outcomes_per_s"] < 1e7):
        misses.append("enum < 1e7/s")
    return misses


def fmt_ms(record):
    if "frontier_ms" in record:
        return f"{record['frontier_ms']:.3f}"
    if "skipped" in record:
        return "skip"
    return "error"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="do not run cmake first")
    parser.add_argument("--filter", default="", help="only domains matching this regex")
    parser.add_argument("--min-time", type=float, default=0.2,
                        help="seconds each probe repeats its method (median reported)")
    parser.add_argument("--max-enum", type=int, default=10_000_000,
                        help="largest space the enumeration path is run on")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per probe")
    parser.add_argument("--json", help="also write every probe record to this file (JSON lines)")
    args = parser.parse_args()

    started = time.monotonic()
    if not args.no_build:
        build()
    domains = subprocess.run([PROBE, "--list"], capture_output=True, text=True,
                             check=True).stdout.split()
    domains = [d for d in domains if re.search(args.filter, d)]
    if not any(d.startswith("corpus:") for d in domains) and not args.filter:
        print("note: GENIUS corpus not found (shared/data/genius/index.json); random domains only")

    header = (f"{'domain':34} {'outcomes':>9} {'front':>6} {'add ms':>9} {'solve ms':>8} "
              f"{'add MB':>7} {'enum ms':>9} {'enum MB':>7} {'ratio':>8} {'enum out/s':>10}  floors")
    print(header)
    print("-" * len(header))
    records = []
    misses_total = 0
    for domain in domains:
        add = probe(domain, "additive", args)
        enum = probe(domain, "enumeration", args)
        records += [add, enum]
        outcomes = f"1e{add['log10_outcomes']:.1f}" if "log10_outcomes" in add else "?"
        if "outcomes" in add and len(add["outcomes"]) <= 9:
            outcomes = add["outcomes"]
        points = add.get("points", enum.get("points", "-"))
        ratio = "-"
        if "frontier_ms" in add and "frontier_ms" in enum and add["frontier_ms"] > 0:
            r = enum["frontier_ms"] / add["frontier_ms"]
            ratio = f"{r:.0f}x" if r >= 10 else f"{r:.2g}x"
        rate = f"{enum['outcomes_per_s']:.3g}" if "outcomes_per_s" in enum else "-"
        solve = f"{add['solve_ms']:.3f}" if "solve_ms" in add else "-"
        add_mb = f"{add['peak_rss_mb']:.1f}" if "frontier_ms" in add else "-"
        enum_mb = f"{enum['peak_rss_mb']:.1f}" if "frontier_ms" in enum else "-"
        misses = floor_check(add, enum)
        misses_total += bool(misses)
        note = "ok" if not misses else "MISS " + "; ".join(misses)
        if add.get("method_used") == "enumeration":
            note += " (non-additive: ComputeFrontier enumerated)"
        print(f"{domain:34} {outcomes:>9} {points!s:>6} {fmt_ms(add):>9} {solve:>8} {add_mb:>7} "
              f"{fmt_ms(enum):>9} {enum_mb:>7} {ratio:>8} {rate:>10}  {note}", flush=True)
    print("-" * len(header))
    print(f"{len(domains)} domains, {misses_total} with a floor missed, "
          f"{time.monotonic() - started:.0f} s wall")
    print("ratio: enumeration time / additive time; enum out/s: outcomes / enumeration time "
          "(one core); the rate floor is checked from 10^5 outcomes")
    print("times: median ms of the frontier computation; solve ms: the four solutions; MB: peak "
          "RSS of the probe process (getrusage), including ~4-5 MB of process baseline")
    if args.json:
        with open(args.json, "w") as out:
            for record in records:
                out.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
