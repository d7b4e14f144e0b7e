#!/usr/bin/env bash
# Shows a sharded nightly run (contract §11) on one machine: the PostgreSQL test server
# (scripts/postgres-test-server.sh) as the shared store, two API simulators on 127.0.0.1
# (one slow), nine accounts, and `sms-report run --shard auto/3 --resume` started three
# times side by side as the pods of a Kubernetes Indexed Job would be (JOB_COMPLETION_INDEX
# = 0, 1, 2). Shard 0 is killed with SIGKILL in the middle of an account and started again
# with --resume: it skips what it finished and does the rest.
#
# Emails go to a local SMTP sink (Tests/integration/smtp_server.py, aiosmtpd) that saves
# each message as a file: unlike --email-dry-run, a message the server accepted counts as
# sent, which is what --resume relies on.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
out=$(mkdir -p "${DEMO_OUT:-out/demo-cluster}" && cd "${DEMO_OUT:-out/demo-cluster}" && pwd)
rm -rf "${out:?}"/*
period=2025-11-04

scripts/postgres-test-server.sh start > /dev/null
eval "$(scripts/postgres-test-server.sh env)"
export SMS_REPORT_STORE_PASSWORD="$SMS_REPORT_TEST_POSTGRES_PASSWORD"
database=demo_cluster_$$
PGPASSWORD="$SMS_REPORT_STORE_PASSWORD" psql -X -q -d "$SMS_REPORT_TEST_POSTGRES_URL" -c "CREATE DATABASE $database"
store="${SMS_REPORT_TEST_POSTGRES_URL%/*}/$database"

export SMS_SIM_TOKEN=demo-token DEMO_SMS_TOKEN=demo-token SOURCE_DATE_EPOCH=1762300800
"$bin/sms-api-sim" --port 0 --deliveries 2000 --days 3 --seed 5 > "$out/fast-sim.log" 2>&1 &
fast=$!
"$bin/sms-api-sim" --port 0 --deliveries 2000 --days 3 --seed 6 --latency-ms 150 > "$out/slow-sim.log" 2>&1 &
slow=$!
mkfifo "$out/smtp.stdin"
python3 Tests/integration/smtp_server.py serve --out "$out/outbox" < "$out/smtp.stdin" > "$out/smtp.json" 2>&1 &
smtp=$!
exec 3> "$out/smtp.stdin"   # the sink serves while this stays open
pods=()
cleanup() {
  exec 3>&-
  kill "$fast" "$slow" "$smtp" "${pods[@]}" 2>/dev/null || true
  PGPASSWORD="$SMS_REPORT_STORE_PASSWORD" psql -X -q -d "$SMS_REPORT_TEST_POSTGRES_URL" \
      -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" 2>/dev/null || true
}
trap cleanup EXIT
wait_for() {  # wait_for FILE PATTERN: up to 30 s
  for _ in $(seq 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1" >&2
  exit 1
}
wait_for "$out/fast-sim.log" "listening on"
wait_for "$out/slow-sim.log" "listening on"
wait_for "$out/smtp.json" '"port"'
fast_url=$(sed -n 's/^listening on //p' "$out/fast-sim.log" | head -n 1)
slow_url=$(sed -n 's/^listening on //p' "$out/slow-sim.log" | head -n 1)
smtp_port=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["port"])' "$out/smtp.json")

# Shard 0's accounts (rendezvous hashing, computed here with Python) are on the slow simulator.
accounts="acme globex initech umbrella hooli stark wayne wonka tyrell"
slow_accounts=$(python3 -c '
import hashlib, sys
print(" ".join(a for a in sys.argv[1:] if max(range(3), key=lambda s: hashlib.sha256(f"{a}|{s}".encode()).digest()) == 0))
' $accounts)
{
  echo "output_dir: reports"
  echo "formats: [csv, html]"
  echo "parallel_accounts: 1"
  echo "store: $store"
  echo "accounts:"
  for account in $accounts; do
    url=$fast_url
    case " $slow_accounts " in *" $account "*) url=$slow_url ;; esac
    printf '  - name: %s\n    base_url: %s\n    token_env: DEMO_SMS_TOKEN\n    email_to: [ops@%s.example]\n' \
        "$account" "$url" "$account"
  done
  printf 'smtp:\n  host: 127.0.0.1\n  port: %s\n  security: none\n  from: "SMS Reports <reports@example.com>"\n' "$smtp_port"
} > "$out/config.yaml"

pod() {  # pod NAME INDEX: one shard in the background, as a pod of the Indexed Job
  JOB_COMPLETION_INDEX=$2 "$bin/sms-report" run --config "$out/config.yaml" --period $period \
      --shard auto/3 --resume > "$out/$1.out" 2> "$out/$1.log" &
  pods+=($!)
}

echo "three shards side by side (--shard auto/3 --resume, JOB_COMPLETION_INDEX=0,1,2):"
pod shard-0 0; pod shard-1 1; pod shard-2 2
first=${slow_accounts%% *}
wait_for "$out/shard-0.log" "email sent"
second=$(grep -o "account=[a-z]*" "$out/shard-0.log" | sed 's/account=//' | grep -v "^$first$" | head -n 1 || true)
until [ -n "$second" ]; do
  sleep 0.1
  second=$(grep -o "account=[a-z]*" "$out/shard-0.log" | sed 's/account=//' | grep -v "^$first$" | head -n 1 || true)
done
kill -KILL "${pods[0]}"
echo "  shard 0 killed with SIGKILL while running $second (after emailing $first)"
wait "${pods[1]}" "${pods[2]}" || true
wait "${pods[0]}" 2>/dev/null || true
echo "shard 0 retried (same arguments, --resume):"
pod shard-0-retry 0
wait "${pods[3]}"

echo
for name in shard-0 shard-1 shard-2 shard-0-retry; do
  echo "$name: $(grep -o 'shard [0-9]/3: .*' "$out/$name.log" | head -n 1)"
  grep -o "skipped: .*" "$out/$name.log" | sed 's/^/  /' || true
  sed 's/^/  /' "$out/$name.out"
done
echo
echo "emails received by the SMTP sink, per account (each exactly once):"
python3 Tests/integration/smtp_server.py inspect --out "$out/outbox" | python3 -c '
import collections, json, sys
counts = collections.Counter(item["message"]["subject"].split(" · ")[1] for item in json.load(sys.stdin))
for account, count in sorted(counts.items()):
    print(f"  {account}: {count}")
'
echo
echo "store check:"
"$bin/sms-report" store check --store "$store" | sed 's/^/  /'
echo
echo "reports: $out/reports/<account>/$period/   emails: $out/outbox/   logs: $out/shard-*.log"
