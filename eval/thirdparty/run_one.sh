#!/usr/bin/env bash
# Runs one suite's set-ups: ./run_one.sh SUITE (sources lib.sh and suites/SUITE.sh). Used by make_thirdparty.sh.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export S=${SCRATCH:-/work/scratch/thirdparty}
export OUT=$here/logs
source "$here/lib.sh"
export PYTEST_TIMEOUT RUN_USER PG_BIN PGPORT_EVAL
source "$here/suites/$1.sh"
setup; shift
if [ $# -gt 0 ]; then for r in "$@"; do "run_$r"; done; else runs; fi
