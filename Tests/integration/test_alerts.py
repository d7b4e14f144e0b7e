"""Changes, alerts and reconciliation, end to end (issue 14; contract §10): generated
worlds in which one operator degrades, a real SQLite history store, the nightly run
emailing through a real SMTP server (aiosmtpd), the summary page in headless
Chromium, and the gateway's counters against a simulator that loses report rows."""
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from conftest import ROOT, read_csv, run_command, run_report
from smtp_server import SMTPTestServer, inspect_folder
from test_report_html import LoadedPage, assert_self_contained, browser  # noqa: F401 (a fixture)
from test_run import FAST, SMTP_PASSWORD, SMTP_USER, smtp_section, write_config

SAMPLE = Path(os.environ.get("SMS_SAMPLE_BIN", ROOT / ".build" / "debug" / "sms-sample"))
DAY = "2025-11-04"
# Fifteen days, 1,200 to 3,000 deliveries a day; NCELL is delivered 72% of the time on the last day only.
DEGRADING = ["--deliveries", "20000", "--days", "15", "--end-day", DAY, "--seed", "3", "--steady-rates"]
DEGRADE = ["--degrade", f"NCELL:{DAY}:0.72"]
# NCELL drops about ten points; the account, of which it is about 40%, drops under five: one alert.
TOKENS = {"ACME_TOKEN": "acme-token-5f2e", "GLOBEX_TOKEN": "globex-token-08b1"}


def sample(folder, *options):
    """A snapshot of a generated world, written by sms-sample."""
    subprocess.run([str(SAMPLE), "--out", str(folder), "--clean", *options], check=True, capture_output=True)
    return folder


def store_rows(path, query):
    with sqlite3.connect(path) as database:
        return database.execute(query).fetchall()


def test_a_degrading_operator_raises_one_alert_everywhere_the_contract_lists(simulator, tmp_path):
    acme = simulator(*DEGRADING, *DEGRADE, "--staff", token=TOKENS["ACME_TOKEN"])
    globex = simulator(*DEGRADING[:-3], "--seed", "9", "--steady-rates", "--staff", token=TOKENS["GLOBEX_TOKEN"])
    env = {**TOKENS, "SMTP_PASSWORD": SMTP_PASSWORD}
    with SMTPTestServer(tmp_path / "smtp", mode="starttls", auth=(SMTP_USER, SMTP_PASSWORD)) as server:
        config = write_config(tmp_path, [("acme", acme.base_url, "ACME_TOKEN", ["ops@acme.example"]),
                                         ("globex", globex.base_url, "GLOBEX_TOKEN", ["ops@globex.example"])],
                              smtp=smtp_section(server))
        baseline = run_command("run", "--config", config, "--from", "2025-10-21", "--to", "2025-11-03", "--no-email",
                               *FAST, env_extra=env)
        assert baseline.returncode == 0, baseline.stderr
        night = run_command("run", "--config", config, "--period", DAY, "--fail-on-alert", *FAST, env_extra=env)
        received = {item["message"]["subject"]: item["message"] for item in inspect_folder(server.out)}
    # acme's alert makes the run exit 7, after both emails were sent.
    assert night.returncode == 7, night.stderr
    assert len(received) == 2
    folder = tmp_path / "reports" / "acme" / DAY
    alerts = read_csv(folder / "alerts.csv")
    assert [(row["scope"], row["operator"], row["metric"]) for row in alerts] == [("operator", "NCELL", "delivery_rate")]
    alert = alerts[0]
    assert float(alert["z"]) <= -3
    assert float(alert["change"]) <= -0.05
    assert float(alert["period_value"]) < 0.76 < float(alert["baseline_value"])
    assert int(alert["baseline_deliveries"]) > int(alert["deliveries"]) >= 200
    by_operator = {row["operator"]: row for row in read_csv(folder / "by_operator.csv")}
    assert alert["period_value"] == by_operator["NCELL"]["delivery_rate"]
    assert int(alert["deliveries"]) == int(by_operator["NCELL"]["deliveries"])

    acme_subject = next(subject for subject in received if "acme" in subject)
    assert acme_subject.startswith(f"[ALERT] SMS report · acme · {DAY} · ")
    globex_subject = next(subject for subject in received if "globex" in subject)
    assert not globex_subject.startswith("[ALERT]")
    message = received[acme_subject]
    text = message["text"].replace("\r\n", "\n")
    assert text == (folder / "report.txt").read_text()
    assert alert["message"] in text
    assert text.index(alert["message"]) < text.index("Deliveries"), "the alerts section comes first"
    assert "previous day" in text and "same day last week" in text

    record = json.loads((folder / "run.json").read_text())
    assert record["alerts"] == [alert["message"]]
    assert record["exit_code"] == 7
    assert record["email"]["status"] == "sent"
    assert json.loads((tmp_path / "reports" / "globex" / DAY / "run.json").read_text())["exit_code"] == 0
    assert f"ALERT: {alert['message']}" in night.stderr + night.stdout
    assert any(line.startswith(f"acme {DAY}:") and "1 alert" in line for line in night.stdout.splitlines())

    store = tmp_path / "reports" / "history.sqlite"
    assert store_rows(store, "SELECT account, scope, operator, metric, message FROM alerts") == [
        ("acme", "operator", "NCELL", "delivery_rate", alert["message"])]
    runs = store_rows(store, "SELECT account, exit_code, alerts, emailed FROM runs WHERE period = '2025-11-04' ORDER BY account")
    assert runs == [("acme", 7, 1, 1), ("globex", 0, 0, 1)]


def test_the_page_with_an_alert_reads_in_chromium(browser, tmp_path):
    snapshot = sample(tmp_path / "snapshot", *DEGRADING, *DEGRADE)
    store = tmp_path / "history.sqlite"
    common = ["--snapshot", snapshot, "--store", store, "--account", "acme"]
    assert run_report(*common, "--out", tmp_path / "weeks", "--to", "2025-11-03", "--format", "csv").returncode == 0
    result = run_report(*common, "--out", tmp_path / "day", "--from", DAY, "--to", DAY)
    assert result.returncode == 0, result.stderr
    alert = read_csv(tmp_path / "day" / "alerts.csv")[0]
    loaded = LoadedPage(browser, tmp_path / "day" / "report.html")
    try:
        assert_self_contained(loaded)
        text = loaded.text()
        assert alert["message"] in text
        assert text.index(alert["message"]) < text.index("Deliveries"), "the alerts section is at the top"
        assert "previous day" in text and "same day last week" in text
        assert "no data" not in text, "every earlier day is stored"
        # One sparkline per operator of by_operator, each an inline SVG.
        operators = read_csv(tmp_path / "day" / "by_operator.csv")
        assert loaded.count("svg") >= 3 + len(operators)
        screenshot = loaded.screenshot("report-alert.png")
        if os.environ.get("UPDATE_SCREENSHOT") == "1":
            shutil.copyfile(screenshot, ROOT / "docs" / "alert-screenshot.png")
    finally:
        loaded.close()


def test_report_fail_on_alert_exits_7_and_too_short_a_baseline_gives_a_note(tmp_path):
    snapshot = sample(tmp_path / "snapshot", *DEGRADING, *DEGRADE)
    store = tmp_path / "history.sqlite"
    common = ["--snapshot", snapshot, "--store", store, "--account", "acme", "--format", "csv"]
    # Five stored days are too few for a baseline (min_baseline_days 7): a note, no alert.
    assert run_report(*common, "--out", tmp_path / "five", "--from", "2025-10-30", "--to", "2025-11-03").returncode == 0
    short = run_report(*common, "--out", tmp_path / "short", "--from", DAY, "--to", DAY, "--fail-on-alert")
    assert short.returncode == 0, short.stderr
    assert read_csv(tmp_path / "short" / "alerts.csv") == []
    assert run_report(*common, "--out", tmp_path / "more", "--from", "2025-10-21", "--to", "2025-10-29").returncode == 0
    day = run_report(*common, "--out", tmp_path / "day", "--from", DAY, "--to", DAY, "--fail-on-alert")
    assert day.returncode == 7, day.stderr
    assert "ALERT: NCELL delivery rate" in day.stderr
    # Without a store there are no alerts to fail on, and no alerts table.
    plain = run_report("--snapshot", snapshot, "--out", tmp_path / "plain", "--from", DAY, "--to", DAY,
                       "--format", "csv", "--fail-on-alert")
    assert plain.returncode == 0
    assert not (tmp_path / "plain" / "alerts.csv").exists()


def test_rows_the_report_api_loses_show_as_a_metrics_mismatch(simulator, tmp_path):
    world = ["--deliveries", "4000", "--days", "3", "--end-day", DAY, "--seed", "12", "--staff"]
    for name, extra in (("whole", []), ("lossy", ["--lose-rows", "0.05"])):
        sim = simulator(*world, *extra)
        fetched = run_command("fetch", "--base-url", sim.base_url, "--out", tmp_path / name / "snapshot",
                              env_extra={"SMS_REPORT_TOKEN": sim.token})
        assert fetched.returncode == 0, fetched.stderr
        reported = run_report("--snapshot", tmp_path / name / "snapshot", "--out", tmp_path / name / "report",
                              "--format", "csv")
        assert reported.returncode == 0, reported.stderr
    whole = read_csv(tmp_path / "whole" / "report" / "reconciliation.csv")
    assert whole and all(row["difference"] == "0" for row in whole)
    lossy = read_csv(tmp_path / "lossy" / "report" / "reconciliation.csv")
    assert [(row["day"], row["operator"]) for row in lossy] == [(row["day"], row["operator"]) for row in whole]
    for row in lossy:
        assert int(row["difference"]) == int(row["deliveries"]) - int(row["enqueued"]) <= 0
    assert sum(int(row["enqueued"]) for row in lossy) == sum(int(row["enqueued"]) for row in whole)
    lost = -sum(int(row["difference"]) for row in lossy)
    assert 0.03 * 4000 < lost < 0.07 * 4000
    quality = {row["check"]: row for row in read_csv(tmp_path / "lossy" / "report" / "data_quality.csv")}
    mismatched = [row for row in lossy
                  if -int(row["difference"]) > 10 and -int(row["difference"]) * 200 > int(row["enqueued"])]
    assert int(quality["metrics_mismatch"]["count"]) == len(mismatched) > 0
    worst = min(mismatched, key=lambda row: int(row["difference"]))
    assert quality["metrics_mismatch"]["example"].startswith(f"{worst['day']} {worst['operator']}: ")
    clean = {row["check"]: row for row in read_csv(tmp_path / "whole" / "report" / "data_quality.csv")}
    assert clean["metrics_mismatch"]["count"] == "0"
