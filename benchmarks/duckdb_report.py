#!/usr/bin/env python3
"""The same work as `sms-report report --format csv`, done by DuckDB (issue 16).

A yardstick, not a second implementation: it shows how fast a general-purpose
columnar engine does the report's work on this machine, so that the Swift
reader can be measured against it side by side (benchmarks/compare_csv.py).

On a snapshot folder (contract §2) it, with `SET threads` (default 2):
- reads the page files with `read_json` and explicit columns, and the batch
  reports (`read_text` + `from_json`, so an error body in place of a report is
  skipped rather than fatal), unnests the recipients;
- normalises phones as contract §3 says (separators out, Devanagari digits
  mapped, `+977` / `977` on 13 digits / `0` on 11 digits stripped, valid when 10
  digits starting with 9), takes the operator from the prefix (the default table
  of Sources/SMSIngest/Normalize/OperatorTable.swift), maps statuses (trimmed,
  case-insensitive, the contract's default map);
- keeps one row per delivery key (`sent_at` instant to the µs, the normalised
  phone or the phone as received when invalid, the text) with the precedence
  winner: a final status beats one that is not, else the row read first (pages
  in file order, then batch reports), as sms-report does;
- takes the batch id from the first batch report listing the delivery, else from
  `batch-ids.json` by `sent_at` instant; a final batch-ids status beats a
  non-final one, and its `delivered_at` comes with it;
- groups by batch, operator, prefix, day (in --timezone, default Asia/Kathmandu),
  status and the cube of them, with counts, delivery rate, latency count, mean,
  p50/p90/p95/p99 (`quantile_disc`, one sort for the four) and max;
- writes deliveries.csv, by_batch.csv, by_operator.csv, by_prefix.csv,
  by_day.csv, by_status.csv, cube.csv, latency_histogram.csv, summary.csv,
  data_quality.csv, metrics.csv and reconciliation.csv, with the formula guard
  on text cells, 3-decimal seconds, 6-decimal rates and local ISO timestamps
  with microseconds and offset.

What it leaves out or does differently (so its files are close to, not
byte-identical with, sms-report's):
- segments: GSM-7 septets (extension characters count 2) or UTF-16 units,
  divided by 153/67 past 160/70, without the rule that a part never splits an
  extension character or a surrogate pair;
- percentiles are DuckDB's `quantile_disc`, which can sit one rank from the
  contract's nearest rank on small groups;
- number rounding is printf's, not sms-report's (a half-way third decimal can
  differ), and DuckDB quotes a few more cells (any text with `#`);
- data_quality counts invalid_phone, unknown_status, negative_latency,
  duplicate_rows (repeated recipient rows of the pages), status_conflict and
  count_mismatch, with no example column filled; missing_batch_report, failed_requests, truncated_text and
  metrics_mismatch are left out;
- no --from/--to/--batch filters, no config status map or operator table, no
  XLSX/HTML, no history store, no manifest checks (complete is copied from it);
- a file that is not valid JSON stops DuckDB with its own error, not exit 2.

Prints wall time, CPU time and peak RSS (of this process, which holds DuckDB)
on one line: `wall_s=… cpu_s=… peak_rss_mb=… deliveries=…`.

Usage: benchmarks/duckdb_report.py --snapshot DIR --out DIR [--threads 2] [--timezone TZ]
Needs: pip install duckdb
"""
import argparse
import json
import os
import resource
import sys
import time
import urllib.parse
from pathlib import Path

OPERATORS = {
    "NTC": ["984", "985", "986", "974", "975", "976"],
    "NCELL": ["980", "981", "982", "970"],
    "SMART": ["961", "962", "988"],
    "UTL": ["972"],
}
STATUSES = {
    "delivered": ["DELIVERED", "DELIVRD", "1"],
    "sent": ["SENT", "SUBMITTED", "ACCEPTED", "ACCEPTD", "ENROUTE"],
    "pending": ["PENDING", "QUEUED", "SCHEDULED", "BUFFERED"],
    "undeliverable": ["UNDELIVERABLE", "UNDELIV", "4"],
    "failed": ["FAILED", "ERROR"],
    "rejected": ["REJECTED", "REJECTD"],
    "expired": ["EXPIRED"],
}
FINAL = ("delivered", "undeliverable", "failed", "rejected", "expired")
STATUS_ORDER = ["delivered", "sent", "pending", "undeliverable", "failed", "rejected", "expired", "unknown"]
GSM_BASIC = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
             "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = "\f^{}\\[~]|€"
BUCKETS = [("<1s", 0, 1), ("1-5s", 1, 5), ("5-30s", 5, 30), ("30s-1m", 30, 60), ("1-5m", 60, 300),
           ("5-30m", 300, 1800), ("30m-1h", 1800, 3600), ("1-6h", 3600, 21600), ("6-24h", 21600, 86400),
           (">=24h", 86400, None)]
REPORT_ROW = ("STRUCT(message VARCHAR, recipients STRUCT(client_name VARCHAR, client_phone VARCHAR)[], "
              "sent_at VARCHAR, delivered_at VARCHAR, status VARCHAR)")


def char_class(chars):
    """An RE2 character class of exactly these characters."""
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in chars) + "]"


def sql_text(value):
    return "'" + value.replace("'", "''") + "'"


def values_table(rows):
    return "VALUES " + ", ".join("(" + ", ".join(sql_text(v) if isinstance(v, str) else str(v) for v in row) + ")"
                                 for row in rows)


def batch_files(snapshot):
    """Batch report file name → batch id: the manifest's `batches`, else the name percent-decoded (§2)."""
    try:
        manifest = json.loads((snapshot / "manifest.json").read_text())
    except (FileNotFoundError, ValueError):
        manifest = {}
    named = manifest.get("batches") or {}
    folder = snapshot / "sms-report-batch"
    files = sorted(p.name for p in folder.glob("*.json")) if folder.is_dir() else []
    return [(name, named.get(name, urllib.parse.unquote(name[:-5]))) for name in files], manifest


def group_columns(prefix=""):
    """The contract's <G> columns over a relation with `status` and `lat` (NULL when none or negative)."""
    counts = [f"count(*) FILTER (WHERE {prefix}status = '{s}') AS {s}" for s in STATUS_ORDER]
    return ", ".join(["count(*) AS deliveries", *counts,
                      f"printf('%.6f', count(*) FILTER (WHERE {prefix}status = 'delivered') / count(*)) AS delivery_rate",
                      *latency_columns(prefix)])


def latency_columns(prefix=""):
    return [f"count({prefix}lat) AS latency_count",
            f"printf('%.3f', avg({prefix}lat)) AS latency_mean_s",
            f"quantile_disc({prefix}lat, [0.5, 0.9, 0.95, 0.99]) AS q",
            f"printf('%.3f', max({prefix}lat)) AS latency_max_s"]


def spread_quantiles(columns):
    """Turns the `q` list into the four percentile columns, keeping the column order."""
    return ", ".join(
        "printf('%.3f', q[1]) AS latency_p50_s, printf('%.3f', q[2]) AS latency_p90_s, "
        "printf('%.3f', q[3]) AS latency_p95_s, printf('%.3f', q[4]) AS latency_p99_s" if c == "q" else c
        for c in columns)


G_OUT = ("deliveries, delivered, sent, pending, undeliverable, failed, rejected, expired, unknown, delivery_rate, "
         "latency_count, latency_mean_s, q, latency_max_s")


def build(con, snapshot, timezone):
    files, manifest = batch_files(snapshot)
    con.execute(f"SET TimeZone = {sql_text('UTC')}")
    con.execute(f"CREATE TEMP TABLE operators(prefix VARCHAR, operator VARCHAR)")
    con.execute("INSERT INTO operators " + values_table([(p, op) for op, ps in OPERATORS.items() for p in ps]))
    con.execute("CREATE TEMP TABLE status_map(raw VARCHAR, status VARCHAR)")
    con.execute("INSERT INTO status_map " + values_table([(r, s) for s, rs in STATUSES.items() for r in rs]))
    con.execute("CREATE TEMP TABLE batch_files(name VARCHAR, batch_id VARCHAR, file_rank INTEGER)")
    if files:
        con.execute("INSERT INTO batch_files " + values_table([(n, b, i) for i, (n, b) in enumerate(files)]))

    pages_glob = sql_text(str(snapshot / "sms-report" / "page-*.json"))
    page_columns = ("{'count': 'BIGINT', 'next': 'VARCHAR', 'results': " + sql_text(REPORT_ROW + "[]") + "}")
    sources = [f"""
        SELECT 0 AS src, regexp_extract(filename, '([^/]*)$', 1) AS file, NULL::VARCHAR AS file_batch,
               unnest(results) AS r, generate_subscripts(results, 1) AS row_i
        FROM read_json({pages_glob}, format = 'auto', filename = true, columns = {page_columns})"""]
    if files:
        batch_glob = sql_text(str(snapshot / "sms-report-batch" / "*.json"))
        sources.append(f"""
        SELECT 1 AS src, f.file, bf.batch_id AS file_batch, unnest(f.rows) AS r, generate_subscripts(f.rows, 1) AS row_i
        FROM (SELECT regexp_extract(filename, '([^/]*)$', 1) AS file,
                     CAST(CAST(content AS JSON) AS {REPORT_ROW}[]) AS rows
              FROM read_text({batch_glob}) WHERE json_type(content) = 'ARRAY') f
        JOIN batch_files bf ON bf.name = f.file""")

    astral = "[\\x{10000}-\\x{10ffff}]"
    gsm = "^" + char_class(GSM_BASIC + GSM_EXTENSION)[:-1] + "]*$"
    con.execute(f"""
        CREATE TEMP TABLE report_rows AS
        WITH rows AS ({' UNION ALL '.join(sources)}),
        recipients AS (
            SELECT src, file, file_batch, row_i, r.message AS message, r.sent_at AS sent_raw,
                   r.delivered_at AS delivered_raw, r.status AS status_raw,
                   unnest(r.recipients) AS p, generate_subscripts(r.recipients, 1) AS rcpt_i
            FROM rows),
        cleaned AS (
            SELECT *, p.client_phone AS phone_raw, p.client_name AS recipient_name,
                   translate(regexp_replace(coalesce(p.client_phone, ''), '[ \\-.()\\[\\]{{}}\\t\\x{{a0}}]', '', 'g'),
                             '०१२३४५६७८९', '0123456789') AS digits
            FROM recipients),
        stripped AS (
            SELECT *, CASE WHEN starts_with(digits, '+977') THEN digits[5:]
                           WHEN length(digits) = 13 AND starts_with(digits, '977') THEN digits[4:]
                           WHEN length(digits) = 11 AND starts_with(digits, '0') THEN digits[2:]
                           ELSE digits END AS national
            FROM cleaned)
        SELECT src, file, file_batch, row_i, rcpt_i, message, recipient_name, phone_raw, status_raw,
               regexp_full_match(national, '9[0-9]{{9}}') AS valid,
               CASE WHEN regexp_full_match(national, '9[0-9]{{9}}') THEN national ELSE phone_raw END AS phone,
               epoch_us(CAST(sent_raw AS TIMESTAMPTZ)) AS sent_us,
               epoch_us(CAST(delivered_raw AS TIMESTAMPTZ)) AS delivered_us,
               coalesce(m.status, 'unknown') AS status
        FROM stripped LEFT JOIN status_map m ON m.raw = upper(trim(status_raw, ' \t\n\r'))""")

    final_list = ", ".join(sql_text(s) for s in FINAL)
    con.execute(f"""
        CREATE TEMP TABLE batch_id_rows AS
        SELECT i AS row_i, epoch_us(CAST(b.sent_at AS TIMESTAMPTZ)) AS sent_us,
               epoch_us(CAST(b.delivered_at AS TIMESTAMPTZ)) AS delivered_us, b.status AS status_raw,
               coalesce(m.status, 'unknown') AS status, b.batch_id
        FROM (SELECT unnest(rows) AS b, generate_subscripts(rows, 1) AS i
              FROM (SELECT CAST(CAST(content AS JSON) AS STRUCT(sent_at VARCHAR, delivered_at VARCHAR, status VARCHAR, batch_id VARCHAR)[]) AS rows
                    FROM read_text({sql_text(str(snapshot / 'batch-ids.json'))})
                    WHERE json_type(content) = 'ARRAY'))
        LEFT JOIN status_map m ON m.raw = upper(trim(b.status, ' \t\n\r'))""") if (snapshot / "batch-ids.json").exists() \
        else con.execute("CREATE TEMP TABLE batch_id_rows(row_i INT, sent_us BIGINT, delivered_us BIGINT, "
                         "status_raw VARCHAR, status VARCHAR, batch_id VARCHAR)")

    con.execute(f"""
        CREATE TEMP TABLE merged AS
        WITH ranked AS (
            SELECT *, status IN ({final_list}) AS final,
                   row_number() OVER (PARTITION BY sent_us, phone, message
                                      ORDER BY status IN ({final_list}) DESC, src, file, row_i, rcpt_i) AS rank,
                   count(DISTINCT CASE WHEN status IN ({final_list}) THEN status END)
                       OVER (PARTITION BY sent_us, phone, message) AS finals,
                   first(file_batch ORDER BY file_batch IS NULL, src, file, row_i)
                       OVER (PARTITION BY sent_us, phone, message) AS report_batch
            FROM report_rows),
        by_instant AS (
            SELECT sent_us,
                   arg_min(batch_id, row_i) FILTER (WHERE coalesce(batch_id, '') <> '') AS ids_batch,
                   arg_min(status, row_i) FILTER (WHERE status IN ({final_list})) AS ids_status,
                   arg_min(status_raw, row_i) FILTER (WHERE status IN ({final_list})) AS ids_status_raw,
                   arg_min(delivered_us, row_i) FILTER (WHERE status IN ({final_list})) AS ids_delivered_us
            FROM batch_id_rows GROUP BY sent_us)
        SELECT r.sent_us, r.phone, r.valid, r.message, r.recipient_name, r.phone_raw,
               coalesce(r.report_batch, i.ids_batch, '') AS batch_id,
               CASE WHEN NOT r.final AND i.ids_status IS NOT NULL THEN i.ids_status ELSE r.status END AS status,
               CASE WHEN NOT r.final AND i.ids_status IS NOT NULL THEN i.ids_status_raw ELSE r.status_raw END AS status_raw,
               CASE WHEN NOT r.final AND i.ids_status IS NOT NULL THEN i.ids_delivered_us ELSE r.delivered_us END
                   AS delivered_us,
               r.finals > 1 OR (r.final AND i.ids_status IS NOT NULL AND i.ids_status <> r.status) AS conflict
        FROM ranked r LEFT JOIN by_instant i USING (sent_us)
        WHERE r.rank = 1""")

    tz = sql_text(timezone)
    con.execute(f"""
        CREATE TEMP TABLE messages AS
        WITH texts AS (SELECT DISTINCT message FROM merged),
        measured AS (
            SELECT message, regexp_matches(coalesce(message, ''), {sql_text(gsm)}) AS gsm,
                   length(coalesce(message, '')) AS chars,
                   length(regexp_replace(coalesce(message, ''), {sql_text('[^' + char_class(GSM_EXTENSION)[1:])}, '', 'g')) AS extended,
                   length(regexp_replace(coalesce(message, ''), {sql_text('[^' + astral[1:])}, '', 'g')) AS astral
            FROM texts)
        SELECT message, CASE WHEN gsm THEN 'GSM-7' ELSE 'UCS-2' END AS encoding,
               CASE WHEN gsm THEN (CASE WHEN chars + extended <= 160 THEN 1 ELSE ceil((chars + extended) / 153) END)
                    ELSE (CASE WHEN chars + astral <= 70 THEN 1 ELSE ceil((chars + astral) / 67) END) END::INTEGER
                   AS segments
        FROM measured""")

    con.execute(f"""
        CREATE MACRO guard(x) AS CASE WHEN left(x, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || x ELSE x END;
        CREATE MACRO local_iso(us) AS
            strftime(timezone({tz}, make_timestamptz(us)), '%Y-%m-%dT%H:%M:%S.%f')
            || (SELECT CASE WHEN o < 0 THEN '-' ELSE '+' END || lpad((abs(o) // 60)::VARCHAR, 2, '0') || ':'
                       || lpad((abs(o) % 60)::VARCHAR, 2, '0')
                FROM (SELECT ((epoch_us(timezone({tz}, make_timestamptz(us))) - us) // 60000000)::BIGINT AS o));
        CREATE TEMP TABLE deliveries AS
        SELECT m.*, strftime(timezone({tz}, make_timestamptz(m.sent_us)), '%Y-%m-%d') AS day,
               CASE WHEN m.valid THEN m.phone[1:3] ELSE '' END AS prefix,
               CASE WHEN NOT m.valid THEN 'INVALID' ELSE coalesce(o.operator, 'OTHER') END AS operator,
               (m.delivered_us - m.sent_us) / 1e6 AS latency,
               CASE WHEN m.delivered_us >= m.sent_us THEN (m.delivered_us - m.sent_us) / 1e6 END AS lat,
               t.encoding, t.segments
        FROM merged m LEFT JOIN operators o ON o.prefix = m.phone[1:3]
        LEFT JOIN messages t ON t.message IS NOT DISTINCT FROM m.message""")
    return manifest


def write(con, out, query, name):
    target = sql_text(str(out / f"{name}.csv"))
    # An empty text is written as an empty cell, as sms-report does (DuckDB would write `""`).
    con.execute(f"COPY (SELECT nullif(COLUMNS(*)::VARCHAR, '') FROM ({query})) TO {target} "
                "(HEADER, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NEW_LINE '\\n')")


def write_tables(con, out, manifest, timezone):
    g = spread_quantiles([c.strip() for c in G_OUT.split(",")])
    grouped = group_columns()
    batch_label = "CASE WHEN batch_id = '' THEN '(no batch)' ELSE guard(batch_id) END"
    write(con, out, f"""
        SELECT day, local_iso(sent_us) AS sent_at, CASE WHEN delivered_us IS NOT NULL THEN local_iso(delivered_us) END
                   AS delivered_at,
               printf('%.3f', latency) AS latency_s, {batch_label} AS batch_id,
               CASE WHEN valid THEN phone ELSE guard(phone_raw) END AS phone, operator, prefix, status,
               guard(status_raw) AS status_raw, guard(message) AS message, guard(recipient_name) AS recipient_name,
               encoding, segments
        FROM deliveries ORDER BY sent_us, phone""", "deliveries")
    write(con, out, f"""
        SELECT batch_id, local_iso(first_us) AS first_sent_at, local_iso(last_us) AS last_sent_at, {g}
        FROM (SELECT {batch_label} AS batch_id, batch_id = '' AS none, min(sent_us) AS first_us,
                     max(sent_us) AS last_us, {grouped}
              FROM deliveries GROUP BY ALL)
        ORDER BY none, first_us, batch_id""", "by_batch")
    write(con, out, f"SELECT operator, {g} FROM (SELECT operator, {grouped} FROM deliveries GROUP BY ALL) "
                    "ORDER BY deliveries DESC, operator", "by_operator")
    write(con, out, f"SELECT prefix, operator, {g} FROM (SELECT prefix, operator, {grouped} FROM deliveries "
                    "GROUP BY ALL) ORDER BY prefix, operator", "by_prefix")
    write(con, out, f"SELECT day, {g} FROM (SELECT day, {grouped} FROM deliveries GROUP BY ALL) ORDER BY day",
          "by_day")
    write(con, out, """
        SELECT status, string_agg(DISTINCT guard(status_raw), ';' ORDER BY guard(status_raw)) AS raw_values,
               count(*) AS deliveries, printf('%.6f', count(*) / (SELECT count(*) FROM deliveries)) AS share
        FROM deliveries GROUP BY status ORDER BY deliveries DESC, status""", "by_status")
    cube_latency = spread_quantiles([c.split(" AS ")[-1] for c in latency_columns()])
    write(con, out, f"""
        SELECT day, batch_id, operator, prefix, status, deliveries, {cube_latency}
        FROM (SELECT day, {batch_label} AS batch_id, batch_id = '' AS none, operator, prefix, status,
                     count(*) AS deliveries, {', '.join(latency_columns())}
              FROM deliveries GROUP BY ALL)
        ORDER BY day, none, batch_id, operator, prefix, status""", "cube")
    bucket_cases = " ".join(f"WHEN lat < {high} THEN {i}" for i, (_, _, high) in enumerate(BUCKETS) if high)
    labels = values_table([(i, name) for i, (name, _, _) in enumerate(BUCKETS)] + [(len(BUCKETS), "not_delivered")])
    write(con, out, f"""
        SELECT b.bucket, coalesce(c.n, 0) AS deliveries
        FROM ({labels}) b(i, bucket)
        LEFT JOIN (SELECT CASE WHEN delivered_us IS NULL THEN {len(BUCKETS)} {bucket_cases}
                               ELSE {len(BUCKETS) - 1} END AS i, count(*) AS n
                   FROM deliveries WHERE delivered_us IS NULL OR lat IS NOT NULL GROUP BY 1) c USING (i)
        ORDER BY b.i""", "latency_histogram")
    summary_rows = [
        ("period_from", "(SELECT min(day) FROM deliveries)"), ("period_to", "(SELECT max(day) FROM deliveries)"),
        ("timezone", sql_text(timezone)),
        ("generated_at", f"local_iso(epoch_us(make_timestamptz({int(os.environ.get('SOURCE_DATE_EPOCH', time.time()))}"
                         "::BIGINT * 1000000)))"),
        ("data_as_of", sql_text(str(manifest.get("fetch_finished", "")))),
        ("complete", sql_text(str(manifest.get("complete", False)).lower())),
        ("messages", "(SELECT count(*) FROM (SELECT DISTINCT sent_us, message FROM deliveries))::VARCHAR"),
        ("batches", "(SELECT count(DISTINCT batch_id) FILTER (WHERE batch_id <> '') FROM deliveries)::VARCHAR"),
    ]
    g_names = ("deliveries delivered sent pending undeliverable failed rejected expired unknown delivery_rate "
               "latency_count latency_mean_s latency_p50_s latency_p90_s latency_p95_s latency_p99_s "
               "latency_max_s").split()
    head = " UNION ALL ".join(f"SELECT {i} AS i, {sql_text(n)} AS metric, {v}::VARCHAR AS value"
                              for i, (n, v) in enumerate(summary_rows))
    tail = " UNION ALL ".join(f"SELECT {len(summary_rows) + i}, {sql_text(n)}, {n}::VARCHAR FROM whole"
                              for i, n in enumerate(g_names))
    write(con, out, f"""
        WITH whole AS (SELECT {g} FROM (SELECT {grouped} FROM deliveries))
        SELECT metric, value FROM ({head} UNION ALL {tail}) ORDER BY i""", "summary")
    write(con, out, f"""
        SELECT "check", count, '' AS example FROM (
            SELECT 'count_mismatch' AS "check", abs(getvariable('last_count')
                   - (SELECT count(*) FROM (SELECT DISTINCT sent_us, message FROM report_rows WHERE src = 0))) AS count
            UNION ALL SELECT 'duplicate_rows', (SELECT count(*) - count(DISTINCT (sent_us, phone, message))
                                                 FROM report_rows WHERE src = 0)
            UNION ALL SELECT 'invalid_phone', (SELECT count(*) FROM deliveries WHERE NOT valid)
            UNION ALL SELECT 'negative_latency', (SELECT count(*) FROM deliveries WHERE latency < 0)
            UNION ALL SELECT 'status_conflict', (SELECT count(*) FROM deliveries WHERE conflict)
            UNION ALL SELECT 'unknown_status', (SELECT count(*) FROM deliveries WHERE status = 'unknown'))
        ORDER BY "check" """, "data_quality")


def write_metrics(con, out, snapshot):
    path = snapshot / "metrics-snapshot.json"
    if not path.exists():
        return
    con.execute(f"""
        CREATE TEMP TABLE metrics AS
        WITH j AS (SELECT content::JSON AS doc FROM read_text({sql_text(str(path))})),
        k AS (SELECT doc, unnest(json_keys(doc)) AS key FROM j)
        SELECT key, split_part(key, ':', 3) AS metric,
               coalesce(regexp_extract(key, ':op:([^:]+)', 1), '') AS operator,
               CASE WHEN regexp_matches(key, ':d:[0-9]{{8}}') THEN
                   strftime(strptime(regexp_extract(key, ':d:([0-9]{{8}})', 1), '%Y%m%d'), '%Y-%m-%d') ELSE '' END AS day,
               json_extract(doc, '$."' || key || '"')::VARCHAR AS value
        FROM k""")
    write(con, out, "SELECT guard(key) AS key, guard(metric) AS metric, guard(operator) AS operator, day, value "
                    "FROM metrics ORDER BY key", "metrics")
    write(con, out, """
        SELECT m.day, m.operator, m.value::BIGINT AS enqueued, coalesce(d.n, 0) AS deliveries,
               coalesce(d.n, 0) - m.value::BIGINT AS difference
        FROM metrics m LEFT JOIN (SELECT day, operator, count(*) AS n FROM deliveries GROUP BY ALL) d
             ON d.day = m.day AND d.operator = m.operator
        WHERE m.metric = 'enqueue' AND m.operator <> '' AND m.day <> ''
        ORDER BY m.day, m.operator""", "reconciliation")


def last_page_count(snapshot):
    pages = sorted((snapshot / "sms-report").glob("page-*.json"))
    if not pages:
        return 0
    try:
        return int(json.loads(pages[-1].read_bytes()).get("count") or 0)
    except (ValueError, AttributeError):
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snapshot", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timezone", default="Asia/Kathmandu")
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit, e.g. 4GB (default: DuckDB's)")
    args = parser.parse_args()
    import duckdb  # imported here so that --help works without it

    started, before = time.monotonic(), os.times()
    args.out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    con.execute("SET preserve_insertion_order = true")
    if args.memory_limit:
        con.execute(f"SET memory_limit = {sql_text(args.memory_limit)}")
    con.execute(f"SET VARIABLE last_count = {last_page_count(args.snapshot)}")
    manifest = build(con, args.snapshot, args.timezone)
    write_tables(con, args.out, manifest, args.timezone)
    write_metrics(con, args.out, args.snapshot)
    deliveries = con.execute("SELECT count(*) FROM deliveries").fetchone()[0]
    con.close()
    after = os.times()
    cpu = (after.user - before.user) + (after.system - before.system)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"wall_s={time.monotonic() - started:.3f} cpu_s={cpu:.3f} peak_rss_mb={peak / 1e6:.0f} "
          f"deliveries={deliveries}")


if __name__ == "__main__":
    sys.exit(main())
