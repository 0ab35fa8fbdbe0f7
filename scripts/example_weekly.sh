#!/usr/bin/env bash
# The example weekly review (reports/example-weekly/): eight daily builds of the two example
# runs into a throwaway history (examples/baseline, the suite run while staging was down, on
# days 1, 4 and 7; examples/logs on the other days), then `report weekly` over them.
# The test that keeps reports/example-weekly/ current runs this same script.
# Usage: scripts/example_weekly.sh REPORT OUT     (OUT receives weekly.md, weekly.html, weekly.json)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for d in 1 2 3 4 5 6 7 8; do
  logs=$([ $((d % 3)) = 1 ] && echo baseline || echo logs)
  "$report" build "$root/examples/$logs" --out history --run-id "day$d" --now "2026-01-0${d}T09:00:00Z" --format json >/dev/null
done
"$report" weekly --history history/history.sqlite --since 2026-01-01 --until 2026-01-08 --now 2026-01-08T12:00:00Z --out "$out" >/dev/null
