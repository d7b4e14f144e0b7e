#!/usr/bin/env python3
"""The fetch benchmark (issue 3): 200,000 deliveries in pages of 50 from the API
simulator with 20 ms of latency per response, fetched at --concurrency 1, 4 and 16.

Prints, for each concurrency, the wall time, the requests per second, and the ideal
wall time (requests × latency ÷ concurrency) with the share of it achieved. Runs on
127.0.0.1 only.

Usage: benchmarks/fetch_benchmark.py [--deliveries 200000] [--latency-ms 20] [--concurrency 1,4,16]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".build" / "release"
TOKEN = "bench-token"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deliveries", type=int, default=200_000)
    parser.add_argument("--latency-ms", type=int, default=20)
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        for product in ("sms-report", "sms-api-sim"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)

    sim = subprocess.Popen([BIN / "sms-api-sim", "--port", "0", "--deliveries", str(args.deliveries), "--days", "30",
                            "--page-size", "50", "--latency-ms", str(args.latency_ms), "--staff", "--clean"],
                           stdout=subprocess.PIPE, text=True, env=dict(os.environ, SMS_SIM_TOKEN=TOKEN))
    base_url = sim.stdout.readline().strip().removeprefix("listening on ")
    work = Path(tempfile.mkdtemp(prefix="fetch-bench-"))
    try:
        print(f"machine: {os.cpu_count()} cores; {args.deliveries:,} deliveries, pages of 50, "
              f"{args.latency_ms} ms per response")
        print(f"{'concurrency':>11} {'requests':>9} {'wall s':>8} {'req/s':>8} {'ideal s':>8} {'of ideal':>9}")
        for concurrency in [int(c) for c in args.concurrency.split(",")]:
            out = work / f"snap-{concurrency}"
            started = time.monotonic()
            result = subprocess.run([BIN / "sms-report", "fetch", "--base-url", base_url, "--out", out,
                                     "--concurrency", str(concurrency), "--quiet"],
                                    env=dict(os.environ, SMS_REPORT_TOKEN=TOKEN), capture_output=True, text=True)
            wall = time.monotonic() - started
            if result.returncode != 0:
                sys.exit(f"fetch failed ({result.returncode}): {result.stderr}")
            manifest = json.loads((out / "manifest.json").read_text())
            requests = sum(r["attempts"] for r in manifest["requests"])
            ideal = requests * args.latency_ms / 1000 / concurrency
            print(f"{concurrency:>11} {requests:>9,} {wall:>8.2f} {requests / wall:>8.0f} {ideal:>8.2f} "
                  f"{ideal / wall:>8.0%}")
            shutil.rmtree(out)
    finally:
        sim.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
