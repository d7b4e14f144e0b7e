#!/usr/bin/env bash
# Shows the nightly job live, over two simulated weeks: two API simulators on 127.0.0.1
# (acme, whose NCELL deliveries degrade on the last day, and globex, with a fault that
# never heals), a config with two accounts, and `sms-report run` with the emails written
# as .eml files (--email-dry-run) instead of sent. The first week is one run (it fills
# the history store); the second week is one run a night, each compared with the nights
# before it, and the last one carries an alert.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
out=$(mkdir -p "${DEMO_OUT:-out/demo-run}" && cd "${DEMO_OUT:-out/demo-run}" && pwd)
rm -rf "${out:?}"/*

export SMS_SIM_TOKEN=demo-token ACME_SMS_TOKEN=demo-token GLOBEX_SMS_TOKEN=demo-token
"$bin/sms-api-sim" --port 0 --deliveries 20000 --days 14 --staff --seed 3 --steady-rates \
    --degrade NCELL:2025-11-04:0.6 > "$out/acme-sim.log" 2>&1 &
acme=$!
"$bin/sms-api-sim" --port 0 --deliveries 3000 --days 14 --seed 8 --page-size 25 --fail-path page=7 \
    > "$out/globex-sim.log" 2>&1 &
globex=$!
trap 'kill $acme $globex 2>/dev/null' EXIT
for log in "$out/acme-sim.log" "$out/globex-sim.log"; do
  for _ in $(seq 50); do
    grep -q "listening on" "$log" 2>/dev/null && break
    sleep 0.1
  done
done
acme_url=$(sed -n 's/^listening on //p' "$out/acme-sim.log" | head -n 1)
globex_url=$(sed -n 's/^listening on //p' "$out/globex-sim.log" | head -n 1)

cat > "$out/config.yaml" <<CONFIG
output_dir: reports
formats: [csv, xlsx, html]
rate_cards:
  standard:
    default: "0.50"
    operators: { NTC: "0.40", NCELL: "0.45", SMART: "0.35", UTL: "0.50" }
accounts:
  - name: acme
    base_url: $acme_url
    token_env: ACME_SMS_TOKEN
    rate_card: standard
    email_to: [ops@acme.example]
  - name: globex
    base_url: $globex_url
    token_env: GLOBEX_SMS_TOKEN
    email_to: [reports@globex.example]
smtp:
  host: smtp.example.com
  from: "SMS Reports <reports@example.com>"
alerts:
  baseline_days: 14
  min_baseline_days: 7
CONFIG

night() {
  local status=0
  "$bin/sms-report" run --config "$out/config.yaml" "$@" --retries 1 --retry-delay-ms 10 \
      --email-dry-run "$out/outbox" --quiet > "$out/run-$1-$2.log" 2>&1 || status=$?
  echo "run $* → exit $status"
  [ $status -eq 0 ] || [ $status -eq 3 ]
}

echo "first week, one run (fills the history store):"
night --from 2025-10-22 --to 2025-10-28
echo "second week, one run a night:"
for day in 29 30 31; do night --period "2025-10-$day"; done
for day in 01 02 03 04; do night --period "2025-11-$day"; done

echo
echo "acme's email subjects:"
python3 - "$out"/outbox/*acme*.eml <<'PYTHON'
import email, email.policy, sys
for path in sorted(sys.argv[1:]):
    with open(path, "rb") as handle:
        print("  " + email.message_from_binary_file(handle, policy=email.policy.default)["subject"])
PYTHON
echo
echo "the top of acme's email for 2025-11-04 (its text part, reports/acme/2025-11-04/report.txt):"
sed -n '1,/^Latency p95/p' "$out/reports/acme/2025-11-04/report.txt" | sed 's/^/  /'
echo
echo "acme's alerts on 2025-11-04 (reports/acme/2025-11-04/alerts.csv):"
column -s, -t < "$out/reports/acme/2025-11-04/alerts.csv" | cut -c1-160 | sed 's/^/  /'
echo
echo "reports: $out/reports/<account>/<period>/   emails: $out/outbox/   history: $out/reports/history.sqlite"
echo "(globex's runs end with exit 3: its data is incomplete every night, and its emails say so)"
