#!/usr/bin/env python3
"""The XLSX benchmark (issue 4): 1,000,000 deliveries to report.xlsx, against plain C.

Runs `sms-report report --format xlsx` (release build) on a snapshot of 1,000,000
deliveries and prints its wall time, CPU time, peak RSS, file size and how much the
resident memory grew while the workbook was written. In the same run it compiles
benchmarks/xlsx_baseline.c, a plain C program against libxlsxwriter in
constant_memory mode that writes the same deliveries cells (read from the
deliveries.csv that `report` writes), and prints its time, so the two are
measured on the same machine in the same state.

The snapshot is bench-data/snapshot-1000000 (the one benchmarks/report_benchmark.py
makes), generated with `sms-sample` when missing. Every run starts with the
snapshot in the page cache. Targets: report ≤ 1.2× the C baseline's time (issue 16;
1.3× before it), peak RSS ≤ 1 GB, flat memory while the workbook is written.

Usage: benchmarks/xlsx_benchmark.py [--runs 3] [--no-build] [--build-path .build]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"
SIZE = 1_000_000
EPOCH = "1762300800"


def build(build_path):
    for product in ("sms-report", "sms-sample"):
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", str(build_path), "--product", product],
                       cwd=ROOT, check=True)


def snapshot(binaries):
    folder = DATA / f"snapshot-{SIZE}"
    if not folder.exists():
        started = time.monotonic()
        subprocess.run([binaries / "sms-sample", "--out", folder, "--deliveries", str(SIZE), "--days", "30",
                        "--page-size", "50", "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
        print(f"generated {SIZE:,} deliveries in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return folder


def warm(paths):
    """Reads files once so that a run measures the program, not the disk."""
    for path in paths:
        with open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass


class Measured:
    """Runs a command, sampling its resident memory; keeps wall time, CPU time, peak RSS."""

    def __init__(self, command, env=None):
        self.samples = []
        started = time.monotonic()
        before = os.times()
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        sampler = threading.Thread(target=self._sample, args=(started,), daemon=True)
        sampler.start()
        self.stdout, self.stderr = self.process.communicate()
        self.wall = time.monotonic() - started
        sampler.join()
        after = os.times()
        self.cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        if self.process.returncode not in (0, 3):
            sys.exit(f"{command[0]} failed with exit {self.process.returncode}: {self.stderr}")

    def _sample(self, started):
        status = Path(f"/proc/{self.process.pid}/status")
        while self.process.poll() is None:
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        self.samples.append((time.monotonic() - started, int(line.split()[1]) * 1024))
            except (FileNotFoundError, ProcessLookupError):
                break
            time.sleep(0.05)

    @property
    def peak_rss(self):
        return max((rss for _, rss in self.samples), default=0)

    def rss_between(self, start, end):
        values = [rss for at, rss in self.samples if start <= at <= end]
        return (min(values), max(values)) if values else (0, 0)


def stage_times(verbose_output):
    """`stage: 1.23 s (at 4.56 s)` lines of --verbose, as stage → (seconds, ended at)."""
    stages = {}
    for line in verbose_output.splitlines():
        name, sep, rest = line.rpartition(": ")
        if sep and rest.endswith(" s)") and " s (at " in rest:
            took, at = rest[:-3].split(" s (at ")
            stages[name] = (float(took), float(at))
    return stages


def run_report(binaries, folder, out):
    shutil.rmtree(out, ignore_errors=True)
    warm(sorted(folder.rglob("*.json")))
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    run = Measured([str(binaries / "sms-report"), "report", "--snapshot", str(folder), "--out", str(out),
                    "--format", "xlsx", "--verbose"], env=env)
    stages = stage_times(run.stderr)
    xlsx_took, xlsx_end = stages["writing xlsx"]
    # The process's own clock starts a little after ours; align on its end.
    offset = run.wall - stages["writing xlsx"][1]
    start, end = xlsx_end - xlsx_took + offset, xlsx_end + offset
    rss_at_start, rss_max = run.rss_between(start, start + 0.3)[0], run.rss_between(start, end)[1]
    return {
        "wall": run.wall, "cpu": run.cpu, "rss": run.peak_rss, "size": (out / "report.xlsx").stat().st_size,
        "read": stages["reading snapshot"][0], "aggregate": stages["aggregating"][0], "xlsx": xlsx_took,
        "xlsx_rss_start": rss_at_start, "xlsx_rss_max": rss_max,
    }


def deliveries_csv(binaries, folder):
    """The deliveries.csv that `report` writes for the snapshot (the baseline's input)."""
    out = DATA / f"xlsx-baseline-csv-{SIZE}"
    if not (out / "deliveries.csv").exists():
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
        subprocess.run([binaries / "sms-report", "report", "--snapshot", folder, "--out", out, "--format", "csv",
                        "--quiet"], check=True, env=env)
    return out / "deliveries.csv"


def compile_baseline(work):
    binary = work / "xlsx_baseline"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "xlsxwriter"], capture_output=True, text=True,
                           check=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", str(binary), str(ROOT / "benchmarks" / "xlsx_baseline.c"), *flags], check=True)
    return binary


def run_baseline(binary, csv_path, out):
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    warm([csv_path])
    run = Measured([str(binary), str(csv_path), str(out / "report.xlsx")])
    fields = dict(item.split("=") for item in run.stdout.split())
    return {"wall": run.wall, "cpu": run.cpu, "rss": run.peak_rss, "size": (out / "report.xlsx").stat().st_size,
            "parse": float(fields["parse_s"]), "write": float(fields["write_s"])}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--build-path", default=".build", help="SwiftPM scratch path of the release build")
    args = parser.parse_args()
    build_path = ROOT / args.build_path
    if not args.no_build:
        build(build_path)
    binaries = build_path / "release"
    DATA.mkdir(exist_ok=True)
    folder = snapshot(binaries)
    csv_path = deliveries_csv(binaries, folder)
    with tempfile.TemporaryDirectory(prefix="xlsx-baseline-") as work:
        baseline_binary = compile_baseline(Path(work))
        reports, baselines = [], []
        for _ in range(args.runs):
            reports.append(run_report(binaries, folder, DATA / f"out-xlsx-{SIZE}"))
            baselines.append(run_baseline(baseline_binary, csv_path, DATA / f"out-xlsx-baseline-{SIZE}"))

    best = min(reports, key=lambda r: r["wall"])
    base = min(baselines, key=lambda r: r["wall"])
    mb = 1e6
    print(f"machine: {os.cpu_count()} cores; {SIZE:,} deliveries; best of {args.runs} runs, alternating")
    print(f"{'':28} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'file MB':>9}")
    print(f"{'sms-report --format xlsx':28} {best['wall']:>8.2f} {best['cpu']:>8.2f} "
          f"{max(r['rss'] for r in reports) / mb:>12.0f} {best['size'] / mb:>9.1f}")
    print(f"{'C baseline (libxlsxwriter)':28} {base['wall']:>8.2f} {base['cpu']:>8.2f} "
          f"{max(b['rss'] for b in baselines) / mb:>12.0f} {base['size'] / mb:>9.1f}")
    print(f"report stages: reading {best['read']:.2f} s, aggregating {best['aggregate']:.2f} s, "
          f"writing xlsx {best['xlsx']:.2f} s")
    print(f"baseline: reading the CSV {base['parse']:.2f} s (untimed by it), writing xlsx {base['write']:.2f} s")
    print(f"ratio report / baseline: {best['wall'] / base['wall']:.2f}x end to end (target <= 1.2x); "
          f"xlsx stage / baseline write {best['xlsx'] / base['write']:.2f}x")
    growth = max(r["xlsx_rss_max"] - r["xlsx_rss_start"] for r in reports)
    print(f"memory while writing xlsx: {best['xlsx_rss_start'] / mb:.0f} MB at its start, "
          f"{best['xlsx_rss_max'] / mb:.0f} MB at most; largest growth over the runs {growth / mb:.0f} MB")


if __name__ == "__main__":
    main()
