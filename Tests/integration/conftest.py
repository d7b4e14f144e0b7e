"""Shared helpers for the CLI integration tests.

These tests run the real `sms-report` binary on snapshot folders and read what it
wrote with Python's own csv module: an independent reader of the files users open.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SMS_REPORT_BIN", ROOT / ".build" / "debug" / "sms-report"))
SIMULATOR = Path(os.environ.get("SMS_API_SIM_BIN", ROOT / ".build" / "debug" / "sms-api-sim"))
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run_command(name, *args, env_extra=None):
    """Runs `sms-report NAME ARGS`; returns the completed process."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1762300800")
    env.update(env_extra or {})
    return subprocess.run([str(BINARY), name, *map(str, args)], capture_output=True, text=True, env=env)


def run_report(*args, env_extra=None):
    """Runs `sms-report report ARGS`; returns the completed process."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1762300800")
    env.update(env_extra or {})
    return subprocess.run([str(BINARY), "report", *map(str, args)], capture_output=True, text=True, env=env)


def read_csv(path):
    """The rows of a CSV file as dicts, read with Python's csv module."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def unguard(text):
    """A text cell as received, without the formula guard's leading quote."""
    if text.startswith("'") and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def instant(text):
    """An ISO 8601 timestamp as integer microseconds since the epoch."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (moment - EPOCH) // timedelta(microseconds=1)


@pytest.fixture
def api_doc_copy(tmp_path):
    """A writable copy of the api-doc sample snapshot."""
    target = tmp_path / "snapshot"
    shutil.copytree(ROOT / "samples" / "api-doc", target)
    return target


def assert_deliveries_match_truth(deliveries_csv, truth_rows, exact=True):
    """Checks deliveries.csv against ground truth rows, one delivery per truth row.

    With `exact`, every truth row must be in the report and nothing else; otherwise the
    report must be a subset of the truth without duplicates."""
    produced = {}
    for row in read_csv(deliveries_csv):
        key = (instant(row["sent_at"]), unguard(row["phone"]), unguard(row["message"]))
        assert key not in produced, f"delivery listed twice: {key}"
        produced[key] = row
    expected = {}
    for truth in truth_rows:
        phone = truth["phone_normalized"] or truth["phone_as_sent"]
        expected[(instant(truth["sent_at"]), phone, truth["message"])] = truth
    if exact:
        assert len(produced) == len(expected)
    missing = set(produced) - set(expected)
    assert not missing, f"{len(missing)} deliveries not in the truth, e.g. {sorted(missing)[:1]}"
    for key, row in produced.items():
        truth = expected[key]
        assert row["status"] == truth["status_canonical"], key
        assert row["operator"] == truth["operator"], key
        assert unguard(row["batch_id"]) == (truth["batch_id"] or "(no batch)"), key
        if truth["delivered_at"]:
            assert instant(row["delivered_at"]) == instant(truth["delivered_at"]), key
        else:
            assert row["delivered_at"] == "", key
    return produced


class Simulator:
    """The project's API simulator, running on a loopback port for one test."""

    def __init__(self, *options, token="sim-token"):
        self.token = token
        env = dict(os.environ, SMS_SIM_TOKEN=token)
        self.process = subprocess.Popen([str(SIMULATOR), "--port", "0", *map(str, options)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.process.kill()
            raise RuntimeError(f"simulator did not start: {line!r} {self.process.stderr.read()}")
        self.base_url = line.removeprefix("listening on ")

    def get(self, path):
        with urllib.request.urlopen(self.base_url + path, timeout=30) as response:
            return response.read().decode("utf-8")

    def reset_stats(self):
        request = urllib.request.Request(self.base_url + "/__sim/reset-stats", method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()

    def stats(self):
        return json.loads(self.get("/__sim/stats"))

    def truth(self):
        return list(csv.DictReader(io.StringIO(self.get("/__sim/truth"))))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def simulator():
    """Starts simulators with the given options; stops them after the test."""
    started = []

    def start(*options, token="sim-token"):
        sim = Simulator(*options, token=token)
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()
