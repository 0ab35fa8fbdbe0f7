#!/usr/bin/env bash
# Regenerates Tests/Fixtures/reallogs/: the log shapes real CI jobs write that were counted wrong,
# made by running real pytest on Tests/Fixtures/reallogs/suite (no network):
#   doctest.log, doctest-v.log   --doctest-modules ([doctest] headings next to pkg/mod.py::pkg.mod.func ids)
#   two-sessions.log             the suite, then a re-run after the fix, in one log
#   windows.log                  derived from a real plain run: progress lines and traceback paths with
#                                `\`, short summary with `/`, CRLF ends, as a Windows runner writes them
#   summary-only-utf16.log       derived: only the final summary line, UTF-16 with BOM and CRLF, as a
#                                Windows redirect of a CI step that keeps the tail saves it
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures/reallogs"
suite="$out/suite"
py() { (cd "$suite" && python3 -m pytest -p no:cacheprovider "$@") 2>&1 || true; }
py --doctest-modules pkg test_plain.py > "$out/doctest.log"
py -v --doctest-modules pkg test_plain.py > "$out/doctest-v.log"
{ py test_plain.py; FIXED=1 py test_plain.py; } > "$out/two-sessions.log"
py tests > "$out/plain-tests.log"
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
plain = open(f"{out}/plain-tests.log").read()
win = []
for line in plain.splitlines():
    if re.match(r"^tests/\S+\.py [.FEsxX]+", line) or re.match(r"^tests/\S+\.py:\d+: ", line):
        line = line.replace("/", "\\", line.index(" ") if " " in line else -1)
    win.append(line)
open(f"{out}/windows.log", "w", newline="").write("\r\n".join(win) + "\r\n")
last = open(f"{out}/doctest.log").read().strip().splitlines()[-1]
open(f"{out}/summary-only-utf16.log", "wb").write(("\r\n" + last + "\r\n").encode("utf-16"))
PY
rm "$out/plain-tests.log"
sed -i "s|$root/||g; s|/tmp/[^ ]*/||g" "$out"/doctest*.log "$out"/two-sessions.log "$out"/windows.log
echo "reallogs: $(ls "$out"/*.log | wc -l) logs"
