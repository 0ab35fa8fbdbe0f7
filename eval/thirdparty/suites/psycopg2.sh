# psycopg2: PostgreSQL driver; its sdist's tests/ (unittest, run with pytest) connect to a real
# PostgreSQL 15 started here on 127.0.0.1 (connections, cursors, COPY, async, notify, types, lobjects).
# The module under test comes from the psycopg2-binary wheel of the same version (the sdist needs
# libpq-dev to build); the tests come from the psycopg2 sdist.
VER=2.9.10
setup() {
  SRC=$(fetch_sdist psycopg2 $VER)
  mkvenv psycopg2 "$here/requirements/psycopg2.txt"
  export V=$S/venv/psycopg2
  pg_init
}
# the broken set-ups run a subset (all ~700 tests fail there, and the full log would be > 2 MB)
export PG_BROKEN_TESTS="tests/test_connection.py tests/test_cursor.py tests/test_async.py tests/test_notify.py tests/test_copy.py tests/test_lobject.py"
export PG_ENV="PSYCOPG2_TESTDB=psycopg2_test PSYCOPG2_TESTDB_HOST=127.0.0.1 PSYCOPG2_TESTDB_PORT=$PGPORT_EVAL PSYCOPG2_TESTDB_USER=evaltest"
run_healthy() {
  export W=$(fresh_copy "$SRC" psycopg2-healthy)
  in_netns psycopg2-healthy 'pg_start; cd "$W" && env $PG_ENV PSYCOPG2_TESTDB_PASSWORD=evaltest-pw bash -c "$(declare -f pyt); pyt tests --junitxml=\$LOG/junit.xml"; pg_stop'
}
# Broken: the database server is not running.
run_db_down() {
  export W=$(fresh_copy "$SRC" psycopg2-db-down)
  in_netns psycopg2-db-down 'cd "$W" && env $PG_ENV PSYCOPG2_TESTDB_PASSWORD=evaltest-pw bash -c "$(declare -f pyt); pyt $PG_BROKEN_TESTS"'
}
# Broken: the password the suite is given is wrong (server up, scram auth).
run_wrong_password() {
  export W=$(fresh_copy "$SRC" psycopg2-wrong-password)
  in_netns psycopg2-wrong-password 'pg_start; cd "$W" && env $PG_ENV PSYCOPG2_TESTDB_PASSWORD=not-the-password bash -c "$(declare -f pyt); pyt $PG_BROKEN_TESTS --junitxml=\$LOG/junit.xml"; pg_stop'
}
# Broken: the connection env vars are not set at all (server up): libpq falls back to its defaults
# (unix socket in /var/run/postgresql, user root).
run_missing_env() {
  export W=$(fresh_copy "$SRC" psycopg2-missing-env)
  in_netns psycopg2-missing-env 'pg_start; cd "$W" && pyt $PG_BROKEN_TESTS; pg_stop'
}
runs() { run_healthy; run_db_down; run_wrong_password; run_missing_env; }
