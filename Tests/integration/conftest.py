"""Shared helpers for the CLI integration tests.

These tests run the real `sms-report` binary on snapshot folders and read what it
wrote with Python's own csv module: an independent reader of the files users open.
"""
import csv
import os
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SMS_REPORT_BIN", ROOT / ".build" / "debug" / "sms-report"))
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
