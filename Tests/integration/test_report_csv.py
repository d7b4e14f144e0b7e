"""The CSV reports, read back with Python's csv module and checked against what
the snapshot holds (contract §3–§5)."""
import filecmp
import json

from conftest import ROOT, assert_deliveries_match_truth, read_csv, run_report, unguard

GROUP = ["deliveries", "delivered", "sent", "pending", "undeliverable", "failed", "rejected",
         "expired", "unknown", "delivery_rate", "latency_count", "latency_mean_s", "latency_p50_s",
         "latency_p90_s", "latency_p95_s", "latency_p99_s", "latency_max_s"]
HEADERS = {
    "summary": ["metric", "value"],
    "by_batch": ["batch_id", "first_sent_at", "last_sent_at", *GROUP],
    "by_operator": ["operator", *GROUP],
    "by_prefix": ["prefix", "operator", *GROUP],
    "by_day": ["day", *GROUP],
    "by_status": ["status", "raw_values", "deliveries", "share"],
    "cube": ["day", "batch_id", "operator", "prefix", "status", "deliveries", "latency_count",
             "latency_mean_s", "latency_p50_s", "latency_p90_s", "latency_p95_s", "latency_p99_s",
             "latency_max_s"],
    "latency_histogram": ["bucket", "deliveries"],
    "metrics": ["key", "metric", "operator", "day", "value"],
    "data_quality": ["check", "count", "example"],
    "deliveries": ["day", "sent_at", "delivered_at", "latency_s", "batch_id", "phone", "operator",
                   "prefix", "status", "status_raw", "message", "recipient_name", "encoding", "segments"],
    # The samples carry a metrics snapshot, so the report reconciles it (contract §10).
    "reconciliation": ["day", "operator", "enqueued", "deliveries", "difference"],
}


def record_terminators(raw):
    """The distinct line endings that end CSV records (outside quoted fields)."""
    endings, quoted, index = set(), False, 0
    while index < len(raw):
        char = raw[index]
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            ending = raw[index:index + 2] if raw[index:index + 2] == "\r\n" else char
            endings.add(ending)
            index += len(ending)
            continue
        index += 1
    return endings


def report(tmp_path, sample="rich", *extra):
    out = tmp_path / "out"
    result = run_report("--snapshot", ROOT / "samples" / sample, "--out", out, *extra)
    assert result.returncode == 0, result.stderr
    return out


def test_every_table_has_the_contract_header(tmp_path):
    out = report(tmp_path)
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted(HEADERS)
    for name, header in HEADERS.items():
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as handle:
            raw = handle.read()
        assert record_terminators(raw) == {"\n"}, name
        assert raw.split("\n", 1)[0] == ",".join(header)


def test_groups_add_up_to_the_deliveries(tmp_path):
    out = report(tmp_path)
    deliveries = read_csv(out / "deliveries.csv")
    summary = {row["metric"]: row["value"] for row in read_csv(out / "summary.csv")}
    assert int(summary["deliveries"]) == len(deliveries)
    for table, key in [("by_operator", "operator"), ("by_day", "day"), ("by_batch", "batch_id"),
                       ("by_prefix", "prefix")]:
        rows = read_csv(out / f"{table}.csv")
        expected = {}
        for delivery in deliveries:
            expected[delivery[key]] = expected.get(delivery[key], 0) + 1
        assert {row[key]: int(row["deliveries"]) for row in rows} == expected, table
    delivered = sum(1 for d in deliveries if d["status"] == "delivered")
    assert summary["delivery_rate"] == f"{delivered / len(deliveries):.6f}"
    histogram = read_csv(out / "latency_histogram.csv")
    assert [row["bucket"] for row in histogram] == ["<1s", "1-5s", "5-30s", "30s-1m", "1-5m", "5-30m",
                                                    "30m-1h", "1-6h", "6-24h", ">=24h", "not_delivered"]
    negative = sum(1 for d in deliveries if d["latency_s"].startswith("-"))
    assert sum(int(row["deliveries"]) for row in histogram) == len(deliveries) - negative
    assert sum(1 for d in deliveries if not d["delivered_at"]) == int(histogram[-1]["deliveries"])


def test_deliveries_match_the_generators_ground_truth(tmp_path):
    out = report(tmp_path)
    assert_deliveries_match_truth(out / "deliveries.csv", read_csv(ROOT / "samples" / "rich-truth.csv"))


def test_formula_guard_and_raw_mode(tmp_path, api_doc_copy):
    page = api_doc_copy / "sms-report" / "page-000001.json"
    body = json.loads(page.read_text())
    body["results"][0]["message"] = "=HYPERLINK(\"http://x\",\"click\")"
    page.write_text(json.dumps(body))
    guarded = tmp_path / "guarded"
    raw = tmp_path / "raw"
    assert run_report("--snapshot", api_doc_copy, "--out", guarded).returncode == 0
    assert run_report("--snapshot", api_doc_copy, "--out", raw, "--csv-raw").returncode == 0
    guarded_messages = {row["message"] for row in read_csv(guarded / "deliveries.csv")}
    raw_messages = {row["message"] for row in read_csv(raw / "deliveries.csv")}
    assert "'=HYPERLINK(\"http://x\",\"click\")" in guarded_messages
    assert "=HYPERLINK(\"http://x\",\"click\")" in raw_messages


def test_same_snapshot_gives_byte_identical_files(tmp_path):
    first = report(tmp_path / "a")
    second = report(tmp_path / "b")
    names = sorted(p.name for p in first.glob("*.csv"))
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == len(HEADERS)


def test_period_and_batch_filters(tmp_path):
    whole = report(tmp_path / "whole")
    days = sorted({row["day"] for row in read_csv(whole / "deliveries.csv")})
    assert len(days) >= 3
    out = report(tmp_path / "part", "rich", "--from", days[1], "--to", days[2])
    rows = read_csv(out / "deliveries.csv")
    assert rows and {row["day"] for row in rows} == {days[1], days[2]}
    summary = {row["metric"]: row["value"] for row in read_csv(out / "summary.csv")}
    assert (summary["period_from"], summary["period_to"]) == (days[1], days[2])

    batch = next(row["batch_id"] for row in read_csv(whole / "by_batch.csv") if row["batch_id"] != "(no batch)")
    only = report(tmp_path / "batch", "rich", "--batch", unguard(batch))
    assert {row["batch_id"] for row in read_csv(only / "deliveries.csv")} == {batch}


def test_incomplete_snapshot_exits_3_and_says_so(tmp_path, api_doc_copy):
    manifest = json.loads((api_doc_copy / "manifest.json").read_text())
    manifest.update(complete=False, reasons=["page 2: HTTP 500 after 5 attempts"])
    (api_doc_copy / "manifest.json").write_text(json.dumps(manifest))
    out = tmp_path / "out"
    result = run_report("--snapshot", api_doc_copy, "--out", out)
    assert result.returncode == 3
    assert "INCOMPLETE" in result.stderr
    summary = {row["metric"]: row["value"] for row in read_csv(out / "summary.csv")}
    assert summary["complete"] == "false"
