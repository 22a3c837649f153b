#!/usr/bin/env python3
"""Times `parley power` and compares its prediction scan with the reference rule.

1. Runs build/bench/parley (`parley power` with
   10,000 draws) once per example and per corpus scenario of at most 10^7 outcomes, as separate
   processes, and prints wall time and peak RSS; checks each run stays under --limit seconds.
2. Runs build/bench/bench/power_bench (Google Benchmark) for the examples and prints, side by
   side, the sampled prediction with Parley's flat weighted-Nash scan (PredictDeal) and with the
   general rule (analysis::Solve on a frontier copy per draw), and their ratio.

Usage: bench/compare_power.py [--no-build] [--limit S] [--build-dir DIR]
Python standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARLEY = BENCH = None


def build():
    """Configures and builds the bench preset with the parley binary (a no-op when up to date)."""
    for cmd in (["cmake", "--preset", "bench"],
                ["cmake", "--build", "--preset", "bench", "-j2", "--target", "power_bench",
                 "parley"]):
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def shared_dir():
    return os.environ.get("PARLEY_SHARED_DIR", os.path.join(ROOT, "..", "shared"))


def scenarios():
    """(name, path) of every example and every corpus scenario of at most 10^7 outcomes."""
    out = []
    for name in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        if name.endswith(".yaml"):
            out.append(("example:" + name[:-5], os.path.join("examples", name)))
    index = os.path.join(shared_dir(), "data", "genius", "index.json")
    if os.path.exists(index):
        with open(index) as f:
            data = json.load(f)
        for section, entries in data.items():
            if not isinstance(entries, list) or section == "quirk_originals":
                continue
            for e in entries:
                n = e.get("n_outcomes")
                if "path" in e and isinstance(n, int) and n <= 10**7:
                    out.append(("corpus:" + e["path"].split("genius/", 1)[-1],
                                os.path.join(shared_dir(), e["path"])))
    return out


def time_parley(path):
    """Wall seconds and peak RSS (KiB, from /usr/bin/time when present) of one run."""
    cmd = [PARLEY, "power", path, "--samples", "10000", "--format", "json"]
    rss = None
    if os.access("/usr/bin/time", os.X_OK):
        cmd = ["/usr/bin/time", "-f", "%M"] + cmd
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if run.returncode != 0:
        return wall, None, run.stderr.strip().splitlines()[-1]
    if cmd[0] == "/usr/bin/time":
        rss = int(run.stderr.strip().splitlines()[-1])
    return wall, rss, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--limit", type=float, default=1.0, help="seconds allowed per run")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "bench"),
                    help="a Release build with PARLEY_BUILD_BENCH=ON (default: the bench preset)")
    args = ap.parse_args()
    global PARLEY, BENCH
    PARLEY = os.path.join(args.build_dir, "parley")
    BENCH = os.path.join(args.build_dir, "bench", "power_bench")
    if not args.no_build:
        build()

    print(f"{'scenario':<40} {'wall s':>8} {'peak MiB':>9}")
    slowest, failures = 0.0, []
    for name, path in scenarios():
        wall, rss, error = time_parley(path)
        slowest = max(slowest, wall)
        mib = f"{rss / 1024:.1f}" if rss else "-"
        print(f"{name:<40} {wall:>8.3f} {mib:>9}" + (f"  {error}" if error else ""))
        if error or wall > args.limit:
            failures.append(name)
    print(f"slowest run {slowest:.3f} s (limit {args.limit} s)\n")

    out = subprocess.run([BENCH, "--benchmark_filter=Predict/", "--benchmark_format=json",
                          "--benchmark_min_time=0.3"], capture_output=True, text=True, check=True)
    results = {b["name"]: b for b in json.loads(out.stdout)["benchmarks"]}
    print(f"{'prediction, 10,000 draws':<40} {'fast ms':>8} {'reference ms':>13} {'ratio':>7}")
    for name, fast in results.items():
        if not name.startswith("Predict/fast/"):
            continue
        domain = name[len("Predict/fast/"):]
        ref = results.get("Predict/reference/" + domain)
        if ref is None:
            continue
        if ref.get("error_occurred"):
            failures.append(domain + " (reference disagrees)")
        ratio = ref["real_time"] / fast["real_time"]
        print(f"{domain:<40} {fast['real_time']:>8.2f} {ref['real_time']:>13.2f} {ratio:>6.1f}x")
    if failures:
        print("FAILED: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
