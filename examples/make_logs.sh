#!/usr/bin/env bash
# Regenerates examples/logs/: the raw artifacts of one real run against a loopback stand-in for a
# broken staging environment (examples/staging_server.py). Needs python3 with pytest and requests,
# and curl. Everything talks to 127.0.0.1 only. The output is committed so `make demo` works
# without pytest; run this again only to refresh it.
set -euo pipefail
cd "$(dirname "$0")"
out=logs
rm -rf "$out" && mkdir -p "$out"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 staging_server.py "$port" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s -o /dev/null "$base/health" && break; sleep 0.1; done

closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdGFnaW5nLWUyZS11c2VyLTAwMyIsImV4cCI6MTc1NzM2NTg2N30.c2lnbmF0dXJlLW5vdC1yZWFsLWJ1dC1sb25nLWVub3VnaC10by1sb29rLXJlYWw"

# pytest: verbose console with locals (-l) and every outcome's report (-rA), plus JUnit XML.
(cd suite && STAGING_URL="$base" python3 -m pytest -v -l -rA -p no:cacheprovider \
  --junitxml="../$out/junit.xml" -o junit_family=xunit1 . > "../$out/pytest-console.log" 2>&1) || true

# curl -v: a CI log where each call is echoed by `set -x`.
{
  set -x
  curl -sS -v "$base/health" 2>&1 || true
  curl -sS -v -H "Authorization: Bearer $token" "$base/api/profile" 2>&1 || true
  curl -sS -v "$base/api/orders" 2>&1 || true
  curl -sS -v "$base/api/v2/sessions/current" 2>&1 || true
  curl -sS -v -m 1 "$base/api/reports/slow" 2>&1 || true
  curl -sS -v "http://127.0.0.1:$closed/search?q=staging" 2>&1 || true
  { set +x; } 2>/dev/null
} > "$out/ci-curl-verbose.log" 2>&1

# --trace-ascii: the long Authorization header wraps over two dump lines.
curl -sS -o /dev/null --trace-ascii "$out/curl-admin-trace.txt" \
  -H "Authorization: Bearer $token" "$base/api/admin/stats?api_key=EXAMPLE-not-a-real-key-0042" || true

# -w '%{json}': one timing object per request.
for path in /health /api/users/42 /api/orders /api/admin/stats /api/v2/sessions/current; do
  curl -s -o /dev/null -w '%{json}\n' "$base$path" || true
done > "$out/curl-timings.jsonl"

echo "wrote $(ls "$out" | wc -l) files to examples/$out"
