#!/usr/bin/env bash
# Fuzzes each input reader with libFuzzer (swiftc -sanitize=fuzzer,address): one target per
# format (junit, pytest, curl, ctrf), seeded from the fixtures and examples, FUZZ_SECONDS each
# (default 60). The readers are compiled from Sources/ReportKit/{Model,Ingest} (Ingest needs no
# later stage) with the entry in Fuzz/. A crash is saved to .build-fuzz/crash-<target>-* and fails
# the run; turn it into a regression test (Tests/ReportKitTests/DamagedInputTests.swift).
# Usage: scripts/fuzz.sh [junit pytest curl ctrf]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-60}"
out="$root/.build-fuzz"
mkdir -p "$out"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(junit pytest curl ctrf)
sources=(Sources/ReportKit/Model/*.swift)
while IFS= read -r f; do sources+=("$f"); done < <(find Sources/ReportKit/Ingest -name '*.swift' | sort)

declare -A entry=([junit]=FuzzJUnit [pytest]=FuzzPytest [curl]=FuzzCurl [ctrf]=FuzzCTRF)
declare -A seeds=(
  [junit]="Tests/Fixtures/pytest/*.xml Tests/Fixtures/swift/*.xml Tests/Fixtures/reallogs/*.xml Tests/Fixtures/secrets/*.xml examples/logs/*.xml"
  [pytest]="Tests/Fixtures/pytest/*.log Tests/Fixtures/reallogs/*.log Tests/Fixtures/secrets/*.log examples/logs/pytest-console.log"
  [curl]="Tests/Fixtures/curl/* examples/logs/ci-curl-verbose.log examples/logs/curl-*"
  [ctrf]="Tests/Fixtures/ctrf/*.json Tests/Fixtures/ctrf/handwritten/*.json"
)
status=0
for t in "${targets[@]}"; do
  bin="$out/fuzz-$t"
  if [ ! -x "$bin" ] || [ -n "$(find Sources/ReportKit/Model Sources/ReportKit/Ingest Fuzz -newer "$bin" -name '*.swift' | head -1)" ]; then
    echo "fuzz: building $t"
    swiftc -sanitize=fuzzer,address -parse-as-library -g -O -module-name ReportFuzz -use-ld=lld \
      "${sources[@]}" Fuzz/FuzzSupport.swift "Fuzz/${entry[$t]}.swift" -o "$bin"
  fi
  rm -rf "$out/seed-$t" && mkdir -p "$out/seed-$t" "$out/corpus-$t"
  # shellcheck disable=SC2086
  for f in ${seeds[$t]}; do [ -f "$f" ] && cp "$f" "$out/seed-$t/"; done
  log="$out/fuzz-$t.log"
  echo "fuzz: $t for ${seconds}s from $(ls "$out/seed-$t" | wc -l) seeds"
  if (cd "$out" && "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$out/crash-$t-" -print_final_stats=1 "corpus-$t" "seed-$t") > "$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    echo "fuzz: $t ok: $runs executions, $cov, corpus $(ls "$out/corpus-$t" | wc -l) units"
  else
    echo "fuzz: $t FOUND A CRASH (see $log and $out/crash-$t-*)"
    grep -m 5 -E 'ERROR|Fatal error|SUMMARY|precondition' "$log" || true
    status=1
  fi
done
exit $status
