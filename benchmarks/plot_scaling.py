#!/usr/bin/env python3
"""Draws docs/scaling-curve.png from benchmarks/results/scaling.csv (scaling_benchmark.py).

Two panels: wall time (and CPU time) against deliveries, and peak RSS against
deliveries, one line per format measured, each with a dashed linear reference
through the smallest size's point (cost proportional to deliveries).

Usage: benchmarks/plot_scaling.py [--csv benchmarks/results/scaling.csv] [--out docs/scaling-curve.png]
Needs: pip install matplotlib
"""
import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import RESULTS, ROOT  # noqa: E402


def load(path):
    series = defaultdict(list)
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            series[row["format"]].append((int(row["deliveries"]), float(row["wall_s"]), float(row["cpu_s"]),
                                          int(row["peak_rss_bytes"]) / 1e6))
    return {fmt: sorted(points) for fmt, points in series.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=RESULTS / "scaling.csv")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "scaling-curve.png")
    args = parser.parse_args()
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = load(args.csv)
    figure, (time_axis, memory_axis) = plt.subplots(1, 2, figsize=(11, 4.5))
    for fmt, points in series.items():
        sizes = [p[0] / 1e6 for p in points]
        first = points[0]
        linear = [s / sizes[0] for s in sizes]
        time_axis.plot(sizes, [p[1] for p in points], "o-", label=f"{fmt}: wall")
        time_axis.plot(sizes, [p[2] for p in points], "s:", label=f"{fmt}: CPU")
        time_axis.plot(sizes, [first[1] * k for k in linear], "--", color="grey", linewidth=1,
                       label=f"{fmt}: linear from {sizes[0]:g}M")
        memory_axis.plot(sizes, [p[3] for p in points], "o-", label=f"{fmt}: peak RSS")
        memory_axis.plot(sizes, [first[3] * k for k in linear], "--", color="grey", linewidth=1,
                         label=f"{fmt}: linear from {sizes[0]:g}M")
    time_axis.set(title="Time", xlabel="deliveries (millions)", ylabel="seconds")
    memory_axis.set(title="Peak RSS", xlabel="deliveries (millions)", ylabel="MB")
    for axis in (time_axis, memory_axis):
        axis.grid(True, alpha=0.3)
        axis.legend(fontsize=8)
        axis.set_xlim(left=0)
        axis.set_ylim(bottom=0)
    figure.suptitle("sms-report report: cost against snapshot size")
    figure.tight_layout()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(args.out, dpi=110)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
