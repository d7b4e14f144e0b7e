"""Stopping cleanly on SIGTERM and Ctrl-C (issue 20): real processes, real signals.
Each test checks what an operator would: the tool ends by the signal (so systemd and
Kubernetes see 128 + signal), no staging folder is left, finished outputs are as they
were, run.json says which accounts were interrupted, the lock is free and the next
run succeeds. A process killed with SIGKILL leaves its staging folders, which the
next run removes; a living process's are never touched, even when its id is reused."""
import fcntl
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from conftest import BINARY, run_command
from test_run import FAST, PERIOD, TOKENS, WORLD, run, sha256, write_config

SAMPLE = Path(BINARY).parent / "sms-sample"


def start(*args, env=None):
    """Starts `sms-report ARGS` in the background, as a terminal's foreground job: SIGINT
    at its default action, even when the test runner was started with it ignored (a
    shell's background job is, and the tool then keeps ignoring it, as it should)."""
    return subprocess.Popen([str(BINARY), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1762300800", **TOKENS, **(env or {})},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_for(condition, process, timeout=60):
    """Polls `condition` until it holds; fails if `process` ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"ended early with {process.returncode}: {process.stderr.read()}"
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def stop(process, number):
    """Sends `number` and returns the process's stderr once it has ended."""
    process.send_signal(number)
    _, stderr = process.communicate(timeout=30)
    return stderr


def staging(folder):
    """The temporary files and staging folders anywhere under `folder`."""
    return [path for path in Path(folder).rglob(".*") if any(f".{kind}-" in path.name for kind in ("partial", "tmp", "old"))]


def lock_is_free(config):
    with open(str(config) + ".lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False


def host_tag():
    """TemporaryName.hostTag of this host, as the tool computes it."""
    name = socket.gethostname()
    tag = "".join(c for c in name if c.isascii() and (c.isalnum() or c == "-")) or "host"
    if len(tag) <= 16:
        return tag
    value = 0xcbf29ce484222325
    for byte in name.encode():
        value = ((value ^ byte) * 0x100000001b3) % 2**64
    return tag[:7] + "-" + format(value & 0xffffffff, "08x")


def start_time(pid):
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])


def test_sigterm_during_a_fetch_removes_its_staging_folder_and_ends_by_the_signal(simulator, tmp_path):
    slow = simulator(*WORLD, "--latency-ms", "1000")
    out = tmp_path / "snapshot"
    fetch = start("fetch", "--base-url", slow.base_url, "--out", out, env={"SMS_REPORT_TOKEN": "sim-token"})
    wait_for(lambda: staging(tmp_path), fetch)
    stderr = stop(fetch, signal.SIGTERM)
    assert fetch.returncode == -signal.SIGTERM, stderr
    assert "SIGTERM" in stderr and "was not written" in stderr
    assert not out.exists() and staging(tmp_path) == []
    fast = simulator(*WORLD)
    again = run_command("fetch", "--base-url", fast.base_url, "--out", out, env_extra={"SMS_REPORT_TOKEN": "sim-token"})
    assert again.returncode == 0, again.stderr
    assert (out / "manifest.json").exists()


def test_sigterm_while_a_large_workbook_is_written_leaves_the_old_report(tmp_path):
    snapshot = tmp_path / "snapshot"
    subprocess.run([str(SAMPLE), "--out", snapshot, "--deliveries", "40000", "--days", "3"], check=True,
                   capture_output=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.xlsx").write_text("the old workbook")
    report = start("report", "--snapshot", snapshot, "--out", out, "--format", "xlsx")
    wait_for(lambda: any(".report.xlsx.tmp-" in path.name for path in staging(out)), report, timeout=120)
    stderr = stop(report, signal.SIGTERM)
    assert report.returncode == -signal.SIGTERM, stderr
    assert "stopped by SIGTERM" in stderr
    assert (out / "report.xlsx").read_text() == "the old workbook"
    assert staging(out) == [] and sorted(path.name for path in out.iterdir()) == ["report.xlsx"]


def test_sigint_during_a_run_keeps_the_finished_account_and_marks_the_other_interrupted(simulator, tmp_path):
    fast = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    slow = simulator(*WORLD, "--latency-ms", "1000", token=TOKENS["BROKEN_TOKEN"])
    config = write_config(tmp_path, [("fast", fast.base_url, "HEALTHY_TOKEN", []),
                                     ("slow", slow.base_url, "BROKEN_TOKEN", [])], parallel_accounts=2)
    reports = tmp_path / "reports"
    the_run = start("run", "--config", config, "--period", PERIOD, *FAST, "--no-email")
    wait_for(lambda: (reports / "fast" / PERIOD / "run.json").exists()
             and list((reports / "slow" / "snapshots").glob(".*.partial-*")), the_run)
    stderr = stop(the_run, signal.SIGINT)
    assert the_run.returncode == -signal.SIGINT, stderr
    finished = json.loads((reports / "fast" / PERIOD / "run.json").read_text())
    assert finished["outcome"] == "ok" and finished["exit_code"] == 0
    interrupted = json.loads((reports / "slow" / PERIOD / "run.json").read_text())
    assert interrupted["outcome"] == "interrupted" and interrupted["files"] == []
    assert "SIGINT" in interrupted["error"] and "fetch" in interrupted["error"]
    assert sorted(path.name for path in (reports / "slow" / PERIOD).iterdir()) == ["run.json"]
    assert list((reports / "slow" / "snapshots").iterdir()) == []
    assert staging(reports) == [] and lock_is_free(config)
    assert "stopped by SIGINT" in stderr

    healed = simulator(*WORLD, token=TOKENS["BROKEN_TOKEN"])
    config = write_config(tmp_path, [("fast", fast.base_url, "HEALTHY_TOKEN", []),
                                     ("slow", healed.base_url, "BROKEN_TOKEN", [])], parallel_accounts=2)
    again = run(config, "--no-email")
    assert again.returncode == 0, again.stderr
    assert json.loads((reports / "slow" / PERIOD / "run.json").read_text())["outcome"] == "ok"


def test_a_run_killed_with_sigkill_is_cleaned_up_by_the_next_run(simulator, tmp_path):
    slow = simulator(*WORLD, "--latency-ms", "1000", token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", slow.base_url, "HEALTHY_TOKEN", [])])
    snapshots = tmp_path / "reports" / "acme" / "snapshots"
    killed = start("run", "--config", config, "--period", PERIOD, *FAST, "--no-email")
    wait_for(lambda: list(snapshots.glob(".*.partial-*")), killed)
    stop(killed, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    [left] = list(snapshots.glob(".*.partial-*"))
    # A living process with the dead one's id but another start time (in a container,
    # every run is process 1): its name is planted here with this test's own id.
    me, tag = os.getpid(), host_tag()
    reused = snapshots / f".20250101T000000Z.partial-{me}.{tag}.{start_time(me) + 1}.5e"
    living = snapshots / f".20250102T000000Z.partial-{me}.{tag}.{start_time(me)}.6f"
    for folder in (reused, living):
        folder.mkdir()

    fast = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", fast.base_url, "HEALTHY_TOKEN", [])])
    assert lock_is_free(config)
    again = run(config, "--no-email")
    assert again.returncode == 0, again.stderr
    assert not left.exists() and not reused.exists() and living.exists()
    assert f"process {killed.pid}" in again.stderr
    record = json.loads((tmp_path / "reports" / "acme" / PERIOD / "run.json").read_text())
    assert record["outcome"] == "ok"
