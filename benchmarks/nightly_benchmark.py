#!/usr/bin/env python3
"""The nightly run of many accounts (issue 16): accounts per minute against parallel_accounts.

Starts a pool of `sms-api-sim` processes on 127.0.0.1 (--simulators, default 4; each
its own seed, `--latency-ms 20 --page-size 50 --staff --clean`, a world of
--deliveries deliveries over --days days ending 2025-11-04), writes a run config
with --accounts accounts spread round-robin over the pool (no email_to, so no
email; `run --no-email` as well), and for each --parallel value runs
`sms-report run --config … --period 2025-11-04` on a fresh output folder and a
fresh history store. Prints wall time, accounts per minute, CPU time and peak RSS
of the run (the sms-report process alone, from wait4) and the simulators' CPU over
that run; appends the figures to benchmarks/results/nightly.csv (git-ignored).

Why a pool and not one simulator per account: the simulator accepts one token and
serves one world, but nothing in it is per account, and its latency is an
asynchronous sleep, so one process serves many clients at once (about 9,400 page
requests/s without latency, docs/performance.md). Accounts that share a simulator
share its token (one environment variable, SMS_BENCH_TOKEN, named by every
account's token_env) and fetch and report the same world, which costs sms-report
exactly what distinct worlds of the same size would. 200 simulators would only add
memory and start-up time; --simulators N sets the pool (up to one per account).

Each account: fetch (concurrency: --concurrency, default 4, each response 20 ms
late), report in --formats (default xlsx,csv,html, what `run` writes), the history
store (SQLite, the default <output_dir>/history.sqlite). With --days 1 (the
default) the whole world is the period's day, so an account's report covers
--deliveries deliveries; --days 3 gives the 3-day snapshot of recheck_hours 48.

Bounds: every simulator must be listening within 30 s; each `run` is stopped past
--timeout seconds (account_timeout_minutes in the config bounds each account);
the simulators are stopped when the script ends, however it ends. Only 127.0.0.1.

Usage: benchmarks/nightly_benchmark.py [--bin DIR] [--accounts 200] [--deliveries 10000]
       [--parallel 1,2,4,8] [--simulators 4] [--latency-ms 20] [--days 1] [--formats xlsx,csv,html]
"""
import argparse
import csv
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import RESULTS, add_bin_option, binary, mb, measure  # noqa: E402

PERIOD = "2025-11-04"
TOKEN_ENV = "SMS_BENCH_TOKEN"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Simulator:
    """One sms-api-sim on 127.0.0.1, with the token in its environment (never on its command line)."""

    def __init__(self, bin_folder, token, seed, args):
        command = [binary(bin_folder, "sms-api-sim"), "--host", "127.0.0.1", "--port", "0",
                   "--deliveries", str(args.deliveries), "--days", str(args.days), "--end-day", PERIOD,
                   "--page-size", "50", "--seed", str(seed), "--latency-ms", str(args.latency_ms),
                   "--staff", "--clean"]
        self.process = subprocess.Popen([str(c) for c in command], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True,
                                        env=dict(os.environ, SMS_SIM_TOKEN=token))
        killer = threading.Timer(30, self.process.kill)
        killer.start()
        line = self.process.stdout.readline().strip()
        killer.cancel()
        if not line.startswith("listening on http://127.0.0.1:"):
            self.stop()
            sys.exit(f"error: sms-api-sim did not start within 30 s (said {line!r})")
        self.base_url = line.removeprefix("listening on ")

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def write_config(path, output_dir, simulators, args, parallel):
    formats = ", ".join(f.strip() for f in args.formats.split(","))
    lines = [
        "timezone: Asia/Kathmandu",
        f"output_dir: {output_dir}",
        f"formats: [{formats}]",
        "keep_snapshots: 1",
        f"concurrency: {args.concurrency}",
        f"parallel_accounts: {parallel}",
        "recheck_hours: 48",
        f"account_timeout_minutes: {args.account_timeout_minutes}",
        "accounts:",
    ]
    for index in range(args.accounts):
        simulator = simulators[index % len(simulators)]
        lines += [f"  - name: acct{index:05d}", f"    base_url: {simulator.base_url}", f"    token_env: {TOKEN_ENV}"]
    path.write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_bin_option(parser)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--deliveries", type=int, default=10_000, help="deliveries per account")
    parser.add_argument("--parallel", default="1,2,4,8", help="parallel_accounts values to compare")
    parser.add_argument("--simulators", type=int, default=4, help="simulator processes, accounts round-robin")
    parser.add_argument("--latency-ms", type=int, default=20)
    parser.add_argument("--days", type=int, default=1, help="days of the world, ending on the period's day")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight per account")
    parser.add_argument("--formats", default="xlsx,csv,html")
    parser.add_argument("--account-timeout-minutes", type=float, default=30)
    parser.add_argument("--timeout", type=float, default=7200, help="seconds one whole run may take")
    parser.add_argument("--work", type=Path, help="folder for configs and outputs (default: a temporary one)")
    parser.add_argument("--results", type=Path, default=RESULTS / "nightly.csv")
    args = parser.parse_args()
    parallels = [int(p) for p in args.parallel.split(",")]
    pool = max(1, min(args.simulators, args.accounts))

    token = secrets.token_hex(16)
    work = args.work or Path(tempfile.mkdtemp(prefix="nightly-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    simulators = []
    rows = []
    try:
        simulators = [Simulator(args.bin, token, seed=42 + i, args=args) for i in range(pool)]
        print(f"machine: {os.cpu_count()} cores; {args.accounts} accounts × {args.deliveries:,} deliveries "
              f"({args.days} day(s)), {pool} simulator(s) with {args.latency_ms} ms per response, "
              f"concurrency {args.concurrency}, formats {args.formats}")
        print(f"{'parallel':>8} {'wall s':>8} {'accounts/min':>13} {'CPU s':>8} {'peak RSS MB':>12} "
              f"{'sim CPU s':>10} {'exit':>5}")
        for parallel in parallels:
            run_dir = work / f"parallel-{parallel}"
            shutil.rmtree(run_dir, ignore_errors=True)
            run_dir.mkdir(parents=True)
            config = run_dir / "config.yaml"
            write_config(config, run_dir / "out", simulators, args, parallel)
            sim_cpu_before = sum(s.cpu_seconds() for s in simulators)
            env = dict(os.environ, **{TOKEN_ENV: token})
            run = measure([binary(args.bin, "sms-report"), "run", "--config", config, "--period", PERIOD,
                           "--no-email", "--quiet"], env=env, timeout=args.timeout, ok_codes=(0, 3, 7))
            sim_cpu = sum(s.cpu_seconds() for s in simulators) - sim_cpu_before
            per_minute = args.accounts / run.wall * 60
            print(f"{parallel:>8} {run.wall:>8.1f} {per_minute:>13.1f} {run.cpu:>8.1f} {mb(run.peak_rss):>12.0f} "
                  f"{sim_cpu:>10.1f} {run.exit_code:>5}")
            if run.exit_code != 0:
                print(f"  note: exit {run.exit_code}; {run.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            rows.append({"accounts": args.accounts, "deliveries_per_account": args.deliveries, "days": args.days,
                         "simulators": pool, "latency_ms": args.latency_ms, "concurrency": args.concurrency,
                         "formats": args.formats, "parallel_accounts": parallel, "wall_s": f"{run.wall:.3f}",
                         "accounts_per_minute": f"{per_minute:.2f}", "cpu_s": f"{run.cpu:.3f}",
                         "peak_rss_bytes": run.peak_rss, "simulator_cpu_s": f"{sim_cpu:.3f}",
                         "exit_code": run.exit_code, "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
            if not args.work:
                shutil.rmtree(run_dir, ignore_errors=True)
    finally:
        for simulator in simulators:
            simulator.stop()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if rows:
        args.results.parent.mkdir(parents=True, exist_ok=True)
        new_file = not args.results.exists()
        with open(args.results, "a", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            if new_file:
                writer.writeheader()
            writer.writerows(rows)
        print(f"appended to {args.results}")


if __name__ == "__main__":
    main()
