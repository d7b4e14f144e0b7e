"""The XLSX workbook, read back with openpyxl and checked cell by cell against the
CSV files written in the same run (contract §4, §5)."""
import csv
import json
import os
import re
import subprocess
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from conftest import BINARY, ROOT, run_report, unguard

TABLES = ["summary", "by_batch", "by_operator", "by_prefix", "by_day", "by_status", "cube",
          "latency_histogram", "metrics", "data_quality", "deliveries"]
TIMESTAMPS = {"first_sent_at", "last_sent_at", "sent_at", "delivered_at", "generated_at", "data_as_of"}
DAYS = {"day", "period_from", "period_to"}
RATES = {"delivery_rate", "share"}
TEXTS = {"batch_id", "phone", "operator", "prefix", "status", "status_raw", "message", "recipient_name",
         "encoding", "raw_values", "bucket", "key", "metric", "check", "example", "timezone"}
NUMBER_FORMATS = {"timestamp": "yyyy-mm-dd hh:mm:ss.000", "day": "yyyy-mm-dd", "rate": "0.00%",
                  "seconds": "0.000", "integer": "#,##0"}
# Excel's most characters in a cell; longer text is cut (and counted in truncated_text).
CELL_LIMIT = 32_767
# openpyxl reads date-times to the millisecond.
CLOCK_TOLERANCE = timedelta(microseconds=501)
GENERATED_AT = datetime(2025, 11, 5, 0, 0)  # SOURCE_DATE_EPOCH=1762300800, as run_report sets


def kind_of(name):
    """The kind of value a column (or a summary metric) holds, by contract §4."""
    if name in TIMESTAMPS:
        return "timestamp"
    if name in DAYS:
        return "day"
    if name in RATES:
        return "rate"
    if name.endswith("_s"):
        return "seconds"
    if name in TEXTS:
        return "text"
    if name == "complete":
        return "boolean"
    if name == "value":
        return "number"
    return "integer"


def excel_text(value):
    """A cell's text as Excel reads it: `_xHHHH_` is the character U+HHHH (OOXML
    ST_Xstring), the escape that carries control characters such as CR. openpyxl
    leaves it undecoded in inline strings."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match.group(1), 16)), value)


def csv_rows(path):
    """Header and rows of a CSV, as lists of strings."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def sheet_rows(workbook, table):
    """Header and data rows of a table's sheets (`table`, `table (2)`, …), as cells."""
    names = [table] + [f"{table} ({n})" for n in range(2, 100) if f"{table} ({n})" in workbook.sheetnames]
    header, rows = None, []
    for name in names:
        sheet_cells = list(workbook[name].iter_rows())
        header = [cell.value for cell in sheet_cells[0]]
        rows += sheet_cells[1:]
    return header, rows


def assert_cell_matches(cell, text, kind, where):
    """One workbook cell against the CSV's text for it."""
    value = cell.value
    if text == "":
        assert value is None, where
        return
    if kind == "text":
        assert isinstance(value, str) and cell.data_type == "s", where
        assert excel_text(value) == unguard(text)[:CELL_LIMIT], where
    elif kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool) and value == int(text), where
    elif kind in ("rate", "seconds"):
        assert isinstance(value, (int, float)) and value == float(text), where
    elif kind == "number":
        try:
            expected = float(text)
        except ValueError:
            assert excel_text(value) == unguard(text), where
        else:
            assert isinstance(value, (int, float)) and value == expected, where
    elif kind == "timestamp":
        local = datetime.fromisoformat(text).replace(tzinfo=None)
        assert isinstance(value, datetime) and abs(value - local) <= CLOCK_TOLERANCE, where
    elif kind == "day":
        assert isinstance(value, datetime) and value == datetime.fromisoformat(text), where
    elif kind == "boolean":
        assert value is (text == "true"), where
    if kind in NUMBER_FORMATS:
        assert cell.number_format == NUMBER_FORMATS[kind], where


def assert_workbook_matches_csv(out):
    workbook = openpyxl.load_workbook(out / "report.xlsx")
    assert workbook.sheetnames[:len(TABLES)] == TABLES
    for table in TABLES:
        csv_header, expected = csv_rows(out / f"{table}.csv")
        header, rows = sheet_rows(workbook, table)
        assert header == csv_header, table
        assert len(rows) == len(expected), table
        for index, (cells, texts) in enumerate(zip(rows, expected)):
            assert len(cells) <= len(texts), (table, index)
            cells = list(cells) + [None] * (len(texts) - len(cells))
            for column, (cell, text) in enumerate(zip(cells, texts)):
                name = header[column]
                if table == "summary" and name == "value":
                    name = texts[0]
                if cell is None:
                    assert text == "", (table, index, name)
                else:
                    assert_cell_matches(cell, text, kind_of(name), (table, index, name, text))
    return workbook


def report(tmp_path, snapshot, *extra):
    out = tmp_path / "out"
    result = run_report("--snapshot", snapshot, "--out", out, "--format", "csv,xlsx", *extra)
    assert result.returncode == 0, result.stderr
    return out


def generated_snapshot(tmp_path):
    """2,000 deliveries over 10 days from sms-sample: Nepali text, formula-like messages."""
    folder = tmp_path / "generated"
    subprocess.run([str(Path(BINARY).parent / "sms-sample"), "--out", folder, "--deliveries", "2000", "--days", "10"],
                   check=True, capture_output=True)
    return folder


@pytest.mark.parametrize("sample", ["api-doc", "rich"])
def test_every_cell_equals_the_csv_of_the_same_run(tmp_path, sample):
    assert_workbook_matches_csv(report(tmp_path, ROOT / "samples" / sample))


def test_generated_snapshot_keeps_nepali_and_formula_like_text_as_strings(tmp_path):
    out = report(tmp_path, generated_snapshot(tmp_path))
    workbook = assert_workbook_matches_csv(out)
    messages = [row[10] for row in workbook["deliveries"].iter_rows(min_row=2)]
    formula_like = [cell for cell in messages if cell.value and cell.value[0] in "=+-@"]
    assert {cell.value for cell in formula_like} >= {"=SUM(A1:A9)"}
    assert all(cell.data_type == "s" for cell in formula_like)
    assert any("\u0900" <= char <= "\u097f" for cell in messages for char in (cell.value or ""))
    with zipfile.ZipFile(out / "report.xlsx") as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name), f"{name} holds a formula"


def test_text_reads_back_exactly_whatever_it_holds(tmp_path, api_doc_copy):
    page = api_doc_copy / "sms-report" / "page-000001.json"
    body = json.loads(page.read_text())
    texts = ["=HYPERLINK(\"http://x\",\"click\")", "line\r\nbreak", "literal _x0041_ escape", "bell \u0007", "a" * 40_000]
    for row, text in zip(body["results"], texts):
        row["message"] = text
    page.write_text(json.dumps(body))
    out = report(tmp_path, api_doc_copy)
    workbook = assert_workbook_matches_csv(out)
    messages = {excel_text(row[10].value) for row in workbook["deliveries"].iter_rows(min_row=2)}
    assert set(texts[:4]) <= messages
    assert "a" * CELL_LIMIT in messages
    quality = {row[0].value: row[1].value for row in workbook["data_quality"].iter_rows(min_row=2)}
    assert quality["truncated_text"] >= 1


def test_every_sheet_has_a_styled_frozen_filtered_header_and_fitted_widths(tmp_path):
    workbook = openpyxl.load_workbook(report(tmp_path, ROOT / "samples" / "rich") / "report.xlsx")
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        last = get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
        for cell in sheet[1]:
            assert cell.font.b, (sheet.title, cell.coordinate)
            assert cell.fill.fill_type == "solid", (sheet.title, cell.coordinate)
        for column in range(1, sheet.max_column + 1):
            width = sheet.column_dimensions[get_column_letter(column)].width
            assert 5 <= width <= 65, (sheet.title, column, width)
    assert workbook["deliveries"].column_dimensions["K"].width > workbook["deliveries"].column_dimensions["H"].width


def test_summary_sheet_carries_the_three_charts(tmp_path):
    workbook = openpyxl.load_workbook(report(tmp_path, ROOT / "samples" / "rich") / "report.xlsx")
    charts = workbook["summary"]._charts
    assert len(charts) == 3
    by_day, by_operator, histogram = charts
    assert by_day.grouping == "stacked"
    assert [series.val.numRef.f.split("!")[0] for series in by_day.series] == ["by_day"] * 8
    assert by_operator.series[0].val.numRef.f.startswith("by_operator!$K$2")
    assert histogram.series[0].val.numRef.f == "latency_histogram!$B$2:$B$12"
    assert all(not sheet._charts for sheet in workbook.worksheets[1:])


def test_document_properties_name_the_period_and_snapshot(tmp_path):
    workbook = openpyxl.load_workbook(report(tmp_path, ROOT / "samples" / "rich") / "report.xlsx")
    properties = workbook.properties
    assert properties.creator == "sms-report"
    assert properties.created == GENERATED_AT
    assert "2025-10-29 to 2025-11-04" in properties.title
    assert "2025-10-29 to 2025-11-04" in properties.description
    assert "snapshot rich" in properties.description
    assert "Asia/Kathmandu" in properties.subject


def test_incomplete_data_is_flagged_in_red(tmp_path, api_doc_copy):
    manifest_path = api_doc_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest.update(complete=False, reasons=["page 3 failed after 5 attempts"])
    manifest_path.write_text(json.dumps(manifest))
    out = tmp_path / "out"
    assert run_report("--snapshot", api_doc_copy, "--out", out, "--format", "xlsx").returncode == 3
    workbook = openpyxl.load_workbook(out / "report.xlsx")
    summary = workbook["summary"]
    complete = next(row[1] for row in summary.iter_rows(min_row=2) if row[0].value == "complete")
    assert complete.value is False
    assert complete.font.b and complete.font.color.rgb.endswith("9C0006")
    assert summary.sheet_properties.tabColor.rgb.endswith("C00000")
    assert all("INCOMPLETE" in chart.title.tx.rich.p[0].r[0].t for chart in summary._charts)
    assert "INCOMPLETE" in workbook.properties.subject


def test_same_snapshot_gives_a_byte_identical_workbook(tmp_path):
    first = report(tmp_path / "a", ROOT / "samples" / "rich")
    second = report(tmp_path / "b", ROOT / "samples" / "rich")
    assert (first / "report.xlsx").read_bytes() == (second / "report.xlsx").read_bytes()


def test_csv_only_builds_no_workbook(tmp_path):
    out = tmp_path / "out"
    assert run_report("--snapshot", ROOT / "samples" / "rich", "--out", out, "--format", "csv").returncode == 0
    assert not (out / "report.xlsx").exists()
    assert (out / "deliveries.csv").exists()


def test_a_workbook_that_cannot_be_put_in_place_fails_cleanly(tmp_path):
    out = tmp_path / "out"
    (out / "report.xlsx" / "occupied").mkdir(parents=True)
    result = run_report("--snapshot", ROOT / "samples" / "rich", "--out", out, "--format", "xlsx")
    assert result.returncode == 1
    assert f"cannot write {out / 'report.xlsx'}" in result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["report.xlsx"]
    assert (out / "report.xlsx").is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_an_unwritable_output_folder_fails_cleanly(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run_report("--snapshot", ROOT / "samples" / "rich", "--out", out, "--format", "xlsx")
    finally:
        out.chmod(0o755)
    assert result.returncode == 1
    assert f"cannot write {out / 'report.xlsx'}" in result.stderr
    assert list(out.iterdir()) == []


# Characters that XML 1.0 does not allow (C0 controls, U+FFFE, U+FFFF) and the ones it does (tab).
HOSTILE = "\u0001\u000b\u001f\ufffe\uffff\t"


def test_control_characters_from_the_server_leave_every_xml_part_well_formed(tmp_path, api_doc_copy):
    """Issue 11.6: server text in document properties, cells and batch ids never makes
    the workbook invalid XML. Properties get U+FFFD for what XML forbids; cells keep
    the text exactly (control characters as `_xHHHH_`, which Excel reads back)."""
    import xml.etree.ElementTree as ElementTree

    reason = f"page 2 failed: bad{HOSTILE}gateway"
    batch_id = f"camp{HOSTILE}aign"
    message = f"hello{HOSTILE}world"
    name = f"Ram{HOSTILE}"
    manifest_path = api_doc_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest.update(complete=False, reasons=[reason])
    manifest["batches"] = {file: batch_id for file in manifest["batches"]}
    manifest_path.write_text(json.dumps(manifest))
    page = api_doc_copy / "sms-report" / "page-000001.json"
    body = json.loads(page.read_text())
    body["results"][0]["message"] = message
    body["results"][0]["recipients"][0]["client_name"] = name
    page.write_text(json.dumps(body))

    out = tmp_path / "out"
    result = run_report("--snapshot", api_doc_copy, "--out", out, "--format", "xlsx,csv")
    assert result.returncode == 3, result.stderr
    with zipfile.ZipFile(out / "report.xlsx") as archive:
        for part in archive.namelist():
            if part.endswith(".xml") or part.endswith(".rels"):
                ElementTree.fromstring(archive.read(part))  # raises on invalid XML
        core = archive.read("docProps/core.xml").decode()
    assert "bad\ufffd\ufffd\ufffd\ufffd\ufffd\tgateway" in core

    workbook = openpyxl.load_workbook(out / "report.xlsx")
    assert "gateway" in workbook.properties.description
    messages = {excel_text(row[10].value or "") for row in workbook["deliveries"].iter_rows(min_row=2)}
    names = {excel_text(row[11].value or "") for row in workbook["deliveries"].iter_rows(min_row=2)}
    batches = {excel_text(row[0].value or "") for row in workbook["by_batch"].iter_rows(min_row=2)}
    assert message in messages
    assert name in names
    assert batch_id in batches


def test_every_sheet_prints_on_a4_one_page_wide_with_its_header_on_each_page(tmp_path):
    workbook = openpyxl.load_workbook(report(tmp_path, ROOT / "samples" / "rich") / "report.xlsx")
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9, sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        # fitToWidth is left out when it is OOXML's default, 1; fitToHeight 0 is "as many as needed".
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.print_title_rows.replace("$", "") == "1:1", sheet.title
        assert sheet.oddFooter.left.text == "&A" and sheet.oddFooter.right.text == "Page &P of &N", sheet.title
    # Wider than portrait A4's printable width (697 px at 7 px a character + 5): landscape.
    orientations = {sheet.title: sheet.page_setup.orientation for sheet in workbook.worksheets}
    assert orientations["deliveries"] == orientations["by_day"] == orientations["summary"] == "landscape"
    assert orientations["by_status"] == orientations["latency_histogram"] == orientations["data_quality"] == "portrait"
