#!/usr/bin/env python3
"""The history store's costs (issue 13), on both backends:

1. what `report --store` adds to a 1M-delivery `report --format csv` (target: ≤ 10%);
2. the bytes one account-day of 1M deliveries takes in the store;
3. how long `history` takes over a year of stored days of one account (target: < 1 s
   on SQLite). The year is the 1M-delivery day of (2) copied to 365 days by SQL.

Snapshots come from `sms-sample` and are cached under bench-data/ (git-ignored).
PostgreSQL is the test server of scripts/postgres-test-server.sh on 127.0.0.1; each
measurement uses a database of its own. Release build; prints figures, asserts nothing.

Usage: benchmarks/store_benchmark.py [--runs 3] [--no-build] [--backends sqlite,postgres]
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".build" / "release"
DATA = ROOT / "bench-data"
PG_SCRIPT = ROOT / "scripts" / "postgres-test-server.sh"
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1762300800")


def build():
    for product in ("sms-report", "sms-sample"):
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)


def snapshot(name, *options):
    folder = DATA / name
    if not folder.exists():
        subprocess.run([BIN / "sms-sample", "--out", folder, *map(str, options)], check=True, stdout=subprocess.DEVNULL)
    return folder


def warm(folder):
    for path in folder.rglob("*.json"):
        with open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass


class SQLite:
    name = "sqlite"

    def __init__(self):
        self.path = DATA / "bench-store.sqlite"
        self.location, self.env = str(self.path), {}

    def fresh(self):
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        return self

    def execute(self, sql):
        with sqlite3.connect(self.path) as connection:
            connection.executescript(sql)

    def size(self):
        with sqlite3.connect(self.path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            pages, = connection.execute("PRAGMA page_count").fetchone()
            page_size, = connection.execute("PRAGMA page_size").fetchone()
        return pages * page_size

    def year_sql(self):
        statements = []
        for table in ("days", "operator_rollups", "batch_rollups"):
            with sqlite3.connect(self.path) as connection:
                columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            shifted = ", ".join("date(day, '+' || n || ' days')" if c == "day" else c for c in columns)
            statements.append(f"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 364) "
                              f"INSERT INTO {table} SELECT {shifted} FROM {table}, g WHERE day = '2025-11-04';")
        return statements


class Postgres:
    name = "postgres"

    def __init__(self):
        subprocess.run([PG_SCRIPT, "start"], check=True, capture_output=True)
        url = subprocess.run([PG_SCRIPT, "url"], check=True, capture_output=True, text=True).stdout.strip()
        self.password = Path("/tmp/sms-report-pg/password").read_text().strip()
        self.admin, self.base = url, url.rpartition("/")[0]
        self.env = {"SMS_REPORT_STORE_PASSWORD": self.password}
        self.database = None

    def fresh(self):
        if self.database:
            self.psql(self.admin, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
        self.database = "bench_" + uuid.uuid4().hex[:12]
        self.psql(self.admin, f"CREATE DATABASE {self.database}")
        self.location = f"{self.base}/{self.database}"
        return self

    def psql(self, url, sql):
        result = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                                capture_output=True, text=True, env=dict(os.environ, PGPASSWORD=self.password))
        if result.returncode != 0:
            sys.exit(result.stderr)
        return result.stdout.strip()

    def execute(self, sql):
        self.psql(self.location, sql)

    def size(self):
        self.execute("VACUUM ANALYZE")
        return int(self.psql(self.location, "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c "
                                            "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                            "WHERE n.nspname = 'public' AND c.relkind = 'r'"))

    def year_sql(self):
        statements = []
        for table in ("days", "operator_rollups", "batch_rollups"):
            columns = self.psql(self.location, f"SELECT string_agg(column_name, ',' ORDER BY ordinal_position) "
                                               f"FROM information_schema.columns WHERE table_name = '{table}'").split(",")
            shifted = ", ".join("to_char(day::date + g, 'YYYY-MM-DD')" if c == "day" else c for c in columns)
            statements.append(f"INSERT INTO {table} SELECT {shifted} FROM {table}, generate_series(1, 364) g "
                              f"WHERE day = '2025-11-04';")
        return statements


def timed(command, env):
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.monotonic() - started
    if result.returncode not in (0, 3):
        sys.exit(f"{' '.join(map(str, command))} failed ({result.returncode}): {result.stderr}")
    return wall


def report(folder, out, store=None, account="bench"):
    shutil.rmtree(out, ignore_errors=True)
    warm(folder)
    command = [BIN / "sms-report", "report", "--snapshot", folder, "--out", out, "--format", "csv", "--quiet"]
    env = dict(ENV)
    if store:
        command += ["--store", store.location, "--account", account]
        env.update(store.env)
    return timed(command, env)


def overhead(backends, runs):
    folder = snapshot("snapshot-1000000", "--deliveries", 1_000_000, "--days", 30, "--page-size", 50, "--seed", 42)
    print("\n1. report --format csv of 1,000,000 deliveries over 30 days, best of", runs)
    plain, stored = [], {backend.name: [] for backend in backends}
    for _ in range(runs):
        plain.append(report(folder, DATA / "out-store-bench"))
        for backend in backends:
            stored[backend.name].append(report(folder, DATA / "out-store-bench", backend.fresh()))
    print(f"   without --store: {min(plain):.2f} s")
    for name, walls in stored.items():
        print(f"   with --store ({name}): {min(walls):.2f} s, +{(min(walls) / min(plain) - 1) * 100:.1f}%")


def bytes_per_day(backends):
    folder = snapshot("snapshot-1000000-1day", "--deliveries", 1_000_000, "--days", 1, "--page-size", 50,
                      "--seed", 43, "--end-day", "2025-11-04")
    print("\n2. one account-day of 1,000,000 deliveries in the store")
    for backend in backends:
        backend.fresh()
        subprocess.run([BIN / "sms-report", "store", "migrate", "--store", backend.location],
                       check=True, capture_output=True, env=dict(ENV, **backend.env))
        empty = backend.size()
        report(folder, DATA / "out-store-bench", backend)
        print(f"   {backend.name}: {backend.size() - empty:,} bytes")
    return folder


def history_year(backends, folder, runs):
    print("\n3. history over 365 stored days of one account (each the 1M-delivery day), best of", runs)
    for backend in backends:
        backend.fresh()
        report(folder, DATA / "out-store-bench", backend)
        for statement in backend.year_sql():
            backend.execute(statement)
        for extra in ([], ["--by", "month"], ["--by", "week", "--group", "operator"], ["--by", "month", "--group", "batch"]):
            command = [BIN / "sms-report", "history", "--store", backend.location, "--account", "bench",
                       "--out", DATA / "out-history-bench", "--quiet", *extra]
            wall = min(timed(command, dict(ENV, **backend.env)) for _ in range(runs))
            print(f"   {backend.name} {' '.join(extra) or '--by day'}: {wall:.2f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--parts", default="1,2,3")
    args = parser.parse_args()
    if not args.no_build:
        build()
    DATA.mkdir(exist_ok=True)
    backends = [SQLite() if name == "sqlite" else Postgres() for name in args.backends.split(",")]
    parts = args.parts.split(",")
    print(f"machine: {os.cpu_count()} cores; release build")
    if "1" in parts:
        overhead(backends, args.runs)
    folder = bytes_per_day(backends) if "2" in parts or "3" in parts else None
    if "3" in parts:
        history_year(backends, folder, args.runs)


if __name__ == "__main__":
    main()
