#!/usr/bin/env bash
# Regenerates Tests/Fixtures/secrets/: real pytest runs (-v -l -rA, and --junitxml) of a suite
# that leaks fake credentials by their form only (Tests/Fixtures/secrets/suite). No network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures/secrets"
(cd "$out/suite" && python3 -m pytest -p no:cacheprovider -v -l -rA --junitxml="$out/junit.xml" .) > "$out/pytest-console.log" 2>&1 || true
sed -i "s|$root/||g" "$out/pytest-console.log" "$out/junit.xml"
echo "secrets: $(grep -c '::' "$out/pytest-console.log") test lines"
