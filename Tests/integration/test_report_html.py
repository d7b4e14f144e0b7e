"""report.html in a real browser: Debian's headless Chromium, driven by Playwright
(contract §5, issue 5). The page must load with no console error and no network
request, show the numbers of summary.csv (read with Python's csv module, written in the
same run), and show API text that carries markup as text, with no script run.

Screenshots are kept under out/test-artifacts/. With UPDATE_SCREENSHOT=1 the rich
sample's screenshot is also copied to docs/report-screenshot.png (README shows it)."""
import json
import os
import shutil
import subprocess
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from conftest import ROOT, read_csv, run_report

ARTIFACTS = ROOT / "out" / "test-artifacts"
SAMPLE = Path(os.environ.get("SMS_SAMPLE_BIN", ROOT / ".build" / "debug" / "sms-sample"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, launched by Playwright (no browser download)."""
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: run scripts/setup.sh")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


class LoadedPage:
    """A report.html opened in the browser, with what happened while it loaded."""

    def __init__(self, browser, html_path, width=900):
        self.context = browser.new_context(viewport={"width": width, "height": 1000}, device_scale_factor=1)
        self.page = self.context.new_page()
        self.console_errors = []
        self.requests = []
        self.dialogs = []
        self.url = html_path.resolve().as_uri()
        self.page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        # Anything but the page itself is recorded above and then refused, so the test
        # never reaches the network even if the page asked for something.
        self.context.route("**/*", lambda route: route.continue_() if route.request.url == self.url else route.abort())
        self.page.goto(self.url, wait_until="load")

    def text(self):
        return self.page.inner_text("body")

    def count(self, selector):
        return self.page.eval_on_selector_all(selector, "elements => elements.length")

    def screenshot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.context.close()


def assert_self_contained(loaded):
    """No console error, no request but the file itself, no script, no outside asset."""
    assert loaded.console_errors == []
    assert loaded.requests == [loaded.url]
    assert loaded.dialogs == []
    assert loaded.count("script") == 0
    assert loaded.count("img, iframe, object, embed, link, video, audio, source, form") == 0
    outside = loaded.page.eval_on_selector_all(
        "[src], [href], [srcset], [background]",
        "elements => elements.map(e => e.outerHTML.slice(0, 80))")
    assert outside == []
    styles = " ".join(loaded.page.eval_on_selector_all("style", "elements => elements.map(e => e.textContent)"))
    assert "url(" not in styles and "@import" not in styles and "@font-face" not in styles


def percent(numerator, denominator):
    """A fraction as a percentage with one decimal, rounded half to even."""
    tenths = Fraction(numerator * 1000, denominator)
    whole, rest = divmod(tenths.numerator, tenths.denominator)
    if rest * 2 > tenths.denominator or (rest * 2 == tenths.denominator and whole % 2):
        whole += 1
    return f"{whole // 10}.{whole % 10}%"


def duration(seconds_text):
    """The page's duration form of a CSV seconds value: 850 ms, 12.4 s, 3 m 05 s, 2 h 14 m."""
    seconds = Decimal(seconds_text)
    rounded = lambda value: int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    milliseconds = rounded(seconds * 1000)
    if milliseconds < 1000:
        return f"{milliseconds} ms"
    tenths = rounded(seconds * 10)
    if tenths < 600:
        return f"{tenths // 10}.{tenths % 10} s"
    whole_seconds = rounded(seconds)
    if whole_seconds < 3600:
        return f"{whole_seconds // 60} m {whole_seconds % 60:02d} s"
    minutes = rounded(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} m"


def report(snapshot, out, *extra):
    result = run_report("--snapshot", snapshot, "--out", out, "--format", "csv,html", *extra)
    assert result.returncode in (0, 3), result.stderr
    return result


def test_rich_sample_shows_the_numbers_of_summary_csv(browser, tmp_path):
    out = tmp_path / "out"
    report(ROOT / "samples" / "rich", out)
    summary = {row["metric"]: row["value"] for row in read_csv(out / "summary.csv")}
    loaded = LoadedPage(browser, out / "report.html")
    try:
        assert_self_contained(loaded)
        text = loaded.text()
        deliveries, delivered = int(summary["deliveries"]), int(summary["delivered"])
        assert f"{deliveries:,}" in text
        assert f"{delivered:,}" in text
        assert percent(delivered, deliveries) in text
        assert duration(summary["latency_p50_s"]) in text
        assert duration(summary["latency_p95_s"]) in text
        undeliverable_failed = int(summary["undeliverable"]) + int(summary["failed"])
        assert f"{undeliverable_failed:,}" in text
        assert f"{summary['period_from']} – {summary['period_to']}" in text
        assert summary["timezone"] in text
        assert summary["data_as_of"][:10] + " " + summary["data_as_of"][11:19] in text
        assert "https://dicesms.asia" in text

        # Every day of by_day.csv is a row of the page's by_day table, with its figures.
        rows = [[cell.strip() for cell in row.split("\t")]
                for row in loaded.page.inner_text("xpath=//div[text()='By day']/following-sibling::div[1]/table").split("\n")]
        by_day = read_csv(out / "by_day.csv")
        assert len(rows) == len(by_day) + 1
        for csv_row, page_row in zip(by_day, rows[1:]):
            assert page_row[0] == csv_row["day"]
            assert page_row[1] == f"{int(csv_row['deliveries']):,}"
            assert page_row[2] == f"{int(csv_row['delivered']):,}"
            assert page_row[10] == percent(int(csv_row["delivered"]), int(csv_row["deliveries"]))

        # by_operator, by_status and the checks that found something.
        for row in read_csv(out / "by_operator.csv"):
            assert row["operator"] in text
        for row in read_csv(out / "by_status.csv"):
            assert row["status"] in text
        checks = read_csv(out / "data_quality.csv")
        for row in checks:
            assert (row["check"] in text) == (int(row["count"]) > 0), row["check"]

        # Three charts, each bar with a hover title; statuses keep one colour.
        assert loaded.count("svg") == 3
        assert loaded.count("svg rect > title") > 0
        screenshot = loaded.screenshot("report-rich.png")
        if os.environ.get("UPDATE_SCREENSHOT") == "1":
            shutil.copyfile(screenshot, ROOT / "docs" / "report-screenshot.png")
    finally:
        loaded.close()


def test_the_page_fits_a_phone_screen(browser, tmp_path):
    out = tmp_path / "out"
    report(ROOT / "samples" / "rich", out)
    loaded = LoadedPage(browser, out / "report.html", width=390)
    try:
        assert_self_contained(loaded)
        width = loaded.page.evaluate("document.documentElement.scrollWidth")
        loaded.screenshot("report-rich-phone.png")
        assert width <= 390 + 1, f"the page is {width} px wide on a 390 px screen"
    finally:
        loaded.close()


def test_a_year_of_days_stays_readable(browser, tmp_path):
    """366 days from the sample generator: bars narrow, day labels thinned, no NaN."""
    snapshot = tmp_path / "snapshot"
    sample = subprocess.run([str(SAMPLE), "--out", snapshot, "--deliveries", "3000", "--days", "366", "--seed", "5"],
                            capture_output=True, text=True)
    assert sample.returncode == 0, sample.stderr
    out = tmp_path / "out"
    report(snapshot, out)
    days = read_csv(out / "by_day.csv")
    assert len(days) > 300
    loaded = LoadedPage(browser, out / "report.html")
    try:
        assert_self_contained(loaded)
        html = (out / "report.html").read_text(encoding="utf-8")
        assert "NaN" not in html and "Infinity" not in html
        chart = loaded.page.locator("svg").first
        day_labels = chart.locator("text").evaluate_all(
            "texts => texts.map(t => t.textContent).filter(t => /^\\d{4}-\\d{2}-\\d{2}$/.test(t))")
        assert 5 <= len(day_labels) <= 15
        widths = chart.locator("rect").evaluate_all(
            "rects => rects.filter(r => r.querySelector('title')).map(r => r.getBBox().width)")
        assert widths and max(widths) < 3
        loaded.screenshot("report-366-days.png")
    finally:
        loaded.close()


def write_markup_snapshot(folder):
    """A snapshot whose API texts carry markup: messages, batch ids, a raw status, a
    phone, the base URL and an incomplete reason."""
    (folder / "sms-report").mkdir(parents=True)
    rows = [
        {"message": SCRIPT, "recipients": [{"client_name": SCRIPT, "client_phone": 9841000000}],
         "sent_at": "2025-11-04T09:00:00+05:45", "delivered_at": "2025-11-04T09:00:03+05:45", "status": "DELIVERED"},
        {"message": IMAGE, "recipients": [{"client_name": IMAGE, "client_phone": IMAGE}],
         "sent_at": "2025-11-04T09:10:00+05:45", "delivered_at": None, "status": SCRIPT},
        {"message": "<b>bold</b>", "recipients": [{"client_name": None, "client_phone": "9801000000"}],
         "sent_at": "2025-11-04T09:20:00+05:45", "delivered_at": None, "status": "FAILED"},
    ]
    (folder / "sms-report" / "page-000001.json").write_text(
        json.dumps({"count": len(rows), "next": None, "previous": None, "results": rows}))
    (folder / "batch-ids.json").write_text(json.dumps([
        {"sent_at": "2025-11-04T09:00:00+05:45", "delivered_at": None, "status": "SENT", "batch_id": IMAGE},
        {"sent_at": "2025-11-04T09:20:00+05:45", "delivered_at": None, "status": "SENT", "batch_id": SCRIPT},
    ]))
    (folder / "manifest.json").write_text(json.dumps({
        "base_url": "https://example.test/<script>alert(2)</script>", "complete": False,
        "reasons": [f"page 2 failed: {IMAGE}"], "batches": {},
        "fetch_finished": "2025-11-05T01:02:13.512000+05:45"}))


def test_markup_from_the_api_shows_as_text_and_never_runs(browser, tmp_path):
    snapshot = tmp_path / "snapshot"
    write_markup_snapshot(snapshot)
    out = tmp_path / "out"
    result = report(snapshot, out)
    assert result.returncode == 3
    loaded = LoadedPage(browser, out / "report.html")
    try:
        assert_self_contained(loaded)
        text = loaded.text()
        assert IMAGE in text, "the batch id and the reason are shown as text"
        assert SCRIPT in text, "the batch id and the raw status are shown as text"
        assert "https://example.test/<script>alert(2)</script>" in text
        assert "INCOMPLETE data" in text
        assert "page 2 failed: " + IMAGE in text
        # The batch ids are in the CSV as the API gave them, and on the page as text.
        batches = {row["batch_id"] for row in read_csv(out / "by_batch.csv")}
        assert {IMAGE, SCRIPT} <= batches
        svg_titles = loaded.page.eval_on_selector_all("svg title", "elements => elements.map(e => e.textContent)")
        assert svg_titles, "the charts have titles"
        loaded.screenshot("report-markup.png")
    finally:
        loaded.close()
    text_part = (out / "report.txt").read_text(encoding="utf-8")
    assert "INCOMPLETE data" in text_part
    assert "&lt;" not in text_part


def test_the_text_alternative_has_the_kpis_and_tables(tmp_path):
    out = tmp_path / "out"
    report(ROOT / "samples" / "rich", out)
    text = (out / "report.txt").read_text(encoding="utf-8")
    summary = {row["metric"]: row["value"] for row in read_csv(out / "summary.csv")}
    assert f"{int(summary['deliveries']):,}" in text
    assert percent(int(summary["delivered"]), int(summary["deliveries"])) in text
    lines = text.split("\n")
    for title, csv_name, key in (("By day", "by_day.csv", "day"), ("By operator", "by_operator.csv", "operator")):
        start = lines.index(title) + 1
        table = []
        for line in lines[start:]:
            if not line:
                break
            table.append(line)
        rows = read_csv(out / csv_name)
        assert len(table) == len(rows) + 2, title
        assert len({len(line) for line in table}) == 1, f"{title} is not aligned"
        for csv_row, line in zip(rows, table[2:]):
            assert line.split()[0] == csv_row[key]
            assert line.split()[1] == f"{int(csv_row['deliveries']):,}"


def test_a_templates_folder_replaces_the_bundled_one(browser, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    footer = templates / "footer.html.mustache"
    footer.write_text(footer.read_text().replace("Made by sms-report", "Prepared for ACME by sms-report"))
    out = tmp_path / "out"
    report(ROOT / "samples" / "api-doc", out, "--templates", templates)
    loaded = LoadedPage(browser, out / "report.html")
    try:
        assert_self_contained(loaded)
        assert "Prepared for ACME by sms-report" in loaded.text()
    finally:
        loaded.close()


def test_a_missing_template_stops_before_anything_is_written(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "kpi-tile.html.mustache").unlink()
    out = tmp_path / "out"
    result = run_report("--snapshot", ROOT / "samples" / "rich", "--out", out, "--templates", templates)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "kpis.html.mustache" in result.stderr and "kpi-tile.html" in result.stderr
    assert not out.exists() or not any(out.iterdir())

    result = run_report("--snapshot", ROOT / "samples" / "rich", "--out", out, "--templates", tmp_path / "nowhere")
    assert result.returncode == 2
    assert "templates folder not found" in result.stderr


def test_the_default_formats_include_html(tmp_path):
    out = tmp_path / "out"
    result = run_report("--snapshot", ROOT / "samples" / "rich", "--out", out)
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert {"report.html", "report.txt", "report.xlsx", "summary.csv"} <= set(names)
