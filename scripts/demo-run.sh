#!/usr/bin/env bash
# Shows the nightly job live: two API simulators on 127.0.0.1 (one with a fault that
# never heals), a config with two accounts, and `sms-report run` for 2025-11-04 with
# the emails written as .eml files (--email-dry-run) instead of sent.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
out=$(mkdir -p "${DEMO_OUT:-out/demo-run}" && cd "${DEMO_OUT:-out/demo-run}" && pwd)
rm -rf "${out:?}"/*

export SMS_SIM_TOKEN=demo-token ACME_SMS_TOKEN=demo-token GLOBEX_SMS_TOKEN=demo-token
"$bin/sms-api-sim" --port 0 --deliveries 3000 --days 7 --staff --seed 3 > "$out/acme-sim.log" 2>&1 &
acme=$!
"$bin/sms-api-sim" --port 0 --deliveries 1500 --days 7 --seed 8 --page-size 25 --fail-path page=7 > "$out/globex-sim.log" 2>&1 &
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
CONFIG

status=0
"$bin/sms-report" run --config "$out/config.yaml" --period 2025-11-04 --retries 1 --retry-delay-ms 10 \
    --email-dry-run "$out/outbox" || status=$?
echo
echo "exit code $status (3: globex's data is incomplete, and its email says so)"
echo "reports: $out/reports/<account>/2025-11-04/   emails: $out/outbox/"
[ $status -eq 0 ] || [ $status -eq 3 ]
