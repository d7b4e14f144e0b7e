"""fetch against a hostile or broken gateway (issue 11): the project's API simulator on
127.0.0.1 in its fault modes, then report. No input may crash, hang or abandon a run."""
import json
import math
import os
import re
import subprocess
import time

import openpyxl
import pytest

from conftest import BINARY, assert_deliveries_match_truth, read_csv, run_command

TOKEN = "sim-token-hostile-5d1e"
FAST_RETRIES = ["--retry-delay-ms", "1", "--retries", "1"]


def fetch(sim, out, *extra, base_url=None, limit=60):
    """Runs `sms-report fetch`, killed after `limit` seconds so a hang fails the test."""
    env = dict(os.environ, SMS_REPORT_TOKEN=TOKEN, SOURCE_DATE_EPOCH="1762300800")
    args = ["fetch", "--base-url", base_url or sim.base_url, "--out", out, *extra]
    return subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=env, timeout=limit)


def report(snapshot, out, *extra):
    return run_command("report", "--snapshot", snapshot, "--out", out, *extra)


def manifest_of(snapshot):
    return json.loads((snapshot / "manifest.json").read_text())


def page_count(truth_rows, page_size):
    """The pages that the world's messages fill: one row per distinct sent_at."""
    return math.ceil(len({row["sent_at"] for row in truth_rows}) / page_size)


def summary_of(out):
    return {row["metric"]: row["value"] for row in read_csv(out / "summary.csv")}


def test_long_and_dot_batch_ids_are_fetched_under_safe_names(simulator, tmp_path):
    sim = simulator("--deliveries", "300", "--days", "3", "--seed", "4", "--page-size", "25", "--clean",
                    "--odd-batch-ids", token=TOKEN)
    result = fetch(sim, tmp_path / "snap")
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "snap" / "sms-report-batch").iterdir())
    assert {"%2E%2E.json", "%2E.json", "%2Ehidden.json"} <= set(names)
    assert all(len(name.encode()) <= 255 and not name.startswith(".") for name in names)
    long_names = [name for name in names if "~" in name]
    assert len(long_names) == 1 and len(long_names[0].encode()) <= 202
    batches = manifest_of(tmp_path / "snap")["batches"]
    long_id = batches[long_names[0]]
    assert len(long_id) == 120 and all("\u0900" <= char <= "\u097f" for char in long_id)
    assert batches["%2E%2E.json"] == ".." and batches["%2E.json"] == "." and batches["%2Ehidden.json"] == ".hidden"
    targets = sim.stats()["batch_report_targets"]
    assert "/api/sms-report/%2E%2E/" in targets and "/api/sms-report/%2E/" in targets
    assert not any(target.endswith(("/../", "/./")) for target in targets), "a dot segment reached the server"
    reported = report(tmp_path / "snap", tmp_path / "out")
    assert reported.returncode == 0, reported.stderr
    produced = assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth())
    assert {row["batch_id"] for row in produced.values()} >= {"..", ".", ".hidden", long_id}


def test_a_trickled_body_is_cut_by_the_request_timeout(simulator, tmp_path):
    sim = simulator("--deliveries", "60", "--days", "2", "--page-size", "10", "--clean",
                    "--trickle-ms", "300", "--trickle-path", "page=2", token=TOKEN)
    started = time.monotonic()
    result = fetch(sim, tmp_path / "snap", "--request-timeout", "1", *FAST_RETRIES, limit=30)
    assert time.monotonic() - started < 15
    assert result.returncode == 3, result.stderr
    reasons = manifest_of(tmp_path / "snap")["reasons"]
    assert reasons == ["page 2: timed out after 2 attempts"]
    assert sim.stats()["trickled"] == 2
    reported = report(tmp_path / "snap", tmp_path / "out")
    assert reported.returncode == 3 and "INCOMPLETE" in reported.stderr
    assert summary_of(tmp_path / "out")["complete"] == "false"


def test_the_whole_fetch_ends_at_its_time_limit(simulator, tmp_path):
    sim = simulator("--deliveries", "60", "--days", "2", "--page-size", "10", "--clean",
                    "--trickle-ms", "200", "--trickle-path", "page=2", "--trickle-path", "page=3", token=TOKEN)
    started = time.monotonic()
    result = fetch(sim, tmp_path / "snap", "--timeout", "2", "--request-timeout", "60", limit=30)
    assert time.monotonic() - started < 10
    assert result.returncode == 3, result.stderr
    assert "time limit" in result.stderr
    manifest = manifest_of(tmp_path / "snap")
    assert manifest["complete"] is False
    assert any(reason.startswith("the fetch's time limit (2.0 seconds) ran out") for reason in manifest["reasons"])
    reported = report(tmp_path / "snap", tmp_path / "out")
    assert reported.returncode == 3, reported.stderr
    assert int(summary_of(tmp_path / "out")["deliveries"]) > 0, "page 1 is reported"


def test_next_links_under_a_base_path_carry_the_prefix_once(simulator, tmp_path):
    sim = simulator("--deliveries", "200", "--days", "2", "--seed", "5", "--page-size", "20", "--clean",
                    "--shift-pages", "2", "--shift-size", "15", "--base-path", "/gateway", token=TOKEN)
    planned = page_count(sim.truth(), 20)
    result = fetch(sim, tmp_path / "snap", "--concurrency", "1", base_url=sim.base_url + "/gateway")
    assert result.returncode == 0, result.stderr
    manifest = manifest_of(tmp_path / "snap")
    assert manifest["complete"] is True
    assert max(sim.stats()["pages"]) > planned, "count grew, so next links were followed past the planned pages"
    assert report(tmp_path / "snap", tmp_path / "out").returncode == 0
    assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth(), exact=False)


def test_an_undocumented_404_on_batch_ids_still_gives_a_report(simulator, tmp_path):
    sim = simulator("--deliveries", "100", "--days", "2", "--clean", "--batch-ids-undocumented-404", token=TOKEN)
    result = fetch(sim, tmp_path / "snap")
    assert result.returncode == 3, result.stderr
    assert not (tmp_path / "snap" / "batch-ids.json").exists()
    manifest = manifest_of(tmp_path / "snap")
    assert manifest["reasons"] == ["batch ids: HTTP 404 with a body that is not the documented JSON"]
    reported = report(tmp_path / "snap", tmp_path / "out")
    assert reported.returncode == 3, reported.stderr
    assert "INCOMPLETE" in reported.stderr and "batch ids" in reported.stderr
    assert summary_of(tmp_path / "out")["complete"] == "false"
    assert len(read_csv(tmp_path / "out" / "deliveries.csv")) == len(sim.truth())


@pytest.mark.parametrize("count", ["1000000000000000000", "9223372036854775807", "-5", "1e30"])
def test_an_absurd_count_is_an_incomplete_fetch_that_still_reads_every_page(simulator, tmp_path, count):
    sim = simulator("--deliveries", "120", "--days", "2", "--page-size", "20", "--clean", "--count", count,
                    token=TOKEN)
    result = fetch(sim, tmp_path / "snap", limit=30)
    assert result.returncode == 3, result.stderr
    manifest = manifest_of(tmp_path / "snap")
    assert any(reason.startswith(f"page 1: count {count} is not a whole number") for reason in manifest["reasons"])
    pages = page_count(sim.truth(), 20)
    assert len(list((tmp_path / "snap" / "sms-report").iterdir())) == pages
    assert sim.stats()["pages"] == list(range(1, pages + 1)), "one page at a time, along next"
    if count != "1e30":  # the report's reading of a count that is not an integer is checked elsewhere
        reported = report(tmp_path / "snap", tmp_path / "out")
        assert reported.returncode == 3, reported.stderr
        assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth())


def test_control_characters_in_texts_reach_the_workbook(simulator, tmp_path):
    sim = simulator("--deliveries", "150", "--days", "2", "--seed", "8", "--clean", "--control-characters",
                    token=TOKEN)
    result = fetch(sim, tmp_path / "snap")
    assert result.returncode == 0, result.stderr
    reported = report(tmp_path / "snap", tmp_path / "out", "--format", "xlsx,csv")
    assert reported.returncode == 0, reported.stderr
    produced = assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth())
    assert any("\u0001\u000b\u001f" in key[2] for key in produced)
    workbook = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx")
    sheet = workbook["deliveries"]
    header = [cell.value for cell in sheet[1]]
    texts = {unescape(row[header.index("message")].value) for row in sheet.iter_rows(min_row=2)}
    names = {unescape(row[header.index("recipient_name")].value or "") for row in sheet.iter_rows(min_row=2)}
    assert texts == {key[2] for key in produced}
    assert "Ram\u0001\u000b\u001fThapa" in names


def unescape(value):
    """A cell's text as Excel reads it: `_xHHHH_` is U+HHHH (OOXML ST_Xstring)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match.group(1), 16)), value)


@pytest.mark.parametrize("option, value", [
    ("--concurrency", "0"), ("--concurrency", "100000"), ("--timeout", "0"), ("--timeout", "99999999999"),
    ("--request-timeout", "9223372036854775807"), ("--retries", "-1"), ("--retry-delay-ms", "9223372036854775807"),
    ("--recheck-hours", "9223372036854775807"), ("--timeout", "99999999999999999999999"),
])
def test_fetch_options_out_of_range_are_usage_errors(tmp_path, option, value):
    result = fetch(None, tmp_path / "snap", option, value, base_url="http://127.0.0.1:9", limit=30)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and option in result.stderr
    assert "Fatal error" not in result.stderr
    assert not (tmp_path / "snap").exists()
