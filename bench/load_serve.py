#!/usr/bin/env python3
"""Load on `parley serve`: many concurrent clients on loopback, bounded in count and time.

Starts `parley serve --port 0` itself with a store in a temporary folder, saves one case
(examples/sales-renewal.yaml as JSON, through POST /api/cases), then for each route runs
--clients client threads for --seconds seconds, each sending one request after the other on its
own keep-alive connection, and prints per route: requests, requests per second, latency p50,
p90, p99 and max in milliseconds, and the error count (any answer but 200, or a broken
connection). Exits 1 when a route had an error. Not a timed test: the figures depend on the
machine (docs/serve.md, "Load", records some).

Routes: `read` is GET /api/cases/ID (the store); `plan` is POST /api/run/plan with the case as
JSON (the whole brief: power model, deal space, MESO, concessions, playbook).

Usage: bench/load_serve.py [--parley PATH] [--clients N] [--seconds S] [--routes read,plan]
                           [--max-runs N]
Python standard library only.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_server(parley, db, max_runs):
    """Starts the server on a free port; returns the process and the port it printed."""
    args = [parley, "serve", "--port", "0", "--db", db]
    if max_runs:
        args += ["--max-runs", str(max_runs)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if "listening on http://" not in line:
        proc.kill()
        sys.exit("load_serve: the server did not start: " + line)
    port = int(line.split("http://", 1)[1].split(" ", 1)[0].rsplit(":", 1)[1])
    return proc, port


def case_json(parley):
    """examples/sales-renewal.yaml as the JSON a request carries (parley convert --to json)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "case.json")
        subprocess.run([parley, "convert", os.path.join(ROOT, "examples", "sales-renewal.yaml"),
                        "--to", "json", "-o", out], check=True, stdout=subprocess.DEVNULL)
        with open(out, "rb") as f:
            return f.read()


def request(conn, method, path, body):
    """One request; returns (status, seconds). Reconnects when the server closed the line."""
    start = time.perf_counter()
    headers = {"Content-Type": "application/json"} if body is not None else {}
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    except (http.client.HTTPException, OSError):
        conn.close()
        status = 0
    return status, time.perf_counter() - start


def run_route(port, method, path, body, clients, seconds):
    """`clients` threads for `seconds`; returns the latencies (s) and the error count."""
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine, bad = [], 0
        while time.perf_counter() < deadline:
            status, took = request(conn, method, path, body)
            mine.append(took)
            bad += status != 200
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors[0], time.perf_counter() - started


def percentile(sorted_values, p):
    """The nearest-rank percentile p (0..100) of a sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parley", default=os.path.join(ROOT, "build", "release", "parley"))
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients, 1 to 256")
    parser.add_argument("--seconds", type=float, default=10, help="per route, up to 300")
    parser.add_argument("--routes", default="read,plan")
    parser.add_argument("--max-runs", type=int, default=0,
                        help="the server's --max-runs (default: the clients, so none is busy)")
    opts = parser.parse_args()
    if not 1 <= opts.clients <= 256 or not 0 < opts.seconds <= 300:
        sys.exit("load_serve: --clients must be 1 to 256 and --seconds 0 to 300")
    body = case_json(opts.parley)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        proc, port = start_server(opts.parley, os.path.join(tmp, "store.db"),
                                  opts.max_runs or opts.clients)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", "/api/cases", body=body,
                         headers={"Content-Type": "application/json"})
            saved = json.loads(conn.getresponse().read())
            conn.close()
            routes = {
                "read": ("GET", "/api/cases/%d" % saved["id"], None),
                "plan": ("POST", "/api/run/plan", body),
            }
            print("parley serve on 127.0.0.1:%d, %d clients, %g s per route, %d cores" %
                  (port, opts.clients, opts.seconds, os.cpu_count() or 0))
            print("%-6s %-28s %9s %9s %8s %8s %8s %8s %7s" %
                  ("route", "request", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms",
                   "max ms", "errors"))
            for name in opts.routes.split(","):
                method, path, payload = routes[name]
                latencies, errors, wall = run_route(port, method, path, payload, opts.clients,
                                                    opts.seconds)
                latencies.sort()
                ms = [percentile(latencies, p) * 1000 for p in (50, 90, 99, 100)]
                print("%-6s %-28s %9d %9.1f %8.2f %8.2f %8.2f %8.2f %7d" %
                      (name, method + " " + path, len(latencies), len(latencies) / wall, *ms,
                       errors))
                failed |= errors > 0
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
