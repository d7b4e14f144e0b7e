"""A local cluster drill (issue 15; contract §11): 12 accounts served by API simulators on
127.0.0.1, one config with a PostgreSQL store (a fresh database on the real test server)
and SMTP to aiosmtpd, and `sms-report run --shard auto/3 --resume` started three times as
the pods of a Kubernetes Indexed Job would be (same arguments, JOB_COMPLETION_INDEX = 0,
1, 2). Which shard an account belongs to is computed here with Python's hashlib, apart
from the tool's code."""
import hashlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BINARY
from smtp_server import SMTPTestServer, inspect_folder
from store_backends import PASSWORD_VARIABLE, PostgresStore

TOKEN = "cluster-token-4b2e"
PERIOD = "2025-11-04"
SHARDS = 3
ACCOUNTS = [f"client-{index:02d}" for index in range(12)]
WORLD = ["--deliveries", "120", "--days", "3", "--page-size", "40"]
FAST = ["--retries", "1", "--retry-delay-ms", "1", "--email-retries", "1", "--email-retry-delay-ms", "10"]
DEADLINE = 60  # seconds any wait may take; the drill never hangs


def shard_of(account, count=SHARDS):
    """Rendezvous hashing as contract §11 says: the shard with the highest SHA-256 of `<account>|<shard>`."""
    return max(range(count), key=lambda shard: hashlib.sha256(f"{account}|{shard}".encode()).digest())


SLOW_SHARD = 0
SLOW_ACCOUNTS = [account for account in ACCOUNTS if shard_of(account) == SLOW_SHARD]


def write_config(folder, fast_url, slow_url, smtp_port, store):
    lines = [
        "output_dir: reports", "formats: [csv, html]", "parallel_accounts: 1", f"store: {store.location}",
        "accounts:",
    ]
    for account in ACCOUNTS:
        url = slow_url if account in SLOW_ACCOUNTS else fast_url
        lines += [f"  - name: {account}", f"    base_url: {url}", "    token_env: CLUSTER_SMS_TOKEN",
                  f"    email_to: [ops@{account}.example]"]
    lines += ["smtp:", "  host: 127.0.0.1", f"  port: {smtp_port}", "  security: none",
              '  from: "SMS Reports <reports@example.com>"']
    path = Path(folder) / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


class Pod:
    """One `run --shard auto/3 --resume` process, with JSON log lines in a file."""

    def __init__(self, config, index, store, name):
        self.log = Path(config).parent / f"{name}.log"
        self.out = Path(config).parent / f"{name}.out"
        env = dict(os.environ, SOURCE_DATE_EPOCH="1762300800", CLUSTER_SMS_TOKEN=TOKEN, JOB_COMPLETION_INDEX=str(index),
                   **store.env)
        with open(self.log, "w") as log, open(self.out, "w") as out:
            self.process = subprocess.Popen(
                [str(BINARY), "run", "--config", str(config), "--period", PERIOD, "--shard", f"auto/{SHARDS}", "--resume",
                 "--log-format", "json", *FAST], stdout=out, stderr=log, env=env)

    def wait(self):
        try:
            return self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise

    def messages(self):
        lines = []
        for line in self.log.read_text().splitlines():
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError:
                pass
        return lines

    def fetching(self):
        """The accounts whose fetch has started."""
        return [line.get("account") for line in self.messages() if line.get("message", "").startswith("fetching")]

    def skipped(self, reason):
        return sorted(line["account"] for line in self.messages()
                      if line.get("message", "").startswith("skipped:") and reason in line["message"])


def wait_until(condition, what):
    deadline = time.monotonic() + DEADLINE
    while True:
        try:
            if condition():
                return
        except (OSError, ValueError, KeyError):
            pass  # a message or log line caught half-written; look again
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def emails_per_account(server):
    counts = {}
    for item in inspect_folder(server.out):
        account = item["message"]["subject"].split(" · ")[1]
        counts[account] = counts.get(account, 0) + 1
    return counts


def run_rows(store):
    return store.rows("SELECT account, exit_code, emailed FROM runs WHERE command = 'run' ORDER BY account")


def store_check(store):
    env = dict(os.environ, **store.env)
    return subprocess.run([str(BINARY), "store", "check", "--store", store.location], capture_output=True, text=True,
                          env=env, timeout=DEADLINE)


@pytest.fixture
def world(simulator, tmp_path):
    """(config, store, smtp server): 12 accounts, the slow shard's on a simulator with latency."""
    assert len(SLOW_ACCOUNTS) >= 3, SLOW_ACCOUNTS  # the kill needs a first account done and a later one running
    fast = simulator(*WORLD, "--seed", "5", token=TOKEN)
    slow = simulator(*WORLD, "--seed", "6", "--latency-ms", "120", token=TOKEN)
    store = PostgresStore()
    with SMTPTestServer(tmp_path / "smtp", mode="plain") as server:
        try:
            yield write_config(tmp_path, fast.base_url, slow.base_url, server.port, store), store, server
        finally:
            store.close()


def test_three_shards_a_killed_shard_resumes_and_every_account_is_emailed_once(world):
    config, store, server = world
    pods = [Pod(config, index, store, f"pod-{index}") for index in range(SHARDS)]
    slow_pod = pods[SLOW_SHARD]
    first, later = SLOW_ACCOUNTS[0], SLOW_ACCOUNTS[1]
    # Kill the slow shard with SIGKILL in the middle of its second account, once its first is emailed.
    wait_until(lambda: emails_per_account(server).get(first) == 1 and later in slow_pod.fetching(),
               f"{first} emailed and {later} in progress")
    slow_pod.process.send_signal(signal.SIGKILL)
    slow_pod.process.wait(timeout=DEADLINE)
    for index, pod in enumerate(pods):
        if index != SLOW_SHARD:
            assert pod.wait() == 0, pod.log.read_text()
    assert first in emails_per_account(server) and later not in emails_per_account(server)

    # The Job retries the index: same arguments, --resume.
    retried = Pod(config, SLOW_SHARD, store, "pod-retry")
    assert retried.wait() == 0, retried.log.read_text()
    assert retried.skipped("is done") == [first]
    summary = retried.out.read_text()
    assert f"{first} {PERIOD}: skipped (exit 0), done (run of " in summary

    assert emails_per_account(server) == {account: 1 for account in ACCOUNTS}
    for account in ACCOUNTS:
        folder = config.parent / "reports" / account / PERIOD
        record = json.loads((folder / "run.json").read_text())
        assert record["exit_code"] == 0 and record["email"]["status"] == "sent", account
        assert (folder / "summary.csv").exists()
    # One runs row per account: the killed run never wrote its row, the skip writes none.
    assert run_rows(store) == [(account, "0", "t") for account in sorted(ACCOUNTS)]
    for index, pod in enumerate(pods):
        if index != SLOW_SHARD:
            owned = sorted(account for account in ACCOUNTS if shard_of(account) == index)
            assert sorted(set(pod.fetching())) == owned
    check = store_check(store)
    assert check.returncode == 0, check.stdout + check.stderr


def test_two_processes_with_one_index_never_run_an_account_twice(world):
    config, store, server = world
    twins = [Pod(config, SLOW_SHARD, store, f"twin-{n}") for n in range(2)]
    for twin in twins:
        assert twin.wait() == 0, twin.log.read_text()
    assert emails_per_account(server) == {account: 1 for account in SLOW_ACCOUNTS}
    assert run_rows(store) == [(account, "0", "t") for account in sorted(SLOW_ACCOUNTS)]
    ran = [sorted(set(twin.fetching())) for twin in twins]
    assert sorted(ran[0] + ran[1]) == sorted(SLOW_ACCOUNTS)  # each account ran in exactly one process
    held = [twin.skipped("lease held") for twin in twins]
    done = [twin.skipped("is done") for twin in twins]
    assert held[0] or held[1], "neither process met the other's lease"
    for mine, theirs, held_here, done_here in zip(ran, reversed(ran), held, done):
        # What a process did not run, it skipped and said why; it was run by the other.
        assert sorted(held_here + done_here) == sorted(set(SLOW_ACCOUNTS) - set(mine))
        assert set(held_here + done_here) <= set(theirs)
    for twin, held_here in zip(twins, held):
        for account in held_here:
            assert f"{account} {PERIOD}: skipped (exit 0), being run by another process (lease held)" in twin.out.read_text()
    check = store_check(store)
    assert check.returncode == 0, check.stdout + check.stderr


def test_shard_and_account_filters_both_apply_on_a_sqlite_store_with_its_lock_file(simulator, tmp_path):
    fast = simulator(*WORLD, "--seed", "5", token=TOKEN)
    lines = ["output_dir: reports", "formats: [csv]", "accounts:"]
    for account in ACCOUNTS:
        lines += [f"  - name: {account}", f"    base_url: {fast.base_url}", "    token_env: CLUSTER_SMS_TOKEN"]
    config = tmp_path / "config.yaml"
    config.write_text("\n".join(lines) + "\n")
    wanted = [account for account in ACCOUNTS if shard_of(account) == 1][:2] + [SLOW_ACCOUNTS[0]]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1762300800", CLUSTER_SMS_TOKEN=TOKEN)
    arguments = [str(BINARY), "run", "--config", str(config), "--period", PERIOD, "--shard", "1/3", *FAST]
    for account in wanted:
        arguments += ["--account", account]
    result = subprocess.run(arguments, capture_output=True, text=True, env=env, timeout=DEADLINE)
    assert result.returncode == 0, result.stderr
    assert f"shard 1/3: 2 of 3 accounts: {wanted[0]}, {wanted[1]}" in result.stderr
    assert sorted(path.name for path in (tmp_path / "reports").iterdir() if path.is_dir()) == sorted(wanted[:2])
    assert (tmp_path / "config.yaml.lock").exists()  # SQLite: the lock file of §8, as before
    # --resume on SQLite reads the same runs rows: the finished accounts are skipped.
    again = subprocess.run(arguments + ["--resume"], capture_output=True, text=True, env=env, timeout=DEADLINE)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count(": skipped (exit 0), done (run of ") == 2


@pytest.mark.parametrize("value, shown", [(None, "which is not set"), ("3", "not '3'"), ("x" * 40, "not '" + "x" * 20 + "…'")])
def test_shard_auto_needs_job_completion_index_in_range(tmp_path, value, shown):
    config = tmp_path / "config.yaml"
    config.write_text("output_dir: reports\naccounts:\n  - name: acme\n    base_url: http://127.0.0.1:9\n"
                      "    token_env: CLUSTER_SMS_TOKEN\n")
    env = {key: val for key, val in os.environ.items() if key != "JOB_COMPLETION_INDEX"}
    if value is not None:
        env["JOB_COMPLETION_INDEX"] = value
    result = subprocess.run([str(BINARY), "run", "--config", str(config), "--shard", "auto/3"], capture_output=True,
                            text=True, env=env, timeout=DEADLINE)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "JOB_COMPLETION_INDEX" in result.stderr and shown in result.stderr
    assert "x" * 21 not in result.stderr
