#!/usr/bin/env python3
"""The report benchmark (issue: 1M deliveries in ≤ 10 s, ≤ 1 GB peak RSS, linear cost).

Generates snapshots of 1,000,000 and 2,000,000 deliveries (pages of 50, plus batch
reports and batch-ids, as `fetch` stores them) with `sms-sample`, then runs
`sms-report report --format csv` on each and prints wall time, deliveries per
second and the peak RSS of the report process. Snapshots are cached under
bench-data/ (git-ignored); delete it to regenerate.

Usage: benchmarks/report_benchmark.py [--sizes 1000000,2000000] [--runs 3]
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".build" / "release"
DATA = ROOT / "bench-data"


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "sms-report"], cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "sms-sample"], cwd=ROOT, check=True)


def snapshot(size):
    folder = DATA / f"snapshot-{size}"
    if not folder.exists():
        started = time.monotonic()
        subprocess.run([BIN / "sms-sample", "--out", folder, "--deliveries", str(size), "--days", "30",
                        "--page-size", "50", "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
        print(f"generated {size:,} deliveries in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return folder


def warm(folder):
    """Reads every file of the snapshot once, so that a run measures the tool and not
    the disk (this machine's kernel reclaims idle page cache eagerly)."""
    for path in folder.rglob("*.json"):
        with open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass


def run_report(folder, out):
    """Runs one report in a child process; returns (wall s, CPU s, peak RSS bytes)."""
    shutil.rmtree(out, ignore_errors=True)
    warm(folder)
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.monotonic()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "wall = time.monotonic() - t\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(r.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
    )
    env = dict(os.environ, SOURCE_DATE_EPOCH="1762300800")
    result = subprocess.run([sys.executable, "-c", code, str(BIN / "sms-report"), "report", "--snapshot", str(folder),
                             "--out", str(out), "--format", "csv", "--quiet"],
                            capture_output=True, text=True, check=True, env=env)
    status, wall, cpu, rss_kib = result.stdout.split()
    if int(status) not in (0, 3):
        sys.exit(f"report failed with exit {status}")
    return float(wall), float(cpu), int(rss_kib) * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000000,2000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        build()
    DATA.mkdir(exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores; best of {args.runs} runs")
    print(f"{'deliveries':>12} {'wall s':>8} {'CPU s':>8} {'deliv/s':>12} {'peak RSS MB':>12}")
    best = {}
    best_cpu = {}
    for size in sizes:
        folder = snapshot(size)
        runs = [run_report(folder, DATA / f"out-{size}") for _ in range(args.runs)]
        wall = min(r[0] for r in runs)
        cpu = min(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        best[size] = wall
        best_cpu[size] = cpu
        print(f"{size:>12,} {wall:>8.2f} {cpu:>8.2f} {size / wall:>12,.0f} {rss / 1e6:>12.0f}")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(f"cost ratio {large:,} / {small:,}: wall {best[large] / best[small]:.2f}x, "
              f"CPU {best_cpu[large] / best_cpu[small]:.2f}x (size ratio {large / small:.1f}x)")


if __name__ == "__main__":
    main()
