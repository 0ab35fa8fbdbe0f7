# SQLAlchemy: SQL toolkit/ORM; its own pytest plugin runs the suite against the database named by
# --dburi: in-memory/file SQLite, and PostgreSQL 15 started here on 127.0.0.1 (psycopg2 driver).
# Upstream's addopts apply (--tb native, --maxfail=250, DeprecationWarnings from sqlalchemy are errors).
VER=2.1.9
setup() {
  SRC=$(fetch_sdist sqlalchemy $VER)
  mkvenv sqlalchemy "$here/requirements/sqlalchemy.txt" "$SRC"
  export V=$S/venv/sqlalchemy
  pg_init
}
export SQLA_PG="postgresql+psycopg2://evaltest:evaltest-pw@127.0.0.1:$PGPORT_EVAL/sqla_test"
# a subset of the PostgreSQL dialect tests (the whole directory is ~10k tests and a 3 MB log)
export SQLA_PG_TESTS="test/dialect/postgresql/test_dialect.py test/dialect/postgresql/test_query.py"
run_sqlite() {
  export W=$(fresh_copy "$SRC" sqlalchemy-sqlite)
  in_netns sqlalchemy-sqlite 'cd "$W" && pyt -p no:randomly test/dialect/sqlite test/engine/test_reconnect.py --junitxml="$LOG/junit.xml"'
}
run_pg_healthy() {
  export W=$(fresh_copy "$SRC" sqlalchemy-pg-healthy)
  in_netns sqlalchemy-pg-healthy 'pg_start; cd "$W" && pyt -p no:randomly --dburi "$SQLA_PG" $SQLA_PG_TESTS; pg_stop'
}
# (a "server down" set-up was tried and dropped: SQLAlchemy's plugin connects at session start, so a
# stopped server gives one INTERNALERROR and no per-test failures)
runs() { run_sqlite; run_pg_healthy; }
