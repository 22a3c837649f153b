#!/usr/bin/env python3
"""Counts the instructions of one whole negotiation, for each Throughput pair of sim_bench.

Timings on a shared virtual machine move by half from one run to the next (the same binary gave
11.8 and 17.3 us for boulware-conceder minutes apart); instruction counts do not. This runs
build/bench/bench/sim_bench --benchmark_filter=Throughput/PAIR under callgrind, takes the
instructions spent inside the benchmark's loop (BM_Throughput, inclusive) and divides them by
the number of negotiations played (the calls of parley::sim::RunNegotiation), so a change to the
engine can be judged by its count before and after. The strategies' setup outside the loop is a
few percent of the total and is included.

Usage: bench/count_sim.py [--build-dir DIR] [--min-time S] [PAIR ...]
       (PAIR: boulware, hardheaded, random; default all three)
Needs valgrind and callgrind_annotate. Python standard library only.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def negotiations(path):
    """Calls of RunNegotiation recorded in a callgrind file (names are compressed to ids)."""
    names, current, calls = {}, None, 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"(c?)fn=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
            if m:
                if m.group(3):
                    names[m.group(2)] = m.group(3)
                current = names.get(m.group(2), "") if m.group(1) else None
                continue
            m = re.match(r"calls=(\d+)", line)
            if m and current and current.startswith("parley::sim::RunNegotiation("):
                calls += int(m.group(1))
    return calls


def loop_instructions(path):
    """BM_Throughput's inclusive instruction count."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", path], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "BM_Throughput(" in line:
            return int(line.split()[0].replace(",", ""))
    raise SystemExit("count_sim: BM_Throughput is not in the profile")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build", "bench"))
    parser.add_argument("--min-time", default="1", help="sim_bench's --benchmark_min_time")
    parser.add_argument("pairs", nargs="*", default=["boulware", "hardheaded", "random"])
    args = parser.parse_args()
    bench = os.path.join(args.build_dir, "bench", "sim_bench")
    if not os.access(bench, os.X_OK):
        sys.exit(f"count_sim: {bench} is missing: cmake --preset bench && cmake --build "
                 "--preset bench")
    print(f"{'pair':<12} {'negotiations':>12} {'instructions each':>18}")
    for pair in args.pairs:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "callgrind.out")
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", bench,
                            f"--benchmark_filter=Throughput/{pair}",
                            f"--benchmark_min_time={args.min_time}"],
                           check=True, capture_output=True)
            played = negotiations(out)
            if played == 0:
                sys.exit(f"count_sim: no negotiation ran for '{pair}'")
            print(f"{pair:<12} {played:>12,} {loop_instructions(out) // played:>18,}")


if __name__ == "__main__":
    main()
