#!/usr/bin/env bash
# Regenerates Tests/Fixtures/classify/: failure shapes of third-party suites (issue 12), made by
# running real pytest (with pytest-rerunfailures and pytest-json-ctrf) on
# Tests/Fixtures/classify/suite, offline:
#   long.log, long.xml   -v -rA, default tracebacks: log records compared with a 301 inside, a 301
#                        looked for in caplog.text, a failure plus a teardown error whose text is
#                        the cause, a warning summary with pytest's docs URL, a RERUN then PASSED
#   native.log           the same with --tb=native (no E lines: Python's own traceback format)
#   flaky.ctrf.json      the flaky test alone, CTRF with its failed attempt (retryAttempts)
#   timing.xml           five passes over a second and one that returns at once (too fast)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures/classify"
py() { (cd "$out/suite" && python3 -m pytest -p no:cacheprovider -p no:randomly --rootdir=. "$@") 2>&1 || true; }
py -v -rA test_shapes.py --junitxml="$out/long.xml" > "$out/long.log"
py -v -rA --tb=native test_shapes.py > "$out/native.log"
py -q test_shapes.py -k flaky --ctrf "$out/flaky.ctrf.json" > /dev/null
py -q test_timing.py --junitxml="$out/timing.xml" > /dev/null
# Paths and host names of the machine that ran them are not part of the shapes.
sed -i "s|$out/suite/||g; s|$out/||g; s|$root/||g; s|hostname=\"[^\"]*\"|hostname=\"ci\"|g" "$out"/*.log "$out"/*.xml "$out"/*.json
echo "classify fixtures: $(ls "$out" | wc -l) files"
