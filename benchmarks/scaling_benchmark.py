#!/usr/bin/env python3
"""How the report's cost grows with the snapshot (issue 16): 1M, 2M, 5M and 10M deliveries.

For each size it generates (once, cached in bench-data/snapshot-SIZE) a snapshot with
`sms-sample --deliveries SIZE --days 30 --page-size 50 --seed 42`, warms the page
cache, runs `sms-report report --format csv` (and `--format xlsx` with --xlsx) best
of --runs, and records wall time, CPU time (user + system) and peak RSS per size and
format in benchmarks/results/scaling.csv (git-ignored; replaced on each run). It
prints each size's time and memory as a ratio of the first (smallest) size's.
benchmarks/plot_scaling.py draws docs/scaling-curve.png from that CSV.

On a virtual machine that hands free memory back to its host (free page reporting,
printed in the header when on), the larger sizes pay more per byte for the fresh
memory they touch (their output's page cache and their heap): docs/performance.md
("Fresh memory on this machine") has the figures; --hold-page-reporting (root) holds
it off during the runs and puts the kernel's setting back after.

Disk: a snapshot holds about 560 MB of JSON per million deliveries (10M: about
5.6 GB), plus the report's output (about 350 MB of CSV per million). The script
checks the free space before generating a size and stops if it lacks.

Usage: benchmarks/scaling_benchmark.py [--bin DIR] [--sizes 1000000,2000000,5000000,10000000]
                                       [--runs 3] [--xlsx] [--out benchmarks/results/scaling.csv]
                                       [--hold-page-reporting]
"""
import argparse
import csv
import os
import shutil
import sys
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import (DATA, EPOCH, JSON_BYTES_PER_DELIVERY, LARGEST_PAGE_ORDER, RESULTS, add_bin_option, binary, mb,  # noqa: E402
                          measure, page_reporting_held_off, page_reporting_note, page_reporting_order, snapshot,
                          warm)

OUTPUT_BYTES_PER_DELIVERY = 350  # deliveries.csv and the other tables


def check_disk(size, cached):
    need = size * OUTPUT_BYTES_PER_DELIVERY * 2 + (0 if cached else size * JSON_BYTES_PER_DELIVERY)
    DATA.mkdir(exist_ok=True)
    free = shutil.disk_usage(DATA).free
    if free < need * 1.1:
        sys.exit(f"error: {size:,} deliveries need about {need / 1e9:.1f} GB free under {DATA}; "
                 f"{free / 1e9:.1f} GB are")


def page_reporting_state():
    """The scaling.csv column that tells runs with free page reporting on from held off."""
    order = page_reporting_order()
    if order is None:
        return "none"
    return "held off" if order > LARGEST_PAGE_ORDER else "on"


def run_report(bin_folder, folder, out, fmt, timeout):
    shutil.rmtree(out, ignore_errors=True)
    warm(folder)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return measure([binary(bin_folder, "sms-report"), "report", "--snapshot", folder, "--out", out,
                    "--format", fmt, "--quiet"], env=env, timeout=timeout, ok_codes=(0, 3))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_bin_option(parser)
    parser.add_argument("--sizes", default="1000000,2000000,5000000,10000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--xlsx", action="store_true", help="also measure --format xlsx")
    parser.add_argument("--out", type=Path, default=RESULTS / "scaling.csv")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds any one report may take")
    parser.add_argument("--keep-output", action="store_true", help="keep each size's report folder")
    parser.add_argument("--hold-page-reporting", action="store_true",
                        help="hold the kernel's free page reporting off during the runs (root; restored after)")
    args = parser.parse_args()
    with page_reporting_held_off() if args.hold_page_reporting else nullcontext():
        run_sizes(args)


def run_sizes(args):
    sizes = sorted(int(s) for s in args.sizes.split(","))
    formats = ["csv", "xlsx"] if args.xlsx else ["csv"]
    total_json = sum(s * JSON_BYTES_PER_DELIVERY for s in sizes if not (DATA / f"snapshot-{s}").exists())
    if total_json:
        print(f"note: generating the missing snapshots writes about {total_json / 1e9:.1f} GB of JSON under {DATA}",
              file=sys.stderr)

    rows = []
    first = {}
    print(f"machine: {os.cpu_count()} cores; best of {args.runs} runs; page cache warmed before each run")
    note = page_reporting_note()
    if note:
        print(note)
    print(f"{'deliveries':>12} {'format':>6} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} "
          f"{'wall ×':>7} {'CPU ×':>7} {'RSS ×':>7} {'size ×':>7}")
    for size in sizes:
        check_disk(size, (DATA / f"snapshot-{size}" / "manifest.json").exists())
        folder = snapshot(args.bin, size)
        for fmt in formats:
            out = DATA / f"scaling-out-{size}-{fmt}"
            measured = [run_report(args.bin, folder, out, fmt, args.timeout) for _ in range(args.runs)]
            if not args.keep_output:
                shutil.rmtree(out, ignore_errors=True)
            wall = min(m.wall for m in measured)
            cpu = min(m.cpu for m in measured)
            rss = max(m.peak_rss for m in measured)
            base = first.setdefault(fmt, (size, wall, cpu, rss))
            rows.append({"deliveries": size, "format": fmt, "runs": args.runs, "wall_s": f"{wall:.3f}",
                         "cpu_s": f"{cpu:.3f}", "peak_rss_bytes": rss,
                         "wall_all_s": ";".join(f"{m.wall:.3f}" for m in measured),
                         "page_reporting": page_reporting_state()})
            print(f"{size:>12,} {fmt:>6} {wall:>8.2f} {cpu:>8.2f} {mb(rss):>12.0f} {wall / base[1]:>7.2f} "
                  f"{cpu / base[2]:>7.2f} {rss / base[3]:>7.2f} {size / base[0]:>7.1f}")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "w", newline="") as handle:  # rewritten after each size, so a cut run keeps its rows
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    print(f"wrote {args.out}; draw it with benchmarks/plot_scaling.py")


if __name__ == "__main__":
    main()
