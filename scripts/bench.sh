#!/usr/bin/env bash
# Wall time and peak memory of `report build` on the standard inputs of ../shared/bench/gen.py,
# next to the floor on the same file: `xmllint --stream --noout` for XML, `grep -c` for text.
# Each command runs $RUNS times (default 3): the best wall time and the highest peak are shown.
# Inputs are generated once into $BENCH_DIR (default .build-bench/, git-ignored).
# files_2000 is 2,000 JUnit files of 500 tests (seeds 1..2000): its floor is an `xmllint --stream`
# loop over them, and its cores column is (user + sys) / wall of the build.
# Usage: scripts/bench.sh [junit_100k junit_1M pytest_1M curl_100k files_2000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gen="${GEN:-$root/../shared/bench/gen.py}"
dir="${BENCH_DIR:-$root/.build-bench}"
report="${REPORT:-$root/.build/release/report}"
[ -x "$report" ] || (cd "$root" && make release >/dev/null)
[ -f "$gen" ] || { echo "bench: no generator at $gen"; exit 0; }
command -v xmllint >/dev/null || { echo "bench: xmllint missing (apt-get install libxml2-utils)"; exit 1; }
mkdir -p "$dir"

declare -A spec=([junit_100k]="junit 100000 junit_100k.xml" [junit_1M]="junit 1000000 junit_1M.xml"
                 [pytest_1M]="pytest 1000000 pytest_1M.txt" [curl_100k]="curl 100000 curl_100k.txt")
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(junit_100k junit_1M pytest_1M curl_100k files_2000)

measure() {  # measure CMD... → "seconds peak_MiB": best wall time of $RUNS runs (ns clock), highest peak RSS
  local t start end best="" peak=0 ns kb
  t=$(mktemp)
  for _ in $(seq "${RUNS:-3}"); do
    start=$(date +%s%N)
    # Not /dev/null: GNU grep sees it and stops at the first match.
    /usr/bin/time -o "$t" -f "%M" "$@" >"$dir/.stdout" 2>&1 || true
    end=$(date +%s%N)
    ns=$((end - start)); kb=$(tail -1 "$t")
    if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  rm -f "$t"
  awk -v ns="$best" -v kb="$peak" 'BEGIN{printf "%.2f %.0f", ns / 1e9, kb / 1024}'
}

cores() {  # cores CMD... → (user + sys) / wall of one run
  local t
  t=$(mktemp)
  /usr/bin/time -o "$t" -f "%e %U %S" "$@" >"$dir/.stdout" 2>&1 || true
  tail -1 "$t" | awk '{printf "%.2f", ($1 > 0 ? ($2 + $3) / $1 : 0)}'
  rm -f "$t"
}

files_2000() {  # the 2,000-file case: generated once, then build and loop floor side by side
  local files="$dir/files_2000"
  if [ ! -f "$files/.done" ]; then
    mkdir -p "$files"
    python3 - "$gen" "$files" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("gen", sys.argv[1]); gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)
for i in range(1, 2001):
    gen.write_junit(500, f"{sys.argv[2]}/f{i:04d}.xml", str(i))
PY
    touch "$files/.done"
  fi
  read -r rt rm <<<"$(measure "$report" build "$files" --out "$dir/out" --run-id files_2000 --now 0 --no-history)"
  local busy ft fm
  busy=$(cores "$report" build "$files" --out "$dir/out" --run-id files_2000 --now 0 --no-history)
  read -r ft fm <<<"$(measure sh -c 'for f in "$1"/*.xml; do xmllint --stream --noout "$f"; done' sh "$files")"
  printf '%-11s %7sMB | %-28s %9s %9s %8s | %-22s %9s %9s | %s\n' files_2000 "$(du -sm "$files" | cut -f1)" \
    "report build ($busy cores)" "$rt" "$rm" - "xmllint --stream loop" "$ft" "$fm" \
    "$(awk -v a="$rt" -v b="$ft" 'BEGIN{printf "%.1fx", (b > 0 ? a / b : 0)}')"
}

printf '%-11s %9s | %-28s %9s %9s %8s | %-22s %9s %9s | %s\n' case size tool wall_s peak_MiB warnings floor wall_s peak_MiB ratio
for c in "${cases[@]}"; do
  if [ "$c" = files_2000 ]; then files_2000; continue; fi
  read -r kind n file <<<"${spec[$c]}"
  [ -f "$dir/$file" ] || python3 "$gen" "$kind" "$n" "$dir/$file" >/dev/null
  size=$(du -m "$dir/$file" | cut -f1)
  read -r rt rm <<<"$(measure "$report" build "$dir/$file" --out "$dir/out" --run-id "$c" --now 0 --no-history)"
  # The warnings of one more run, so a parse regression cannot hide behind the timing.
  warnings=$("$report" build "$dir/$file" --out "$dir/out" --run-id "$c" --now 0 --no-history 2>&1 >/dev/null | grep -c 'warning:' || true)
  if [ "$kind" = junit ]; then
    floor="xmllint --stream --noout"
    read -r ft fm <<<"$(measure xmllint --stream --noout "$dir/$file")"
  else
    pattern=$([ "$kind" = pytest ] && echo "::" || echo "^< HTTP/")
    floor="grep -c '$pattern'"
    read -r ft fm <<<"$(measure grep -c "$pattern" "$dir/$file")"
  fi
  ratio=$(awk -v a="$rt" -v b="$ft" 'BEGIN{printf "%.1fx", (b > 0 ? a / b : 0)}')
  printf '%-11s %7sMB | %-28s %9s %9s %8s | %-22s %9s %9s | %s\n' "$c" "$size" "report build" "$rt" "$rm" "$warnings" "$floor" "$ft" "$fm" "$ratio"
  # report.json against its input (issue 11's target on JUnit 1M: <= 0.5x).
  awk -v j="$(stat -c %s "$dir/out/$c/report.json")" -v i="$(stat -c %s "$dir/$file")" \
    'BEGIN{printf "%-11s report.json %.1f MB = %.3fx the input (%.1f MB)\n", "", j / 1e6, j / i, i / 1e6}'
done
