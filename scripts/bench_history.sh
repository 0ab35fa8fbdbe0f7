#!/usr/bin/env bash
# What the history costs, on the standard inputs of ../shared/bench/gen.py (part of `make bench`):
# 1. `report build` of the JUnit 1M file without and with history, interleaved ($RUNS times each,
#    default 3; best wall time, highest peak RSS): into a fresh history (its million test names
#    are written too), again as a new run of the same suite (names known: only results), and as
#    a run where one test was renamed (the names of one bucket of keys are written).
# 2. `report weekly` on a history of 1,000 runs of 10,000 tests (made by the hidden
#    `report history generate`, one run an hour, through the store like any run): the default
#    7-day period (168 runs) and the whole history.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gen="${GEN:-$root/../shared/bench/gen.py}"
dir="${BENCH_DIR:-$root/.build-bench}"
report="${REPORT:-$root/.build/release/report}"
runs="${RUNS:-3}"
[ -x "$report" ] || (cd "$root" && make release >/dev/null)
mkdir -p "$dir"

measure() {  # measure CMD... → "seconds peak_MiB" of one run
  local t start end
  t=$(mktemp)
  start=$(date +%s%N)
  /usr/bin/time -o "$t" -f "%M" "$@" >"$dir/.stdout" 2>&1 || { cat "$dir/.stdout" >&2; rm -f "$t"; return 1; }
  end=$(date +%s%N)
  awk -v ns="$((end - start))" -v kb="$(tail -1 "$t")" 'BEGIN{printf "%.2f %.0f", ns / 1e9, kb / 1024}'
  rm -f "$t"
}
best() {  # best "s mib" lines → best time, highest peak
  sort -n | awk 'NR==1{t=$1} {if ($2>m) m=$2} END{printf "%.2f %.0f", t, m}'
}

if [ -f "$gen" ]; then
  [ -f "$dir/junit_1M.xml" ] || python3 "$gen" junit 1000000 "$dir/junit_1M.xml" >/dev/null
  # The same suite with its first test renamed.
  sed '0,/\(<testcase [^>]* name="\)\([^"]*\)"/s//\1\2-renamed"/' "$dir/junit_1M.xml" >"$dir/junit_1M_renamed.xml"
  out="$dir/history-out"
  no="" fresh="" again="" renamed=""
  for i in $(seq "$runs"); do
    rm -rf "$out"
    no+="$(measure "$report" build "$dir/junit_1M.xml" --out "$out" --run-id nh --now 0 --no-history)"$'\n'
    fresh+="$(measure "$report" build "$dir/junit_1M.xml" --out "$out" --run-id first --now 0)"$'\n'
    again+="$(measure "$report" build "$dir/junit_1M.xml" --out "$out" --run-id "again$i" --now 1)"$'\n'
    renamed+="$(measure "$report" build "$dir/junit_1M_renamed.xml" --out "$out" --run-id "renamed$i" --now 2)"$'\n'
  done
  read -r nt nm <<<"$(printf '%s' "$no" | best)"
  read -r ft fm <<<"$(printf '%s' "$fresh" | best)"
  read -r at am <<<"$(printf '%s' "$again" | best)"
  read -r rt rm <<<"$(printf '%s' "$renamed" | best)"
  printf '%-44s %8s %9s %8s\n' "JUnit 1M build" wall_s peak_MiB vs_none
  printf '%-44s %8s %9s %8s\n' "  --no-history" "$nt" "$nm" ""
  printf '%-44s %8s %9s %+7.0f%%\n' "  history, new set of tests (names written)" "$ft" "$fm" "$(awk -v a="$ft" -v b="$nt" 'BEGIN{print (a/b-1)*100}')"
  printf '%-44s %8s %9s %+7.0f%%\n' "  history, the same suite again" "$at" "$am" "$(awk -v a="$at" -v b="$nt" 'BEGIN{print (a/b-1)*100}')"
  printf '%-44s %8s %9s %+7.0f%%\n' "  history, one test renamed" "$rt" "$rm" "$(awk -v a="$rt" -v b="$nt" 'BEGIN{print (a/b-1)*100}')"
  for f in junit_1M junit_1M_renamed; do
    echo "  REPORT_TIMINGS=1, $f into that history:"
    REPORT_TIMINGS=1 "$report" build "$dir/$f.xml" --out "$out" --run-id "timed-$f" --now 3 2>&1 >/dev/null | grep 'timing: history' | sed 's/^/    /'
  done
else
  echo "bench: no generator at $gen; skipping the 1M build"
fi

hist="$dir/weekly-1000x10000.sqlite"
if [ ! -f "$hist" ]; then
  start=$(date +%s%N)
  "$report" history generate --history "$hist" --runs 1000 --tests 10000 --start 1767225600 --every 3600 >/dev/null
  printf 'generated 1,000 runs x 10,000 tests in %.1f s (%s MiB)\n' "$(awk -v ns="$(($(date +%s%N) - start))" 'BEGIN{print ns/1e9}')" "$(($(stat -c %s "$hist") / 1048576))"
fi
last=$((1767225600 + 999 * 3600))
week="" all=""
for i in $(seq "$runs"); do
  week+="$(measure "$report" weekly --history "$hist" --now "$last" --out "$dir/weekly-out")"$'\n'
  all+="$(measure "$report" weekly --history "$hist" --since 1767225600 --now "$last" --out "$dir/weekly-out")"$'\n'
done
printf '%-44s %8s %9s\n' "report weekly, 1,000 runs x 10,000 tests" wall_s peak_MiB
printf '%-44s %8s %9s\n' "  last 7 days (168 runs, 1.68M results)" $(printf '%s' "$week" | best)
printf '%-44s %8s %9s\n' "  all 1,000 runs (10M results)" $(printf '%s' "$all" | best)
