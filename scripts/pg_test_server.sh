#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only: initdb in DIR, pg_ctl at a free
# port, password (SCRAM) login for the superuser `report` with the password in $PGPASSWORD.
# Run as root, the server runs as the `postgres` user (initdb refuses root).
#   scripts/pg_test_server.sh start DIR [PID]  prints the port; with PID, the server is also
#                                              stopped (and DIR removed) once process PID is gone
#   scripts/pg_test_server.sh createdb DIR NAME
#   scripts/pg_test_server.sh stop DIR       and removes DIR
# Exit 3 when the PostgreSQL binaries are absent (apt-get install postgresql).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "pg_test_server: no PostgreSQL binaries in /usr/lib/postgresql/*/bin" >&2; exit 3; }
cmd=$1 dir=$2
: "${PGPASSWORD:?pg_test_server: set PGPASSWORD}"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  printf '%s\n' "$PGPASSWORD" > "$dir/pw"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pw"
  as_owner "$bin/initdb" -D "$dir/data" -U report --pwfile="$dir/pw" -A scram-sha-256 -E UTF8 --no-sync >"$dir/initdb.log" 2>&1
  rm -f "$dir/pw"
  for _ in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
      if [ -n "${3:-}" ]; then
        # A watchdog, detached from the caller's pipes: a test process that dies leaves no server.
        setsid bash -c "while kill -0 $3 2>/dev/null; do sleep 2; done; '$0' stop '$dir'" </dev/null >/dev/null 2>&1 &
      fi
      echo "$port"
      exit 0
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
  ;;
createdb)
  port=$(head -4 "$dir/data/postmaster.pid" | tail -1)
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U report "$3"
  ;;
stop)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|createdb|stop DIR [NAME]" >&2; exit 64 ;;
esac
