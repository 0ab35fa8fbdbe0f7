#!/usr/bin/env bash
# Regenerates Tests/Fixtures/ctrf/ with a real CTRF reporter: pytest-json-ctrf (PyPI), run over
# suites that talk to the loopback staging stand-in (examples/staging_server.py, 127.0.0.1 only).
#
# - staging.ctrf.json, staging-v.log, staging-junit.xml: ONE run of examples/suite written three
#   ways at once (CTRF, the -v console, JUnit XML), so tests can check the three merge into one run.
# - rerun.ctrf.json: a small suite run with pytest-rerunfailures (--reruns 1): a test that fails
#   once then passes (flaky, retryAttempts), one that fails every attempt, a fixture that cannot
#   connect (setup error), a skip and an xfail.
#
# The files in Tests/Fixtures/ctrf/handwritten/ are NOT made here: they are edge cases written by
# hand (see the README there). Committed, so tests need none of these tools.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures/ctrf"
mkdir -p "$out"
python3 -c 'import ctrf.main' 2>/dev/null || python3 -m pip install -q pytest-json-ctrf
python3 -c 'import pytest_rerunfailures' 2>/dev/null || python3 -m pip install -q pytest-rerunfailures

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$root/examples/staging_server.py" "$port" >/dev/null 2>&1 &
server=$!
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s -o /dev/null "$base/health" && break; sleep 0.1; done
export STAGING_URL="$base"

# One run, three artifacts.
(cd "$root/examples/suite" && python3 -m pytest -p no:cacheprovider -p no:rerunfailures -v \
  --junitxml="$out/staging-junit.xml" --ctrf "$out/staging.ctrf.json" .) > "$out/staging-v.log" 2>&1 || true

# Retries: pytest-rerunfailures runs a failed test again; the CTRF reporter records each attempt.
mkdir -p "$work/suite"
cat > "$work/suite/conftest.py" <<'PY'
import os
import socket

import pytest
import requests

BASE_URL = os.environ["STAGING_URL"]


@pytest.fixture
def queue_client():
    # The queue of this environment is not running: setup fails before the test.
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return requests.get(f"http://127.0.0.1:{port}/ping", timeout=2)
PY
cat > "$work/suite/test_retries.py" <<'PY'
import os
import pathlib

import pytest
import requests

BASE_URL = os.environ["STAGING_URL"]
ATTEMPTS = pathlib.Path(os.environ["ATTEMPTS_FILE"])


def test_orders_recover_on_retry():
    # The first attempt meets the dead upstream (503); the rerun reads a healthy endpoint.
    n = int(ATTEMPTS.read_text()) if ATTEMPTS.exists() else 0
    ATTEMPTS.write_text(str(n + 1))
    path = "/api/orders" if n == 0 else "/health"
    requests.get(BASE_URL + path, timeout=2).raise_for_status()


def test_profile_token_expired():
    resp = requests.get(BASE_URL + "/api/profile", headers={"Authorization": "Bearer not-a-real-token-0001"}, timeout=2)
    assert resp.status_code == 200, f"got {resp.status_code}: {resp.json()['message']}"


def test_queue_depth(queue_client):
    assert queue_client.json()["depth"] == 0


def test_health():
    assert requests.get(BASE_URL + "/health", timeout=2).status_code == 200


@pytest.mark.skip(reason="staging environment unavailable: QUEUE_URL not set")
def test_queue_publish():
    pass


@pytest.mark.xfail(reason="known bug: order totals rounded twice (JIRA-2211)")
def test_order_total_rounding():
    order = requests.get(BASE_URL + "/api/orders/1001", timeout=2).json()
    assert order["total"] == 100
PY
(cd "$work/suite" && ATTEMPTS_FILE="$work/attempts" python3 -m pytest -p no:cacheprovider --reruns 1 \
  --ctrf "$out/rerun.ctrf.json" .) > /dev/null 2>&1 || true

# Loopback ports and temporary folders are not part of what the fixtures show.
sed -i "s/$port/8080/g; s|$work/suite|/tmp/suite|g; s|$out|Tests/Fixtures/ctrf|g" "$out"/*.json "$out"/*.log "$out"/*.xml
ls -l "$out"
