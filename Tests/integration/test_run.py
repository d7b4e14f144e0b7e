"""`sms-report run`, end to end (issue 6; contract §1, §8): a config of accounts
against real API simulators on 127.0.0.1, email through a real SMTP server on
127.0.0.1 (aiosmtpd, STARTTLS with a certificate checked against its own CA, AUTH),
and what arrived read back with Python's `email` package."""
import fcntl
import hashlib
import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BINARY, ROOT, read_csv, run_command
from smtp_server import SMTPTestServer, inspect_folder

TOKENS = {"HEALTHY_TOKEN": "healthy-token-7c1d", "BROKEN_TOKEN": "broken-token-93aa"}
SMTP_USER, SMTP_PASSWORD = "reports@example.com", "smtp-secret-55e1"
PERIOD = "2025-11-04"
FAST = ["--retries", "1", "--retry-delay-ms", "1", "--email-retries", "1", "--email-retry-delay-ms", "10"]
WORLD = ["--deliveries", "300", "--days", "3", "--seed", "4", "--page-size", "25"]


def write_config(folder, accounts, smtp=None, **settings):
    """A config file in `folder`: `accounts` as (name, base_url, token_env, email_to)."""
    lines = [f"{key}: {value}" for key, value in {"output_dir": "reports", "keep_snapshots": 5, **settings}.items()]
    lines.append("accounts:")
    for name, base_url, token_env, email_to in accounts:
        lines += [f"  - name: {name}", f"    base_url: {base_url}", f"    token_env: {token_env}"]
        if email_to:
            lines.append(f"    email_to: [{', '.join(email_to)}]")
    if smtp:
        lines.append("smtp:")
        lines += [f"  {key}: {value}" for key, value in smtp.items()]
    path = Path(folder) / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def smtp_section(server, **extra):
    section = {"host": "127.0.0.1", "port": server.port, "security": server.mode, "from": '"SMS Reports <reports@example.com>"'}
    if server.mode != "none" and server.ca_file:
        section["ca_file"] = server.ca_file
    section.update(username=SMTP_USER, password_env="SMTP_PASSWORD")
    section.update(extra)
    return section


def run(config, *extra, env=None):
    return run_command("run", "--config", config, "--period", PERIOD, *FAST, *extra,
                       env_extra={**TOKENS, "SMTP_PASSWORD": SMTP_PASSWORD, **(env or {})})


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def summary(folder):
    return {row["metric"]: row["value"] for row in read_csv(Path(folder) / "summary.csv")}


def test_two_accounts_one_never_healing_both_emailed_and_exit_3(simulator, tmp_path):
    healthy = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    broken = simulator(*WORLD, "--fail-path", "page=3", token=TOKENS["BROKEN_TOKEN"])
    with SMTPTestServer(tmp_path / "smtp", mode="starttls", auth=(SMTP_USER, SMTP_PASSWORD)) as server:
        config = write_config(tmp_path, [
            ("healthy", healthy.base_url, "HEALTHY_TOKEN", ["ops@healthy.example", "boss@healthy.example"]),
            ("broken", broken.base_url, "BROKEN_TOKEN", ["ops@broken.example"]),
        ], smtp=smtp_section(server))
        result = run(config)
        received = inspect_folder(server.out)
    assert result.returncode == 3, result.stderr
    assert len(received) == 2
    by_account = {}
    for item in received:
        account = "healthy" if "healthy" in item["message"]["subject"] else "broken"
        by_account[account] = item
    for account, recipients, complete in (("healthy", ["ops@healthy.example", "boss@healthy.example"], True),
                                          ("broken", ["ops@broken.example"], False)):
        folder = tmp_path / "reports" / account / PERIOD
        message = by_account[account]["message"]
        assert sorted(by_account[account]["envelope"]["rcpt_tos"]) == sorted(recipients)
        assert message["to"] == recipients
        rate = float(summary(folder)["delivery_rate"]) * 100
        expected = f"SMS report · {account} · {PERIOD} · {rate:.1f}% delivered"
        assert message["subject"] == (expected if complete else "[INCOMPLETE] " + expected)
        assert message["text"].replace("\r\n", "\n") == (folder / "report.txt").read_text()
        # The HTML part is report.html with each SVG chart as an inline PNG (test_email_charts.py).
        on_disk = (folder / "report.html").read_text()
        images = iter(re.findall(r"<img\b[^>]*>", message["html"]))
        assert re.sub(r"<svg\b.*?</svg>", lambda _: next(images), on_disk, flags=re.S) == message["html"].replace("\r\n", "\n")
        assert len(message["inline"]) == on_disk.count("<svg") >= 3
        attachments = {item["filename"]: item for item in message["attachments"]}
        assert attachments["report.xlsx"]["sha256"] == sha256(folder / "report.xlsx")
        entries = attachments["report-csv.zip"]["zip_entries"]
        # The zipped CSVs are the files on disk after a UTF-8 BOM (contract §5, csv_bom: email).
        assert entries == {path.name: hashlib.sha256(b"\xef\xbb\xbf" + path.read_bytes()).hexdigest()
                           for path in sorted(folder.glob("*.csv"))}
        assert message["defects"] == 0
        record = json.loads((folder / "run.json").read_text())
        assert record["exit_code"] == (0 if complete else 3)
        assert record["complete"] is complete
        assert record["email"]["status"] == "sent"
        assert record["deliveries"] == len(read_csv(folder / "deliveries.csv"))
    assert summary(tmp_path / "reports" / "broken" / PERIOD)["complete"] == "false"
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"healthy {PERIOD}:") and "ok (exit 0)" in line for line in lines), result.stdout
    assert any(line.startswith(f"broken {PERIOD}:") and "incomplete (exit 3)" in line for line in lines), result.stdout
    every_output = result.stdout + result.stderr + "".join(
        path.read_text(errors="replace") for path in (tmp_path / "reports").rglob("*") if path.is_file()
        and path.suffix in (".json", ".csv", ".txt", ".html"))
    for secret in (*TOKENS.values(), SMTP_PASSWORD):
        assert secret not in every_output


def test_a_second_run_of_the_same_config_is_refused_by_the_lock(simulator, tmp_path):
    slow = simulator(*WORLD, "--latency-ms", "150", token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("slow", slow.base_url, "HEALTHY_TOKEN", [])])
    env = {**TOKENS}
    first = subprocess.Popen([str(BINARY), "run", "--config", str(config), "--period", PERIOD, "--no-email"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**__import__("os").environ, **env})
    try:
        deadline = time.monotonic() + 10
        lock = Path(str(config) + ".lock")
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        second = run_command("run", "--config", config, "--period", PERIOD, "--no-email", env_extra=env)
        assert second.returncode == 6, second.stderr
        assert str(lock) in second.stderr and "another run" in second.stderr
        assert first.poll() is None, "the first run should still be running"
    finally:
        first.wait(timeout=120)
    assert first.returncode == 0, first.stderr
    third = run_command("run", "--config", config, "--period", PERIOD, "--no-email", env_extra=env)
    assert third.returncode == 0, third.stderr


def test_a_lock_file_left_behind_never_blocks(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", [])])
    Path(str(config) + ".lock").write_text("4242\n")
    result = run(config, "--no-email")
    assert result.returncode == 0, result.stderr


def test_a_held_lock_exits_6_at_once(tmp_path):
    config = write_config(tmp_path, [("acme", "http://127.0.0.1:9", "HEALTHY_TOKEN", [])])
    with open(str(config) + ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        started = time.monotonic()
        result = run(config, "--no-email")
    assert result.returncode == 6
    assert time.monotonic() - started < 5
    assert "config.yaml.lock" in result.stderr


def test_a_refused_recipient_exits_4_and_keeps_the_files(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    with SMTPTestServer(tmp_path / "smtp", mode="starttls", auth=(SMTP_USER, SMTP_PASSWORD),
                        refuse_rcpt=["nobody@acme.example"]) as server:
        config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example", "nobody@acme.example"])],
                              smtp=smtp_section(server))
        result = run(config)
        received = inspect_folder(server.out)
    assert result.returncode == 4, result.stderr
    assert received == []
    folder = tmp_path / "reports" / "acme" / PERIOD
    assert (folder / "report.xlsx").exists() and (folder / "report.html").exists()
    record = json.loads((folder / "run.json").read_text())
    assert record["exit_code"] == 4 and record["email"]["status"] == "failed"
    assert "550" in record["email"]["error"] or "550" in record["error"]
    assert str(folder) in record["error"]


def test_a_mail_server_that_is_down_exits_4_and_keeps_the_files(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    with SMTPTestServer(tmp_path / "smtp", mode="plain") as server:
        port = server.port
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])],
                          smtp={"host": "127.0.0.1", "port": port, "security": "none",
                                "from": '"SMS Reports <reports@example.com>"'})
    result = run(config)
    assert result.returncode == 4, result.stderr
    folder = tmp_path / "reports" / "acme" / PERIOD
    assert {"report.xlsx", "report.html", "report.txt", "summary.csv", "run.json"} <= {p.name for p in folder.iterdir()}
    assert "delivery_failed (exit 4)" in result.stdout


def test_the_size_guard_leaves_out_the_zip_first_and_says_so(simulator, tmp_path):
    """The server advertises SIZE 1600000, below max_attachments_mb: the message as
    sent (base64 included, the chart images too) stays within it, and MAIL FROM declares its size."""
    sim = simulator("--deliveries", "12000", "--days", "1", "--seed", "9", "--page-size", "500",
                    "--end-day", PERIOD, token=TOKENS["HEALTHY_TOKEN"])
    with SMTPTestServer(tmp_path / "smtp", mode="plain", size=1_600_000) as server:
        config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])],
                              smtp={"host": "127.0.0.1", "port": server.port, "security": "none",
                                    "from": '"SMS Reports <reports@example.com>"', "max_attachments_mb": 10})
        result = run(config)
        received = inspect_folder(server.out)
        raw = [message for _, message in server.messages()]
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "reports" / "acme" / PERIOD
    workbook = (folder / "report.xlsx").stat().st_size
    # About 200 kB are left for the headers, the bodies and the chart images (some 130 kB in base64).
    assert workbook < 1_000_000 < workbook * 4 / 3 < 1_400_000, "the test needs a workbook that fits alone in base64"
    assert len(raw[0]) <= 1_600_000, "the limit is on the message as sent"
    assert received[0]["envelope"]["mail_options"] == [f"SIZE={len(raw[0])}"]
    message = received[0]["message"]
    assert [item["filename"] for item in message["attachments"]] == ["report.xlsx"]
    assert len(message["inline"]) >= 3, "the chart images are part of the body, never left out"
    assert "report-csv.zip" in message["text"] and str(folder) in message["text"]
    assert "report-csv.zip" in message["html"]
    record = json.loads((folder / "run.json").read_text())
    assert record["email"]["left_out"] == ["report-csv.zip"]
    assert record["email"]["message_bytes"] == len(raw[0])
    assert record["email"]["left_out_reason"].endswith("the mail server's limit (SIZE 1600000)")


def test_a_server_that_refuses_the_message_as_too_big_gets_it_without_attachments(simulator, tmp_path):
    """No SIZE advertised, 552 5.3.4 after the message: the run sends it once more
    without attachments, with the note, and ends with 0; run.json says why."""
    sim = simulator("--deliveries", "12000", "--days", "1", "--seed", "9", "--page-size", "500",
                    "--end-day", PERIOD, token=TOKENS["HEALTHY_TOKEN"])
    limit = 400_000
    with SMTPTestServer(tmp_path / "smtp", mode="plain", size=0, refuse_over=limit) as server:
        config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])],
                              smtp={"host": "127.0.0.1", "port": server.port, "security": "none",
                                    "from": '"SMS Reports <reports@example.com>"'})
        result = run(config)
        received = inspect_folder(server.out)
        raw = [message for _, message in server.messages()]
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "reports" / "acme" / PERIOD
    assert (folder / "report.xlsx").stat().st_size > limit, "the test needs a message the server refuses"
    assert len(received) == 1 and len(raw[0]) <= limit
    message = received[0]["message"]
    assert message["attachments"] == []
    assert received[0]["envelope"]["mail_options"] == []
    text = message["text"].replace("\r\n", "\n")
    assert text.startswith("These files were left out of this email because the mail server refused it as too big")
    assert f"report.xlsx (" in text and f"is on disk at {folder}/report.xlsx" in text
    assert text.endswith((folder / "report.txt").read_text())
    record = json.loads((folder / "run.json").read_text())
    assert record["email"]["status"] == "sent"
    assert record["email"]["left_out"] == ["report-csv.zip", "report.xlsx"]
    assert "552 5.3.4" in record["email"]["left_out_reason"]
    assert record["email"]["message_bytes"] == len(raw[0])


def test_a_refused_token_exits_5_and_writes_no_report(simulator, tmp_path):
    sim = simulator(*WORLD, token="the-real-token")
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", [])])
    result = run(config, "--no-email")
    assert result.returncode == 5, result.stderr
    folder = tmp_path / "reports" / "acme" / PERIOD
    assert not (folder / "summary.csv").exists() and not (folder / "report.xlsx").exists()
    assert json.loads((folder / "run.json").read_text())["outcome"] == "authentication_refused"


def test_dry_run_writes_each_message_as_an_eml_file(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", ["ops@acme.example"])],
                          smtp={"host": "127.0.0.1", "port": 9, "security": "none",
                                "from": '"SMS Reports <reports@example.com>"'}, formats="[csv]")
    result = run(config, "--email-dry-run", tmp_path / "outbox")
    assert result.returncode == 0, result.stderr
    files = list((tmp_path / "outbox").glob("*.eml"))
    assert [path.name for path in files] == [f"acme_{PERIOD}.eml"]
    from smtp_server import inspect_message
    message = inspect_message(files[0].read_bytes())
    folder = tmp_path / "reports" / "acme" / PERIOD
    assert message["text"].replace("\r\n", "\n") == (folder / "report.txt").read_text()
    assert [item["filename"] for item in message["attachments"]] == ["report-csv.zip"]


def test_good_runs_keep_only_the_newest_snapshots(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", [])], keep_snapshots=2)
    for _ in range(3):
        assert run(config, "--no-email").returncode == 0
    snapshots = tmp_path / "reports" / "acme" / "snapshots"
    assert len(list(snapshots.iterdir())) == 2
    broken = simulator(*WORLD, "--fail-path", "page=3", token=TOKENS["HEALTHY_TOKEN"])
    config.write_text(config.read_text().replace(sim.base_url, broken.base_url))
    assert run(config, "--no-email").returncode == 3
    assert len(list(snapshots.iterdir())) == 3, "a run that did not end with 0 prunes nothing"


def test_check_validates_without_network_and_names_the_line(tmp_path):
    config = write_config(tmp_path, [("acme", "http://127.0.0.1:9", "HEALTHY_TOKEN", [])])
    good = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert good.returncode == 0, good.stderr
    assert "valid" in good.stdout and TOKENS["HEALTHY_TOKEN"] not in good.stdout
    config.write_text(config.read_text().replace("keep_snapshots", "keep_snapshot"))
    bad = run_command("run", "--config", config, "--check", env_extra=TOKENS)
    assert bad.returncode == 2
    assert "keep_snapshot" in bad.stderr and ":2:" in bad.stderr
    unset = run_command("run", "--config", config.with_name("missing.yaml"), "--check")
    assert unset.returncode == 2


def test_json_logs_are_one_object_per_line(simulator, tmp_path):
    sim = simulator(*WORLD, token=TOKENS["HEALTHY_TOKEN"])
    config = write_config(tmp_path, [("acme", sim.base_url, "HEALTHY_TOKEN", [])])
    result = run(config, "--no-email", "--log-format", "json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    assert events and all(event["account"] == "acme" for event in events)
    assert any("fetching" in event["message"] for event in events)


BILLING_CARD = """rate_cards:
  standard:
    default: "0.50"
    operators: { NTC: "0.40", NCELL: "0.45", SMART: "0.355" }
"""


def billing_config(tmp_path, base_url, rate_card=True):
    config = write_config(tmp_path, [("acme", base_url, "HEALTHY_TOKEN", [])])
    text = config.read_text().replace("accounts:\n", BILLING_CARD + "accounts:\n")
    if rate_card:
        text = text.replace("    token_env: HEALTHY_TOKEN\n", "    token_env: HEALTHY_TOKEN\n    rate_card: standard\n")
    config.write_text(text)
    return config


def test_billing_with_a_config_fetches_the_month_and_bills_it_with_the_accounts_card(simulator, tmp_path):
    sim = simulator("--deliveries", "400", "--days", "10", "--seed", "6", "--page-size", "50",
                    token=TOKENS["HEALTHY_TOKEN"])
    config = billing_config(tmp_path, sim.base_url)
    fetched = run_command("billing", "--config", config, "--account", "acme", "--month", "2025-11",
                          "--out", tmp_path / "fetched", env_extra=TOKENS)
    assert fetched.returncode == 0, fetched.stderr
    snapshots = list((tmp_path / "reports" / "acme" / "snapshots").iterdir())
    assert len(snapshots) == 1
    manifest = json.loads((snapshots[0] / "manifest.json").read_text())
    assert manifest["since"] == "2025-11-01"
    again = run_command("billing", "--snapshot", snapshots[0], "--config", config, "--account", "acme",
                        "--month", "2025-11", "--out", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "fetched" / "billing.csv").read_bytes() == (tmp_path / "again" / "billing.csv").read_bytes()
    rows = read_csv(tmp_path / "fetched" / "billing.csv")
    assert rows[-1]["operator"] == "TOTAL" and rows[-1]["account"] == "acme" and rows[-1]["month"] == "2025-11"
    assert {row["rate"] for row in rows if row["operator"] == "NTC"} <= {"0.40"}


def test_billing_an_account_without_a_rate_card_needs_one_from_the_command_line(tmp_path):
    config = billing_config(tmp_path, "http://127.0.0.1:9", rate_card=False)
    result = run_command("billing", "--snapshot", ROOT / "samples" / "rich", "--config", config, "--account", "acme",
                         "--month", "2025-11", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "rate_card" in result.stderr
    assert not (tmp_path / "out" / "billing.csv").exists()
    with_card = run_command("billing", "--snapshot", ROOT / "samples" / "rich", "--config", config,
                            "--rate-card", ROOT / "samples" / "rate-card.yaml", "--month", "2025-11",
                            "--out", tmp_path / "out")
    assert with_card.returncode == 0, with_card.stderr
    assert read_csv(tmp_path / "out" / "billing.csv")[-1]["account"] == "acme", "the config's only account"


def test_a_monthly_run_bills_each_account_with_a_card(simulator, tmp_path):
    sim = simulator("--deliveries", "400", "--days", "10", "--seed", "6", "--page-size", "50",
                    token=TOKENS["HEALTHY_TOKEN"])
    config = billing_config(tmp_path, sim.base_url)
    result = run_command("run", "--config", config, "--period", "2025-11", "--no-email", *FAST, env_extra=TOKENS)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "reports" / "acme" / "2025-11"
    rows = read_csv(folder / "billing.csv")
    assert rows[-1]["operator"] == "TOTAL"
    assert f">{rows[-1]['amount']} NPR<" in (folder / "report.html").read_text()
    record = json.loads((folder / "run.json").read_text())
    defaulted = sorted({row["operator"] for row in rows} - {"NTC", "NCELL", "SMART", "OTHER", "INVALID", "TOTAL"})
    assert defaulted, "the world should have an operator the card does not price"
    assert any(all(name in notice for name in defaulted) and "default" in notice for notice in record["notices"])
    assert "default price" in result.stderr
