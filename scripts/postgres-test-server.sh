#!/usr/bin/env bash
# A throwaway PostgreSQL server for the history store's tests, on 127.0.0.1 only.
#
#   scripts/postgres-test-server.sh start   # initdb on first use, then start (fine when running)
#   scripts/postgres-test-server.sh stop
#   scripts/postgres-test-server.sh url     # postgres://sms_report@127.0.0.1:54329/postgres
#   eval "$(scripts/postgres-test-server.sh env)"   # exports the URL and password for `swift test`
#
# The role sms_report logs in with a password (scram-sha-256) that is generated once
# and kept in $PG_TEST_DIR/password, readable by its owner only. The `env` command
# prints a command that reads that file, never the password itself.
set -euo pipefail

PG_TEST_DIR="${PG_TEST_DIR:-/tmp/sms-report-pg}"
PG_TEST_PORT="${PG_TEST_PORT:-54329}"
PG_TEST_ROLE=sms_report
DATA_DIR="$PG_TEST_DIR/data"
PASSWORD_FILE="$PG_TEST_DIR/password"
URL="postgres://$PG_TEST_ROLE@127.0.0.1:$PG_TEST_PORT/postgres"

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ]; then
    echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): run scripts/setup.sh" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a command as the postgres OS user (the server refuses to run as root).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_running() {
  [ -f "$DATA_DIR/postmaster.pid" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

initialise() {
  local bin; bin=$(pg_bin)
  mkdir -p "$PG_TEST_DIR"
  chmod 755 "$PG_TEST_DIR"
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$PASSWORD_FILE")
  fi
  mkdir -p "$DATA_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA_DIR"
  chmod 700 "$DATA_DIR"
  # The superuser's password file is handed to initdb by a file the postgres user can
  # read for the moment it runs; the password never reaches a command line.
  local init_password="$PG_TEST_DIR/init-password"
  (umask 077; cp "$PASSWORD_FILE" "$init_password")
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$init_password"
  as_postgres "$bin/initdb" -D "$DATA_DIR" -U "$PG_TEST_ROLE" --pwfile="$init_password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$init_password"
  cat >> "$DATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_TEST_PORT
unix_socket_directories = '$DATA_DIR'
fsync = off
max_connections = 200
CONF
}

start() {
  [ -f "$DATA_DIR/PG_VERSION" ] || initialise
  if is_running; then
    return 0
  fi
  touch "$PG_TEST_DIR/server.log"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TEST_DIR/server.log"
  as_postgres "$(pg_bin)/pg_ctl" -D "$DATA_DIR" -l "$PG_TEST_DIR/server.log" -w -t 60 start >/dev/null
  echo "PostgreSQL for tests: $URL (password in $PASSWORD_FILE)"
}

stop() {
  if is_running; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$DATA_DIR" -w -m fast stop >/dev/null
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  env)
    echo "export SMS_REPORT_TEST_POSTGRES_URL='$URL'"
    echo "export SMS_REPORT_TEST_POSTGRES_PASSWORD=\"\$(cat '$PASSWORD_FILE')\""
    ;;
  *) echo "usage: $0 start|stop|url|env" >&2; exit 2 ;;
esac
