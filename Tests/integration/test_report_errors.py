"""Bad input gives a one-line error, the contract's exit code, and no report files (§6)."""
import json

import pytest

from conftest import ROOT, run_command, run_report


def test_malformed_json_names_the_file_and_writes_nothing(api_doc_copy, tmp_path):
    page = api_doc_copy / "sms-report" / "page-000001.json"
    page.write_text(page.read_text()[:-40])
    out = tmp_path / "out"
    result = run_report("--snapshot", api_doc_copy, "--out", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "sms-report/page-000001.json" in lines[0] and "not valid JSON" in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_row_without_sent_at_names_row_and_field(api_doc_copy, tmp_path):
    batch = api_doc_copy / "sms-report-batch" / "881127472383-4566.json"
    rows = json.loads(batch.read_text())
    del rows[3]["sent_at"]
    batch.write_text(json.dumps(rows))
    out = tmp_path / "out"
    result = run_report("--snapshot", api_doc_copy, "--out", out)
    assert result.returncode == 2
    assert result.stderr.strip() == \
        "error: sms-report-batch/881127472383-4566.json: [3].sent_at: missing required field"
    assert not out.exists() or not any(out.iterdir())


def test_row_without_recipients_names_row_and_field(api_doc_copy, tmp_path):
    page = api_doc_copy / "sms-report" / "page-000001.json"
    body = json.loads(page.read_text())
    del body["results"][1]["recipients"]
    page.write_text(json.dumps(body))
    result = run_report("--snapshot", api_doc_copy, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "results[1].recipients: missing required field" in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path):
    result = run_report("--snapshot", tmp_path, "--out", tmp_path / "out", "--bogus")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--bogus" in result.stderr


def test_missing_snapshot_folder(tmp_path):
    result = run_report("--snapshot", tmp_path / "absent", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: snapshot folder not found: {tmp_path / 'absent'}"


def test_bad_day_and_timezone_are_usage_errors(tmp_path):
    assert run_report("--snapshot", tmp_path, "--out", tmp_path / "o", "--from", "2025-13-01").returncode == 2
    result = run_report("--snapshot", tmp_path, "--out", tmp_path / "o", "--timezone", "Mars/Olympus")
    assert result.returncode == 2 and "Mars/Olympus" in result.stderr


def test_no_swift_stack_trace_on_error(api_doc_copy, tmp_path):
    (api_doc_copy / "manifest.json").write_text("{\"complete\": \"yes\"}")
    result = run_report("--snapshot", api_doc_copy, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "manifest.json" in result.stderr
    assert "Fatal error" not in result.stderr and "Stack" not in result.stderr


# Issue 11.4: no number from a snapshot, an option or the environment may trap; a
# value out of range is one line on stderr, exit 2, and no report.

def assert_one_line_usage_error(result, *fragments):
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.mark.parametrize("epoch", ["99999999999999999999", "9223372036854775807", "-5", "abc", "253402300800"])
def test_source_date_epoch_out_of_range_is_a_usage_error(tmp_path, epoch):
    out = tmp_path / "out"
    result = run_report("--snapshot", ROOT / "samples" / "api-doc", "--out", out,
                        env_extra={"SOURCE_DATE_EPOCH": epoch})
    assert_one_line_usage_error(result, "SOURCE_DATE_EPOCH", "0 to 253402300799", epoch)
    assert not out.exists()
    billing = run_command("billing", "--snapshot", ROOT / "samples" / "api-doc", "--month", "2025-11",
                          "--rate-card", ROOT / "samples" / "rate-card.yaml", "--out", out,
                          env_extra={"SOURCE_DATE_EPOCH": epoch})
    assert_one_line_usage_error(billing, "SOURCE_DATE_EPOCH")


@pytest.mark.parametrize("day", ["99999-01-01", "-001-01-01", "2025-02-30", "0000-00-00"])
def test_a_day_out_of_range_is_a_usage_error(tmp_path, day):
    result = run_report("--snapshot", ROOT / "samples" / "api-doc", "--out", tmp_path / "out", f"--from={day}")
    assert_one_line_usage_error(result, "--from", day)


def test_the_widest_period_reports_without_trapping(tmp_path):
    out = tmp_path / "out"
    result = run_report("--snapshot", ROOT / "samples" / "api-doc", "--out", out, "--format", "csv",
                        "--from", "0000-01-01", "--to", "9999-12-31", "--timezone", "Pacific/Kiritimati")
    assert result.returncode == 0, result.stderr
    summary = dict(line.split(",", 1) for line in (out / "summary.csv").read_text().splitlines()[1:])
    assert summary["period_from"] == "0000-01-01" and summary["period_to"] == "9999-12-31"


@pytest.mark.parametrize("option, value", [("--retries", "101"), ("--retries", "-1"),
                                           ("--retry-delay-ms", "9223372036854775807")])
def test_billing_retry_options_out_of_range_are_usage_errors(tmp_path, option, value):
    result = run_command("billing", "--snapshot", ROOT / "samples" / "api-doc", "--month", "2025-11",
                         "--rate-card", ROOT / "samples" / "rate-card.yaml", "--out", tmp_path / "out", f"{option}={value}")
    assert_one_line_usage_error(result, option, value)


def edit_page(snapshot, edit):
    page = snapshot / "sms-report" / "page-000001.json"
    body = json.loads(page.read_text())
    edit(body)
    page.write_text(json.dumps(body))


@pytest.mark.parametrize("count", [-1, -9223372036854775808, 99999999999999999999])
def test_a_page_count_out_of_range_gives_an_incomplete_report_naming_it(api_doc_copy, tmp_path, count):
    # The count comes from the API: the report is still written, says INCOMPLETE with
    # the reason, and exits 3 (contract §1), instead of stopping with no report.
    edit_page(api_doc_copy, lambda body: body.update(count=count))
    out = tmp_path / "out"
    result = run_report("--snapshot", api_doc_copy, "--out", out, "--format", "csv")
    assert result.returncode == 3, result.stderr
    assert f"sms-report/page-000001.json: count {count} is not a whole number" in result.stderr
    summary = dict(row.split(",", 1) for row in (out / "summary.csv").read_text().splitlines()[1:])
    assert summary["complete"] == "false"
    assert summary["deliveries"] != "0"


@pytest.mark.parametrize("sent_at", ["0000-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
def test_a_timestamp_out_of_range_is_named(api_doc_copy, tmp_path, sent_at):
    edit_page(api_doc_copy, lambda body: body["results"][2].update(sent_at=sent_at))
    result = run_report("--snapshot", api_doc_copy, "--out", tmp_path / "out")
    assert_one_line_usage_error(result, "results[2].sent_at", "out of range", sent_at)


def test_the_edges_of_the_timestamp_range_report(api_doc_copy, tmp_path):
    def edit(body):
        body["results"][0].update(sent_at="9999-12-31T23:59:59.999999+14:00", delivered_at=None)
        body["results"][1].update(sent_at="0001-01-01T00:00:00-12:00", delivered_at="9999-12-31T23:59:59Z")
    edit_page(api_doc_copy, edit)
    out = tmp_path / "out"
    result = run_report("--snapshot", api_doc_copy, "--out", out)
    assert result.returncode == 0, result.stderr
    assert (out / "report.xlsx").exists() and (out / "report.html").exists()


@pytest.mark.parametrize("page_size", [-1, 10**12, "1e30"])
def test_a_manifest_page_size_out_of_range_is_named(api_doc_copy, tmp_path, page_size):
    manifest = api_doc_copy / "manifest.json"
    text = manifest.read_text()
    body = json.loads(text)
    body["page_size"] = 0
    manifest.write_text(json.dumps(body).replace('"page_size": 0', f'"page_size": {page_size}'))
    result = run_report("--snapshot", api_doc_copy, "--out", tmp_path / "out")
    assert_one_line_usage_error(result, "manifest.json", "page_size")


def test_a_rate_card_period_of_too_many_months_is_a_usage_error(tmp_path):
    result = run_report("--snapshot", ROOT / "samples" / "api-doc", "--out", tmp_path / "out",
                        "--from", "0000-01-01", "--to", "9999-12-31", "--rate-card", ROOT / "samples" / "rate-card.yaml")
    assert_one_line_usage_error(result, "--rate-card", "120000 months", "at most 600")
