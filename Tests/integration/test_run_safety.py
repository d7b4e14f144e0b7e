"""`sms-report run` against broken gateways and reruns (issue 11; contract §1, §8):
one slow account never holds up the others, a period folder holds exactly one run's
files, leftovers of dead processes are cleaned up, and secrets never travel or show
in clear text."""
import json
import os
import subprocess
import time
from pathlib import Path

from conftest import run_command
from smtp_server import inspect_message
from test_run import PERIOD, TOKENS, WORLD, run, sha256, write_config

DRY_SMTP = {"host": "127.0.0.1", "port": 9, "security": "none", "from": '"SMS Reports <reports@example.com>"'}


def dead_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def emailed_files(outbox):
    """The attachments of the one .eml in `outbox`, and the CSV names in its zip."""
    [eml] = list(Path(outbox).glob("*.eml"))
    message = inspect_message(eml.read_bytes())
    attachments = {item["filename"]: item for item in message["attachments"]}
    return attachments, sorted(attachments.get("report-csv.zip", {}).get("zip_entries", {}))


def test_an_account_past_its_timeout_ends_with_3_and_the_others_go_on(simulator, tmp_path):
    healthy = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    slow = simulator(*WORLD, "--latency-ms", "20000", token=TOKENS["BROKEN_TOKEN"])
    config = write_config(tmp_path, [("healthy", healthy.base_url, "HEALTHY_TOKEN", []),
                                     ("slow", slow.base_url, "BROKEN_TOKEN", [])],
                          account_timeout_minutes=0.05, parallel_accounts=2)
    started = time.monotonic()
    result = run(config, "--no-email")
    elapsed = time.monotonic() - started
    assert result.returncode == 3, result.stderr
    assert elapsed < 15, f"the run took {elapsed:.1f} s; the slow account should stop after 3 s"
    record = json.loads((tmp_path / "reports" / "slow" / PERIOD / "run.json").read_text())
    assert record["exit_code"] == 3 and record["outcome"] == "timed_out"
    assert "account_timeout_minutes" in record["error"] and "fetch" in record["error"]
    assert record["files"] == []
    healthy_record = json.loads((tmp_path / "reports" / "healthy" / PERIOD / "run.json").read_text())
    assert healthy_record["exit_code"] == 0
    assert "account_timeout_minutes" in result.stderr


def test_a_rerun_after_a_change_of_formats_leaves_no_old_file_and_mails_only_its_own(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    account = [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])]
    config = write_config(tmp_path, account, smtp=DRY_SMTP, formats="[xlsx, csv, html]")
    assert run(config, "--email-dry-run", tmp_path / "first").returncode == 0
    folder = tmp_path / "reports" / "acme" / PERIOD
    assert list(folder.glob("*.csv"))
    attachments, csvs = emailed_files(tmp_path / "first")
    assert "report.xlsx" in attachments and csvs

    config = write_config(tmp_path, account, smtp=DRY_SMTP, formats="[xlsx]")
    result = run(config, "--email-dry-run", tmp_path / "second")
    assert result.returncode == 0, result.stderr
    assert not list(folder.glob("*.csv")), "the CSVs of the earlier run must be gone"
    assert sorted(path.name for path in folder.iterdir()) == ["report.html", "report.txt", "report.xlsx", "run.json"]
    attachments, csvs = emailed_files(tmp_path / "second")
    assert list(attachments) == ["report.xlsx"] and csvs == []
    assert attachments["report.xlsx"]["sha256"] == sha256(folder / "report.xlsx")
    record = json.loads((folder / "run.json").read_text())
    assert sorted(Path(path).name for path in record["files"]) == ["report.html", "report.txt", "report.xlsx"]
    assert not [path.name for path in folder.parent.iterdir() if path.name.startswith(".")]


def test_a_failed_rerun_leaves_the_old_complete_report(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", [])])
    assert run(config, "--no-email").returncode == 0
    folder = tmp_path / "reports" / "acme" / PERIOD
    before = {path.name: sha256(path) for path in folder.iterdir() if path.name != "run.json"}
    assert "report.xlsx" in before and "deliveries.csv" in before
    refused = run(config, "--no-email", env={"HEALTHY_TOKEN": "a-wrong-token"})
    assert refused.returncode == 5, refused.stderr
    after = {path.name: sha256(path) for path in folder.iterdir() if path.name != "run.json"}
    assert after == before
    record = json.loads((folder / "run.json").read_text())
    assert record["outcome"] == "authentication_refused" and record["files"] == []
    assert "earlier run" in refused.stderr


def test_leftovers_of_dead_processes_are_removed_and_a_living_ones_kept(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", [])])
    account = tmp_path / "reports" / "acme"
    dead, alive = dead_pid(), os.getpid()
    planted_dead = [account / f".{PERIOD}.partial-{dead}", account / "snapshots" / f".20250101T000000Z.partial-{dead}"]
    planted_alive = account / f".{PERIOD}.partial-{alive}"
    for folder in (*planted_dead, planted_alive):
        folder.mkdir(parents=True)
        (folder / "half.csv").write_text("half")
    result = run(config, "--no-email")
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in planted_dead)
    assert planted_alive.exists()
    assert f"process {dead}" in result.stderr


def test_a_base_url_with_a_password_is_refused_without_repeating_it(tmp_path):
    config = write_config(tmp_path, [("acme", "https://user:hunter2-pw@dicesms.asia", "HEALTHY_TOKEN", [])])
    result = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert result.returncode == 2
    assert "base_url" in result.stderr and "hunter2-pw" not in result.stderr + result.stdout


def test_a_pasted_token_in_token_env_is_not_echoed(tmp_path):
    config = write_config(tmp_path, [("acme", "https://dicesms.asia", "tok_9fQ2xV7pLmZ", [])])
    result = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert result.returncode == 2
    assert "token_env" in result.stderr and "9fQ2xV7pLmZ" not in result.stderr + result.stdout


def test_plain_http_to_another_host_is_refused_unless_allowed(tmp_path):
    config = write_config(tmp_path, [("acme", "http://gateway.example", "HEALTHY_TOKEN", [])])
    refused = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert refused.returncode == 2 and "allow_insecure" in refused.stderr
    config.write_text(config.read_text() + "    allow_insecure: true\n")
    allowed = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert allowed.returncode == 0, allowed.stderr
    smtp = dict(DRY_SMTP, host="mail.example.com")
    config = write_config(tmp_path, [("acme", "https://dicesms.asia", "HEALTHY_TOKEN", [])], smtp=smtp)
    mail = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert mail.returncode == 2 and "smtp.security" in mail.stderr


def test_fetch_refuses_plain_http_to_another_host(tmp_path):
    result = run_command("fetch", "--base-url", "http://gateway.example", "--out", tmp_path / "snap",
                         env_extra={"SMS_REPORT_TOKEN": "a-token-7f"})
    assert result.returncode == 2
    assert "--allow-insecure" in result.stderr and "a-token-7f" not in result.stderr
    assert not (tmp_path / "snap").exists()
    secret = run_command("fetch", "--base-url", "https://u:hunter2-pw@gateway.example", "--out", tmp_path / "snap",
                         env_extra={"SMS_REPORT_TOKEN": "a-token-7f"})
    assert secret.returncode == 2 and "hunter2-pw" not in secret.stderr


def test_out_of_range_config_values_and_options_are_usage_errors(tmp_path):
    for key, value in [("recheck_hours", "9223372036854775807"), ("keep_snapshots", "-1"),
                       ("account_timeout_minutes", "1e30"), ("parallel_accounts", "9223372036854775808")]:
        config = write_config(tmp_path, [("acme", "http://127.0.0.1:9", "HEALTHY_TOKEN", [])], **{key: value})
        result = run_command("run", "--config", config, "--check", env_extra=TOKENS)
        assert result.returncode == 2, (key, result.stderr)
        assert "config.yaml:" in result.stderr and f": {key}: " in result.stderr
    config = write_config(tmp_path, [("acme", "http://127.0.0.1:9", "HEALTHY_TOKEN", [])])
    for option, value in [("--retry-delay-ms", "9223372036854775807"), ("--retries", "-1"), ("--email-retries", "1000")]:
        result = run_command("run", "--config", config, "--period", PERIOD, option, value, "--no-email", env_extra=TOKENS)
        assert result.returncode == 2, (option, result.stderr)
        assert option in result.stderr
