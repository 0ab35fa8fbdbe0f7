#!/usr/bin/env python3
"""Checks `report build` against the real-world corpus in ../shared/corpus (when it exists).

For every row of EXPECTED.tsv: the file is built alone; the build must exit 0 (or 66 for files
that hold no test artifact) without a crash, and tests/failures/errors/skipped must match, unless
the row is listed in scripts/conformance-known.tsv with the reason we differ on purpose.
Prints one line per mismatch and the share of exact rows; exits 1 on any crash or unexplained
mismatch, or when the exact share falls below --target.

Usage: scripts/conformance.py [--report PATH_TO_BINARY] [--corpus DIR]
"""
import argparse, csv, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_known():
    known = {}
    path = os.path.join(HERE, "conformance-known.tsv")
    with open(path, newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#"):
                known[row[0]] = row[1] if len(row) > 1 else ""
    return known


def as_int(s):
    return int(s) if s.strip().lstrip("-").isdigit() else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", default=os.path.join(ROOT, ".build", "release", "report"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--target", type=float, default=90.0, help="floor for the exact share; any unexplained row fails regardless")
    args = ap.parse_args()
    expected_path = os.path.join(args.corpus, "EXPECTED.tsv")
    if not os.path.exists(expected_path):
        print(f"conformance: no corpus at {args.corpus}; skipped")
        return 0
    known = load_known()
    rows = list(csv.DictReader(open(expected_path, newline=""), delimiter="\t"))
    exact = known_diff = 0
    failures = []
    with tempfile.TemporaryDirectory() as out:
        for n, row in enumerate(rows):
            rel = row["local_file"]
            path = os.path.join(args.corpus, rel)
            proc = subprocess.run([args.report, "build", path, "--out", out, "--run-id", f"r{n}", "--now", "0"],
                                  capture_output=True, text=True, timeout=120)
            if proc.returncode not in (0, 66) or "Fatal error" in proc.stderr:
                failures.append(f"CRASH  {rel}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
                continue
            if proc.returncode == 66:
                got = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
                warned = proc.stderr.strip().splitlines()
            else:
                report = json.load(open(os.path.join(out, f"r{n}", "report.json")))
                t = report["totals"]
                got = {"tests": t["tests"], "failures": t["failed"], "errors": t["errors"],
                       "skipped": t["skipped"] + t["xfailed"]}
                warned = [w["message"] for i in report["inputs"] for w in i["warnings"]]
            want = {k: as_int(row[k]) for k in ("tests", "failures", "errors", "skipped")}
            unparseable = "UNPARSEABLE" in row["source"]
            if unparseable:
                ok = any("malformed" in w or "ends" in w for w in warned)
                diff = [] if ok else ["expected a warning naming the damage"]
            else:
                diff = [f"{k} {got[k]} != {v}" for k, v in want.items() if v is not None and got[k] != v]
            if not diff:
                exact += 1
            elif rel in known:
                known_diff += 1
                print(f"known  {rel}: {', '.join(diff)} ({known[rel]})")
            else:
                failures.append(f"DIFF   {rel}: {', '.join(diff)}")
    for f in failures:
        print(f)
    share = 100.0 * exact / len(rows)
    print(f"conformance: {exact}/{len(rows)} rows exact ({share:.1f}%), {known_diff} known differences, "
          f"{len(failures)} unexplained")
    return 0 if share >= args.target and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
