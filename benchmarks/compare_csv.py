#!/usr/bin/env python3
"""sms-report's CSV report side by side with DuckDB and the plain-C floor (issue 16).

On one snapshot (default bench-data/snapshot-1000000, the one report_benchmark.py
makes, generated with sms-sample when missing) it runs, alternating, best of --runs:

1. `sms-report report --format csv` (SOURCE_DATE_EPOCH set);
2. benchmarks/duckdb_report.py: the same work in DuckDB (--threads, default 2);
3. benchmarks/csv_floor.c, compiled here with `cc -O2`: reads every snapshot file
   and writes the same number of bytes as that round's sms-report output, one
   process: the floor of reading plus writing the same bytes.

The page cache is warmed (every snapshot file read) before each run. For each it
prints wall time, CPU time (user + system) and peak RSS of that process alone (from
wait4), then the ratios DuckDB / sms-report and sms-report / floor. Figures only:
nothing here passes or fails on a time.

Usage: benchmarks/compare_csv.py [--bin DIR] [--size 1000000 | --snapshot DIR] [--runs 3]
Needs: pip install duckdb; a C compiler.
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import DATA, EPOCH, ROOT, add_bin_option, binary, mb, measure, snapshot, warm  # noqa: E402

FLOOR_SOURCE = ROOT / "benchmarks" / "csv_floor.c"
FLOOR_BINARY = DATA / "csv_floor"
BUILD_FLOOR = ["cc", "-O2", "-o", str(FLOOR_BINARY), str(FLOOR_SOURCE)]


def build_floor():
    DATA.mkdir(exist_ok=True)
    subprocess.run(BUILD_FLOOR, check=True)
    return FLOOR_BINARY


def folder_bytes(folder):
    return sum(p.stat().st_size for p in Path(folder).iterdir() if p.is_file())


def run_sms_report(bin_folder, folder, out, timeout):
    shutil.rmtree(out, ignore_errors=True)
    warm(folder)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return measure([binary(bin_folder, "sms-report"), "report", "--snapshot", folder, "--out", out,
                    "--format", "csv", "--quiet"], env=env, timeout=timeout, ok_codes=(0, 3))


def run_duckdb(folder, out, threads, timeout):
    shutil.rmtree(out, ignore_errors=True)
    warm(folder)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return measure([sys.executable, ROOT / "benchmarks" / "duckdb_report.py", "--snapshot", folder, "--out", out,
                    "--threads", str(threads)], env=env, timeout=timeout)


def run_floor(floor, folder, reference, out, timeout):
    shutil.rmtree(out, ignore_errors=True)
    warm(folder)
    return measure([floor, folder, reference, out], timeout=timeout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_bin_option(parser)
    parser.add_argument("--size", type=int, default=1_000_000, help="deliveries of the cached snapshot")
    parser.add_argument("--snapshot", type=Path, help="use this snapshot folder instead of a generated one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds any one run may take")
    args = parser.parse_args()
    folder = args.snapshot or snapshot(args.bin, args.size)
    floor = build_floor()
    outs = {name: DATA / f"compare-{name}" for name in ("sms-report", "duckdb", "floor")}
    runs = {name: [] for name in outs}
    for index in range(args.runs):
        # Alternate the order so that no program always runs right after another's writes.
        order = ["sms-report", "duckdb", "floor"] if index % 2 == 0 else ["duckdb", "sms-report", "floor"]
        for name in order:
            if name == "sms-report":
                runs[name].append(run_sms_report(args.bin, folder, outs[name], args.timeout))
            elif name == "duckdb":
                runs[name].append(run_duckdb(folder, outs[name], args.threads, args.timeout))
            else:
                runs[name].append(run_floor(floor, folder, outs["sms-report"], outs[name], args.timeout))
        print(f"round {index + 1}: " + ", ".join(f"{n} {runs[n][-1].wall:.2f} s" for n in order), file=sys.stderr)

    snapshot_bytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    deliveries = runs["duckdb"][-1].stdout.split("deliveries=")[-1].strip()
    floor_fields = dict(item.split("=") for item in min(runs["floor"], key=lambda r: r.wall).stdout.split())
    print(f"machine: {os.cpu_count()} cores; snapshot {folder} ({deliveries} deliveries, "
          f"{mb(snapshot_bytes):,.0f} MB); best of {args.runs}, alternating, page cache warmed before each run")
    print(f"{'':34} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'output MB':>10}")
    best = {}
    least_cpu = {name: min(r.cpu for r in measured) for name, measured in runs.items()}
    labels = {"sms-report": "sms-report report --format csv", "duckdb": f"DuckDB ({args.threads} threads)",
              "floor": "C floor (read + write the bytes)"}
    for name, measured in runs.items():
        best[name] = min(measured, key=lambda r: r.wall)
        print(f"{labels[name]:34} {best[name].wall:>8.2f} {least_cpu[name]:>8.2f} "
              f"{mb(max(r.peak_rss for r in measured)):>12.0f} {mb(folder_bytes(outs[name])):>10.1f}")
    print(f"floor: reading {floor_fields['read_s']} s, writing {floor_fields['write_s']} s "
          f"({int(floor_fields['files_read']):,} files read)")
    print(f"ratio DuckDB / sms-report: {best['duckdb'].wall / best['sms-report'].wall:.2f}x wall, "
          f"{least_cpu['duckdb'] / least_cpu['sms-report']:.2f}x CPU (the least of each, as in the table)")
    print(f"ratio sms-report / floor: {best['sms-report'].wall / best['floor'].wall:.2f}x wall "
          f"(floor {best['floor'].wall:.3f} s)")


if __name__ == "__main__":
    main()
