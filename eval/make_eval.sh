#!/usr/bin/env bash
# Regenerates Tests/Fixtures/eval/: real pytest, node:test and curl runs against the loopback
# stand-in (eval/server.py, 127.0.0.1 only) that fail in every way the classifier knows, plus
# labels.tsv, the true category of each failure as its test declares it. Committed, so the
# evaluation test needs none of these tools.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures/eval"
rm -rf "$out" && mkdir -p "$out/logs"
python3 -c "import httpx, aiohttp, websockets, redis, psycopg, jwt, grpc" 2>/dev/null || python3 -m pip install -q requests httpx aiohttp websockets redis "psycopg[binary]" pyjwt grpcio 2>&1 | grep -v WARNING || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
python3 "$root/eval/server.py" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s -o /dev/null "$base/ok" && break; sleep 0.1; done

export EVAL_URL="$base" EVAL_CLOSED="http://127.0.0.1:$(free_port)" EVAL_LABELS="$out/labels.tsv"
: > "$EVAL_LABELS"
(cd "$root/eval/suite" && python3 -m pytest -p no:cacheprovider -v -rA --continue-on-collection-errors --junitxml="$out/logs/junit.xml" .) > "$out/logs/pytest-console.log" 2>&1 || true
# A collection error has no test item to carry a mark: its label is written here.
printf 'test_broken_import.py\tlogic\n' >> "$EVAL_LABELS"
(cd "$root/eval/node" && node --test --test-reporter=junit http.test.mjs) > "$out/logs/node-junit.xml" 2>/dev/null || true
# The staging checks a CI job runs beside the suite: the vague inventory failures name these endpoints.
for path in /api/inventory/counts /api/inventory/reserved /api/inventory/levels; do
  curl -sS -v "$base$path" 2>&1 || true
done > "$out/logs/curl-inventory.log"
sort -o "$EVAL_LABELS" "$EVAL_LABELS"
sed -i "s|$root/eval/suite|eval/suite|g; s|$root/eval/node|eval/node|g" "$out"/logs/*
echo "eval: $(wc -l < "$EVAL_LABELS") labels in $out"
