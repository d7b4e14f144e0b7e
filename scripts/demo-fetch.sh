#!/usr/bin/env bash
# Shows the whole pipeline live: starts the API simulator on 127.0.0.1, fetches a
# snapshot from it with `sms-report fetch`, and reports on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
out=${DEMO_OUT:-out/demo-fetch}
rm -rf "$out"
mkdir -p "$out"

export SMS_SIM_TOKEN=demo-token SMS_REPORT_TOKEN=demo-token
"$bin/sms-api-sim" --port 0 --deliveries 5000 --days 7 --staff --latency-ms 5 > "$out/sim.log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null' EXIT
for _ in $(seq 50); do
  grep -q "listening on" "$out/sim.log" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$out/sim.log" | head -n 1)
echo "simulator at $url"

"$bin/sms-report" fetch --base-url "$url" --out "$out/snapshot" --concurrency 8
status=0
"$bin/sms-report" report --snapshot "$out/snapshot" --out "$out/report" || status=$?
[ $status -eq 0 ] || [ $status -eq 3 ] || exit $status
echo
cat "$out/report/by_operator.csv"
