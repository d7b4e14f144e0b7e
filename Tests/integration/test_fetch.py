"""fetch against the project's API simulator on 127.0.0.1, then report: the counts must
equal the simulator's ground truth (issue 3; contract §1, §2, §6)."""
import json

from conftest import assert_deliveries_match_truth, read_csv, run_command

TOKEN = "sim-token-3f9a77c1"
FAST_RETRIES = ["--retry-delay-ms", "5", "--retries", "8"]


def fetch(sim, out, *extra, token=TOKEN, env_token="SMS_REPORT_TOKEN"):
    return run_command("fetch", "--base-url", sim.base_url, "--out", out, *extra,
                       env_extra={env_token: token})


def report(snapshot, out):
    return run_command("report", "--snapshot", snapshot, "--out", out)


def test_fetch_and_report_equal_the_ground_truth(simulator, tmp_path):
    sim = simulator("--deliveries", "600", "--days", "5", "--seed", "11", "--page-size", "25", "--staff",
                    token=TOKEN)
    result = fetch(sim, tmp_path / "snap")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert manifest["complete"] is True and manifest["reasons"] == []
    assert (tmp_path / "snap" / "metrics-snapshot.json").exists()
    assert report(tmp_path / "snap", tmp_path / "out").returncode == 0
    assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth())


def test_transient_faults_are_retried_to_the_same_numbers(simulator, tmp_path):
    sim = simulator("--deliveries", "600", "--days", "5", "--seed", "11", "--page-size", "25",
                    "--fail-rate", "0.2", "--rate-limit-every", "7", "--retry-after", "0", token=TOKEN)
    result = fetch(sim, tmp_path / "snap", *FAST_RETRIES)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert manifest["complete"] is True
    assert any(request["attempts"] > 1 for request in manifest["requests"]), "retries not visible in the manifest"
    stats = sim.stats()
    assert stats["failures_injected"] > 0 and stats["rate_limited"] > 0
    assert report(tmp_path / "snap", tmp_path / "out").returncode == 0
    assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth())


def test_page_shift_counts_no_delivery_twice(simulator, tmp_path):
    sim = simulator("--deliveries", "400", "--days", "3", "--seed", "5", "--page-size", "20", "--clean",
                    "--shift-pages", "2", "--shift-size", "3", token=TOKEN)
    before = sim.truth()
    result = fetch(sim, tmp_path / "snap", "--concurrency", "1")
    assert result.returncode == 0, result.stderr
    assert report(tmp_path / "snap", tmp_path / "out").returncode == 0
    produced = assert_deliveries_match_truth(tmp_path / "out" / "deliveries.csv", sim.truth(), exact=False)
    assert len(produced) >= len(before)
    quality = {row["check"]: int(row["count"]) for row in read_csv(tmp_path / "out" / "data_quality.csv")}
    assert quality["duplicate_rows"] > 0, "the shifted rows should have been seen twice and dropped"


def test_a_fault_that_never_heals_gives_an_incomplete_snapshot(simulator, tmp_path):
    sim = simulator("--deliveries", "300", "--days", "3", "--seed", "2", "--page-size", "25",
                    "--fail-path", "page=3", token=TOKEN)
    result = fetch(sim, tmp_path / "snap", "--retry-delay-ms", "1", "--retries", "2")
    assert result.returncode == 3
    assert "INCOMPLETE" in result.stderr
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert manifest["complete"] is False
    assert any("page 3" in reason for reason in manifest["reasons"])
    failed = [request for request in manifest["requests"] if request.get("error")]
    assert failed and failed[0]["attempts"] == 3
    reported = report(tmp_path / "snap", tmp_path / "out")
    assert reported.returncode == 3 and "INCOMPLETE" in reported.stderr
    summary = {row["metric"]: row["value"] for row in read_csv(tmp_path / "out" / "summary.csv")}
    assert summary["complete"] == "false"
    quality = {row["check"]: int(row["count"]) for row in read_csv(tmp_path / "out" / "data_quality.csv")}
    assert quality["failed_requests"] == 1


def test_a_refused_token_exits_5_and_writes_nothing(simulator, tmp_path):
    sim = simulator("--deliveries", "50", token=TOKEN)
    result = fetch(sim, tmp_path / "snap", token="wrong-token")
    assert result.returncode == 5
    assert "refused the token" in result.stderr
    assert not (tmp_path / "snap").exists()
    assert list(tmp_path.iterdir()) == []


def test_missing_token_is_a_usage_error(simulator, tmp_path):
    sim = simulator("--deliveries", "50", token=TOKEN)
    result = run_command("fetch", "--base-url", sim.base_url, "--out", tmp_path / "snap",
                         "--token-env", "NO_SUCH_TOKEN_VARIABLE")
    assert result.returncode == 2
    assert "NO_SUCH_TOKEN_VARIABLE" in result.stderr


def test_refused_metrics_are_a_note_not_an_error(simulator, tmp_path):
    sim = simulator("--deliveries", "100", "--days", "2", token=TOKEN)
    result = fetch(sim, tmp_path / "snap")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert manifest["complete"] is True
    assert any("metrics refused" in note for note in manifest["notes"])
    assert not (tmp_path / "snap" / "metrics-snapshot.json").exists()


def test_the_token_appears_nowhere(simulator, tmp_path):
    sim = simulator("--deliveries", "200", "--days", "2", "--staff", "--fail-rate", "0.1", token=TOKEN)
    result = run_command("fetch", "--base-url", sim.base_url, "--out", tmp_path / "snap", "--verbose",
                         "--token-env", "MY_TOKEN", *FAST_RETRIES, env_extra={"MY_TOKEN": TOKEN})
    assert result.returncode == 0, result.stderr
    reported = report(tmp_path / "snap", tmp_path / "out")
    assert TOKEN not in result.stdout + result.stderr + reported.stdout + reported.stderr
    assert "GET /api/sms-report/?page=1" in result.stderr, "verbose logging should list requests"
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), f"token found in {path}"


def test_since_fetches_far_fewer_requests_than_a_full_fetch(simulator, tmp_path):
    sim = simulator("--deliveries", "3000", "--days", "30", "--seed", "9", "--page-size", "50", "--clean",
                    "--end-day", "2025-11-04", token=TOKEN)
    assert fetch(sim, tmp_path / "full").returncode == 0
    full = sim.stats()["requests"]
    sim.reset_stats()
    result = fetch(sim, tmp_path / "day", "--since", "2025-11-04", "--recheck-hours", "24")
    assert result.returncode == 0, result.stderr
    incremental = sim.stats()["requests"]
    assert incremental * 4 < full, f"since fetch made {incremental} requests, full fetch {full}"
    manifest = json.loads((tmp_path / "day" / "manifest.json").read_text())
    assert manifest["paging_stopped_early"] is True
    assert manifest["skipped_batches"], "batches outside the window should be listed as skipped"
    # The day's deliveries are all there: report the day from both snapshots and compare.
    for name in ("full", "day"):
        assert run_command("report", "--snapshot", tmp_path / name, "--out", tmp_path / f"r-{name}",
                           "--from", "2025-11-04", "--to", "2025-11-04").returncode == 0
    assert (tmp_path / "r-full" / "deliveries.csv").read_bytes() == (tmp_path / "r-day" / "deliveries.csv").read_bytes()


def test_an_existing_snapshot_folder_is_never_overwritten(simulator, tmp_path):
    sim = simulator("--deliveries", "50", token=TOKEN)
    (tmp_path / "snap").mkdir()
    result = fetch(sim, tmp_path / "snap")
    assert result.returncode == 2
    assert "already exists" in result.stderr
