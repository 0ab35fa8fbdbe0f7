# Helpers for make_thirdparty.sh (sourced, not run).
# S    scratch dir outside the repo: sdists, extracted sources, venvs, per-run copies.
# OUT  eval/thirdparty/logs
PY=${PYTHON:-/usr/bin/python3}   # Debian python3 (3.11): its venvs are usable by the unprivileged user too
PG_BIN=/usr/lib/postgresql/15/bin
RUN_USER=evalrun   # unprivileged user for the read-only set-ups (root ignores file modes)

log() { printf '[thirdparty] %s\n' "$*" >&2; }

ensure_user() {
  id "$RUN_USER" >/dev/null 2>&1 || useradd -r -M -d /nonexistent -s /bin/bash "$RUN_USER"
}

# fetch_sdist DIST VERSION -> extracts to $S/src/<dir>, prints that dir
fetch_sdist() {
  local dist=$1 ver=$2 f
  mkdir -p "$S/sdists" "$S/src"
  f=$(ls "$S/sdists" 2>/dev/null | grep -i -E "^${dist//-/[-_]}-${ver}\.tar\.gz$" | head -1 || true)
  if [ -z "$f" ]; then
    (cd "$S/sdists" && python3 -m pip download -q --disable-pip-version-check --no-binary :all: --no-deps "$dist==$ver" >&2)
    f=$(ls "$S/sdists" | grep -i -E "^${dist//-/[-_]}-${ver}\.tar\.gz$" | head -1)
  fi
  local top; top=$(tar tzf "$S/sdists/$f" | head -1 | cut -d/ -f1)
  [ -d "$S/src/$top" ] || tar xzf "$S/sdists/$f" -C "$S/src"
  echo "$S/src/$top"
}

# mkvenv NAME REQFILE [extra pip args...] -> venv at $S/venv/NAME with the pinned requirements
mkvenv() {
  local name=$1 req=$2; shift 2
  local v=$S/venv/$name
  if [ ! -x "$v/bin/python" ] || [ "${REBUILD_VENVS:-0}" = 1 ]; then
    rm -rf "$v"
    "$PY" -m venv "$v"
    "$v/bin/pip" install -q --disable-pip-version-check -r "$req" "$@" >&2
  fi
}

# fresh_copy SRC NAME -> a fresh copy of an extracted sdist at $S/run/NAME (each run gets its own,
# so a set-up's edits such as replaced certificates never leak into another run)
fresh_copy() {
  local src=$1 name=$2
  rm -rf "$S/run/$name"; mkdir -p "$S/run"
  cp -a "$src" "$S/run/$name"
  echo "$S/run/$name"
}

# in_netns LOGNAME BODY: runs BODY with bash inside a new network namespace holding only loopback.
# NS_MOUNT=1 also gives it a private mount namespace (for read-only mounts).
# BODY sees LOG (the log dir), W (the run's source copy, if set), V (venv) and whatever the caller exported.
in_netns() {
  local name=$1 body=$2
  export LOG=$OUT/$name
  rm -rf "$LOG"; mkdir -p "$LOG"
  log "run $name"
  # the helper functions are handed over as an argument, not exported: exported functions and a
  # multi-line body would show up in the environment the suites see (plumbum's test_env reads it)
  unshare --net ${NS_MOUNT:+--mount} bash -c 'ip link set lo up; eval "$1"; eval "$2"' _ \
    "$(declare -f pyt wait_port readonly_tmp pg_start pg_stop)" "$body" || true
  sanitize "$name"
}

# Replace scratch paths by stable relative prefixes (the same sed on every log, nothing else touched).
sanitize() {
  local name=$1 f
  for f in "$OUT/$name"/*; do
    [ -f "$f" ] || continue
    sed -i "s|$S/run/$name|src|g; s|$S/venv/|venv/|g; s|$S|scratch|g; s|${OUT%/logs}|eval/thirdparty|g" "$f"
  done
}

# pytest ARGS...: the standard invocation; writes $LOG/console.log (run from the cwd the body chose)
PYTEST_TIMEOUT=${PYTEST_TIMEOUT:-900}
pyt() {
  /usr/bin/timeout "$PYTEST_TIMEOUT" "$V/bin/python" -m pytest -v -rA -p no:cacheprovider "$@" > "$LOG/console.log" 2>&1
  echo "exit=$?" > "$LOG/exit_code"
}

wait_port() { # wait_port PORT: until something accepts on 127.0.0.1:PORT (max ~10 s)
  local i; for i in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1
}

# readonly_tmp: inside a private mount namespace, make every directory Python's tempfile would fall
# back to (/tmp, /var/tmp) a read-only empty tmpfs. Used by the read-only set-ups.
readonly_tmp() {
  mount -t tmpfs -o ro,mode=0755 tmpfs /tmp && mount -t tmpfs -o ro,mode=0755 tmpfs /var/tmp
}

# PostgreSQL 15 cluster for the psycopg2 and SQLAlchemy set-ups: initdb once under $S/pg (owned by
# the postgres user), password (scram) auth for user evaltest/evaltest-pw on 127.0.0.1 only.
PGPORT_EVAL=55432
pg_init() {
  local d=$S/pg/data
  [ -f "$d/PG_VERSION" ] && return 0
  mkdir -p "$S/pg"; chown postgres: "$S/pg"
  echo 'postgres-pw' > "$S/pg/pwfile"; chown postgres: "$S/pg/pwfile"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$d" -U postgres --pwfile="$S/pg/pwfile" -A scram-sha-256 >/dev/null
  cat > "$S/pg/init.sql" <<'SQL'
CREATE ROLE evaltest LOGIN SUPERUSER PASSWORD 'evaltest-pw';
CREATE DATABASE psycopg2_test OWNER evaltest;
CREATE DATABASE sqla_test OWNER evaltest;
\c sqla_test
CREATE SCHEMA test_schema AUTHORIZATION evaltest;
CREATE SCHEMA test_schema_2 AUTHORIZATION evaltest;
CREATE EXTENSION hstore;
SQL
  chown postgres: "$S/pg/init.sql"
  unshare --net bash -c "ip link set lo up; $(declare -f pg_start pg_stop wait_port); PG_BIN=$PG_BIN S=$S PGPORT_EVAL=$PGPORT_EVAL; pg_start && PGPASSWORD=postgres-pw $PG_BIN/psql -q -h 127.0.0.1 -p $PGPORT_EVAL -U postgres -f $S/pg/init.sql postgres; pg_stop"
}
# pg_start / pg_stop: used inside a namespace body (listens on 127.0.0.1 only, socket in the cluster dir)
pg_start() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -l "$S/pg/server.log" -w \
    -o "-p $PGPORT_EVAL -c listen_addresses=127.0.0.1 -k $S/pg -c fsync=off" start >/dev/null
}
pg_stop() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -m fast -w stop >/dev/null; }

# tools venv (cryptography) for expire_cert.py
tools_python() {
  mkvenv tools "$here/requirements/tools.txt"
  echo "$S/venv/tools/bin/python"
}

# apply_patch DIR NAME: the "regression" set-ups inject a one-line bug (patches/NAME.patch) into the
# package source of a run's copy; the run then imports the package from that copy (PYTHONPATH=src).
apply_patch() { patch -s -p1 -d "$1" < "$here/patches/$2.patch"; }
