"""Printing (issue 14): report.xlsx, billing.xlsx and history.xlsx converted to PDF by
LibreOffice, an independent renderer, and read back with poppler (`pdftotext` for the
words on each page, `pdftoppm` for its pixels).

What a user printing the workbooks checks:
- every sheet prints one page wide: each printed page of a table carries its header
  row whole, first column to last (the header is repeated atop every page);
- the footer names the sheet and says `Page x of y`;
- each chart lies within one page: its title, its colours (the Okabe–Ito palette that
  only the charts use) and its bottom edge (legend, category labels) are all on the
  same single page;
- the number of pages is what the rows need (see `expected_pages`).

Skipped when LibreOffice is not installed; CI installs it (scripts/setup.sh)."""
import math
import re
import shutil
import subprocess

import openpyxl
import pytest

from conftest import ROOT, run_command, run_report

RICH = ROOT / "samples" / "rich"
SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None or shutil.which("pdftoppm") is None,
                                reason="LibreOffice (soffice) and poppler-utils are needed to print the workbooks "
                                       "to PDF; scripts/setup.sh installs them")

# The charts' colours (Sources/SMSRender/StatusPalette.swift): no cell of any sheet uses them.
PALETTE = {0x009E73, 0x0072B2, 0x56B4E9, 0xE69F00, 0xD55E00, 0xCC79A7, 0xF0E442}
FOOTER = re.compile(r"^\s*(?P<sheet>\S.*?)\s{2,}Page (?P<page>\d+) of (?P<pages>\d+)\s*$")


def to_pdf(workbook, tmp_path):
    """`workbook` converted to PDF by LibreOffice with a profile of its own (so that
    parallel runs do not share one); returns the PDF's path."""
    out = tmp_path / "pdf"
    profile = tmp_path / "lo-profile"
    result = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(out), str(workbook)], capture_output=True, text=True, timeout=300)
    pdf = out / (workbook.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf


def page_texts(pdf):
    """The text of each page, laid out as printed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def palette_pages(pdf, tmp_path):
    """The numbers (from 0) of the pages with a pixel of a chart colour, at 50 dpi."""
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "50", str(pdf), str(prefix)], check=True)
    found = set()
    for index, image in enumerate(sorted(tmp_path.glob("page-*.ppm"))):
        data = image.read_bytes()
        # Binary PPM: "P6", width, height, maxval, then RGB bytes.
        fields = data.split(maxsplit=4)
        assert fields[0] == b"P6" and fields[3] == b"255"
        pixels = fields[4]
        colours = {int.from_bytes(pixels[offset:offset + 3], "big") for offset in range(0, len(pixels) - 2, 3)}
        if colours & PALETTE:
            found.add(index)
    return found


def footers(pages):
    """(sheet, page, pages) from each page's footer."""
    result = []
    for text in pages:
        lines = [line for line in text.splitlines() if line.strip()]
        match = FOOTER.match(lines[-1]) if lines else None
        assert match, f"no footer on a page: {lines[-1:]}"
        result.append((match["sheet"], int(match["page"]), int(match["pages"])))
    return result


def sheet_pages(pages):
    """The pages of each sheet, in order, by the sheet named in the footer."""
    by_sheet = {}
    for index, (sheet, _, _) in enumerate(footers(pages)):
        by_sheet.setdefault(sheet, []).append(index)
    return by_sheet


def assert_one_page_wide(pages, by_sheet, workbook, header_row=1, sheets=None):
    """Every printed page of each table sheet has its header row whole: the first and
    the last column's names on one line, so no column went to a page of its own."""
    for name in sheets or by_sheet:
        sheet = workbook[name]
        header = [cell.value for cell in sheet[header_row] if cell.value is not None]
        first, last = header[0], header[-1]
        for index in by_sheet[name]:
            lines = pages[index].splitlines()
            assert any(re.search(rf"\b{re.escape(first)}\b.*\b{re.escape(last)}\b", line) for line in lines), \
                (name, index, first, last)


def assert_chart_on_one_page(pages, title, bottom_words=()):
    """`title` is on exactly one page, and so is the chart's bottom edge: a line below
    the title with every word of `bottom_words` (its legend or category labels).
    Returns the page."""
    on = [index for index, text in enumerate(pages) if title in text]
    assert len(on) == 1, (title, on)
    if bottom_words:
        lines = pages[on[0]].splitlines()
        title_line = next(number for number, line in enumerate(lines) if title in line)
        assert any(all(word in line for word in bottom_words) for line in lines[title_line + 1:]), (title, bottom_words)
    return on[0]


def first_cell_text(row):
    """A row's first non-empty cell as it prints at the start of the row's line."""
    value = next(value for value in row if value is not None)
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)[:12]


def assert_pages_hold_the_rows(pages, by_sheet, workbook, name):
    """Every data row of table sheet `name` prints once, each page but the last is
    full, so the sheet takes ceil(rows ÷ rows a page holds) pages; returns how many."""
    rows = [first_cell_text(row) for row in workbook[name].iter_rows(min_row=2, values_only=True)]
    starts = set(rows)
    per_page = [sum(1 for line in pages[index].splitlines() if any(line.lstrip().startswith(start) for start in starts))
                for index in by_sheet[name]]
    assert sum(per_page) == len(rows), (name, per_page, len(rows))
    full = per_page[0]
    # Landscape A4 holds at least 30 rows at 100% (XLSXPrintLayout.landscapeRowsPerPage).
    assert len(per_page) == 1 or full >= 30, (name, per_page)
    assert all(count == full for count in per_page[:-1]), (name, per_page)
    assert len(by_sheet[name]) == max(1, math.ceil(len(rows) / full)), (name, per_page)
    return len(by_sheet[name])


def printed_report(path, tmp_path):
    """`report.xlsx` read back and printed to PDF: the workbook, the PDF, its pages'
    text and each sheet's pages, after checking that every sheet prints one page wide."""
    workbook = openpyxl.load_workbook(path)
    pdf = to_pdf(path, tmp_path)
    pages = page_texts(pdf)
    by_sheet = sheet_pages(pages)
    assert list(by_sheet) == workbook.sheetnames
    assert_one_page_wide(pages, by_sheet, workbook)
    return workbook, pdf, pages, by_sheet


def test_report_workbook_prints_one_page_wide_with_every_chart_on_one_page(tmp_path):
    out = tmp_path / "out"
    result = run_report("--snapshot", RICH, "--out", out, "--format", "xlsx")
    assert result.returncode == 0, result.stderr
    workbook, pdf, pages, by_sheet = printed_report(out / "report.xlsx", tmp_path)
    # The summary, its table whole and its three charts, on one landscape page.
    assert len(by_sheet["summary"]) == 1
    chart_pages = {
        assert_chart_on_one_page(pages, "Deliveries by day", ["delivered", "pending", "undeliverable", "expired"]),
        assert_chart_on_one_page(pages, "Delivery rate by operator", ["NTC", "NCELL", "SMART", "INVALID"]),
        assert_chart_on_one_page(pages, "Latency (delivered_at"),
    }
    assert chart_pages == set(by_sheet["summary"])
    assert palette_pages(pdf, tmp_path) == chart_pages
    # Every table's pages are full but the last: the small tables take a page each;
    # cube (183 rows), metrics (92) and deliveries (300) take what their rows need.
    expected = {name: assert_pages_hold_the_rows(pages, by_sheet, workbook, name) for name in workbook.sheetnames[1:]}
    assert all(expected[name] == 1 for name in expected if workbook[name].max_row <= 31), expected
    assert len(pages) == 1 + sum(expected.values())
    assert all(total == len(pages) for _, _, total in footers(pages))


def test_billing_workbook_prints_the_invoice_on_one_page(tmp_path):
    card = ROOT / "samples" / "rate-card.yaml"
    out = tmp_path / "billing"
    result = run_command("billing", "--snapshot", RICH, "--month", "2025-11", "--rate-card", card,
                         "--account", "acme & co", "--out", out)
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(out / "billing.xlsx")
    pages = page_texts(to_pdf(out / "billing.xlsx", tmp_path))
    # An invoice of a handful of operators and the billing table of as many rows: a
    # page each, landscape and whole.
    assert len(pages) == 2
    assert [sheet for sheet, _, _ in footers(pages)] == ["acme & co · invoice 2025-11", "billing"]
    assert all(line_with_all(pages[0], header) for header in (["Operator", "Amount"],))
    assert "TOTAL" in pages[0] and "SMS invoice" in pages[0]
    assert_one_page_wide(pages, {"billing": [1]}, workbook)


def line_with_all(text, words):
    return any(all(word in line for word in words) for line in text.splitlines())


def test_history_workbook_prints_its_two_charts_on_the_summary_page(tmp_path):
    store = tmp_path / "history.sqlite"
    assert run_report("--snapshot", RICH, "--out", tmp_path / "report", "--format", "csv", "--account", "acme",
                      "--store", store).returncode == 0
    out = tmp_path / "history"
    result = run_command("history", "--account", "acme", "--store", store, "--out", out)
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(out / "history.xlsx")
    pdf = to_pdf(out / "history.xlsx", tmp_path)
    pages = page_texts(pdf)
    by_sheet = sheet_pages(pages)
    assert list(by_sheet) == workbook.sheetnames == ["summary", "history"]
    # The facts and both charts on one page; the 7 days of history on another.
    assert len(pages) == 2
    chart_pages = {assert_chart_on_one_page(pages, "Delivery rate per day"),
                   assert_chart_on_one_page(pages, "Deliveries per day")}
    assert chart_pages == set(by_sheet["summary"]) == palette_pages(pdf, tmp_path)
    assert_one_page_wide(pages, by_sheet, workbook, sheets=["history"])


def test_a_summary_with_changes_and_an_alert_still_prints_its_charts_whole(tmp_path):
    from test_alerts import DAY, DEGRADE, DEGRADING, sample
    snapshot = sample(tmp_path / "snapshot", *DEGRADING, *DEGRADE)
    common = ["--snapshot", snapshot, "--store", tmp_path / "history.sqlite", "--account", "acme"]
    assert run_report(*common, "--out", tmp_path / "weeks", "--to", "2025-11-03", "--format", "csv").returncode == 0
    out = tmp_path / "day"
    result = run_report(*common, "--out", out, "--from", DAY, "--to", DAY, "--format", "xlsx")
    assert result.returncode == 0, result.stderr
    workbook, pdf, pages, by_sheet = printed_report(out / "report.xlsx", tmp_path)
    summary = by_sheet["summary"]
    first = pages[summary[0]]
    assert "ALERTS: 1" in first and "NCELL delivery rate" in first
    assert "previous day" in first and "same day last week" in first
    chart_pages = {
        assert_chart_on_one_page(pages, "Deliveries by day"),
        assert_chart_on_one_page(pages, "Delivery rate by operator", ["NTC", "NCELL"]),
        assert_chart_on_one_page(pages, "Latency (delivered_at"),
    }
    assert chart_pages <= set(summary)
    assert palette_pages(pdf, tmp_path) == chart_pages
    assert by_sheet["alerts"] and "NCELL" in pages[by_sheet["alerts"][0]]
