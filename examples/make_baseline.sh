#!/usr/bin/env bash
# Regenerates examples/baseline/: the same suite as examples/logs, run earlier, while the
# staging stand-in was not up at all (its port closed). `report build examples/logs --baseline
# examples/baseline` compares the two. pytest and requests, 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")"
out=baseline
rm -rf "$out" && mkdir -p "$out"
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd suite && STAGING_URL="http://127.0.0.1:$closed" python3 -m pytest -v -rA -p no:cacheprovider \
  --junitxml="../$out/junit.xml" -o junit_family=xunit1 . > "../$out/pytest-console.log" 2>&1) || true
echo "wrote $(ls "$out" | wc -l) files to examples/$out"
