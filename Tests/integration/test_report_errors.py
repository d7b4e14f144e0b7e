"""Bad input gives a one-line error, the contract's exit code, and no report files (§6)."""
import json

from conftest import run_report


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
