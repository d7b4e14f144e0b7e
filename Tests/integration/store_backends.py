"""The two history-store backends as the CLI tests use them (contract §9): a SQLite
file read back with Python's sqlite3, and a fresh database on the real PostgreSQL
server that scripts/postgres-test-server.sh starts on 127.0.0.1, read back with psql.
Each test gets a store of its own."""
import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

from conftest import ROOT

PG_SCRIPT = ROOT / "scripts" / "postgres-test-server.sh"
PASSWORD_VARIABLE = "SMS_REPORT_STORE_PASSWORD"

# Every table's rows in a fixed order, for comparing whole stores.
DUMPS = {
    "days": "SELECT * FROM days ORDER BY account, day",
    "operator_rollups": "SELECT * FROM operator_rollups ORDER BY account, day, operator, prefix, status",
    "batch_rollups": "SELECT * FROM batch_rollups ORDER BY account, day, batch_id, status",
}


def postgres_server():
    """(URL without password, password) of the test server, started when needed."""
    subprocess.run([str(PG_SCRIPT), "start"], check=True, capture_output=True, text=True)
    url = subprocess.run([str(PG_SCRIPT), "url"], check=True, capture_output=True, text=True).stdout.strip()
    folder = Path(os.environ.get("PG_TEST_DIR", "/tmp/sms-report-pg"))
    return url, (folder / "password").read_text().strip()


class SQLiteStore:
    """A SQLite store file in the test's folder."""
    kind = "sqlite"

    def __init__(self, folder):
        self.path = Path(folder) / "history.sqlite"
        self.location = str(self.path)
        self.env = {}
        self.password = None

    def rows(self, sql):
        with sqlite3.connect(self.path) as connection:
            return [tuple("" if value is None else str(value) if not isinstance(value, bytes) else value.hex()
                          for value in row) for row in connection.execute(sql).fetchall()]

    def execute(self, sql):
        with sqlite3.connect(self.path) as connection:
            connection.execute(sql)

    def close(self):
        pass


class PostgresStore:
    """A database of its own on the test server, dropped after the test."""
    kind = "postgres"

    def __init__(self):
        url, self.password = postgres_server()
        base, _, _ = url.rpartition("/")
        self.name = "t_" + uuid.uuid4().hex[:16]
        self.admin = url
        self.location = f"{base}/{self.name}"
        self.env = {PASSWORD_VARIABLE: self.password}
        self.psql(self.admin, f"CREATE DATABASE {self.name}")

    def psql(self, url, sql):
        env = dict(os.environ, PGPASSWORD=self.password)
        result = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\x1f", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                                capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def rows(self, sql):
        text = self.psql(self.location, sql)
        return [tuple(line.split("\x1f")) for line in text.splitlines()]

    def execute(self, sql):
        self.psql(self.location, sql)

    def close(self):
        self.psql(self.admin, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


def open_store(kind, folder):
    return SQLiteStore(folder) if kind == "sqlite" else PostgresStore()


def dump(store):
    """Every days and rollup row of the store, table by table."""
    return {table: store.rows(sql) for table, sql in DUMPS.items()}
