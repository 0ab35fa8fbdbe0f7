#!/usr/bin/env python3
"""Scores `report` against the hand labels: accuracy per category and per suite, precision per
confidence, and every miss with the rule that decided it.

usage: score.py [--report BIN] [--logs DIR] [--misses]
Runs `report build <dir>/console.log <dir>/junit.xml --format json` per labeled log dir (nothing
else is read) and compares each labeled test's category. The Swift evaluation test
(Tests/ReportKitTests/ThirdPartyEvalTests.swift) is the gate; this is the reading aid.
"""
import argparse, collections, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, os.path.join(root, "../../scripts"))
import report_json  # the reference reader: report/3 leaves an evidence's text to its test's message
ap = argparse.ArgumentParser()
ap.add_argument("--report", default=os.path.join(root, "../../.build/release/report"))
ap.add_argument("--logs", default=None, help="unpacked logs (default: logs/, else logs.tar.xz unpacked to a temp dir)")
ap.add_argument("--misses", action="store_true")
a = ap.parse_args()
if a.logs is None:
    a.logs = os.path.join(root, "logs")
    if not os.path.isdir(a.logs):
        unpacked = tempfile.mkdtemp(prefix="thirdparty-")
        subprocess.run(["tar", "-xJf", os.path.join(root, "logs.tar.xz"), "-C", unpacked], check=True)
        a.logs = os.path.join(unpacked, "logs")

labels = collections.defaultdict(dict)
for line in open(os.path.join(root, "labels.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    d, tid, cat, reason = line.rstrip("\n").split("\t", 3)
    labels[d][tid] = (cat, reason)

right = collections.Counter(); total = collections.Counter()
suite_r = collections.Counter(); suite_t = collections.Counter()
conf_r = collections.Counter(); conf_t = collections.Counter()
misses = []
with tempfile.TemporaryDirectory() as out:
    for d in sorted(labels):
        files = [os.path.join(a.logs, d, f) for f in ("console.log", "junit.xml") if os.path.exists(os.path.join(a.logs, d, f))]
        subprocess.run([a.report, "build", *files, "--out", out, "--run-id", d, "--format", "json", "--quiet"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        doc = json.load(open(os.path.join(out, d, "report.json")))
        tests = {t["id"]: t for t in report_json.tests(doc)}
        suite = d.split("-")[0]
        for tid, (want, reason) in labels[d].items():
            t = tests.get(tid)
            got = t.get("category") if t else None
            c = (t or {}).get("classification") or {}
            conf = c.get("confidence", "none")
            total[want] += 1; suite_t[suite] += 1; conf_t[conf] += 1
            if got == want:
                right[want] += 1; suite_r[suite] += 1; conf_r[conf] += 1
            else:
                ev = (c.get("evidence") or [{}])[0].get("text", "")[:160]
                misses.append(f"{d}\t{tid}\twant {want}\tgot {got} ({c.get('rule')}, {conf})\t{ev}\t# {reason[:100]}")

n = sum(total.values()); r = sum(right.values())
print(f"third-party: {r}/{n} = {100*r/max(n,1):.1f}%")
for k in sorted(total):
    print(f"  {k}: {right[k]}/{total[k]} = {100*right[k]/total[k]:.1f}%")
print("per suite:")
for k in sorted(suite_t):
    print(f"  {k}: {suite_r[k]}/{suite_t[k]} = {100*suite_r[k]/suite_t[k]:.1f}%")
print("precision per confidence:")
for k in ("high", "medium", "low", "none"):
    if conf_t[k]:
        print(f"  {k}: {conf_r[k]}/{conf_t[k]} = {100*conf_r[k]/conf_t[k]:.1f}%")
if a.misses:
    print("\n".join(misses))
