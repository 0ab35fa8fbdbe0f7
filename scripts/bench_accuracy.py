#!/usr/bin/env python3
"""Accuracy of `report` on the failures of ../shared/bench/gen.py's JUnit file.

gen.py draws each failure from a category-specific template (make_failure); this script knows
the templates and so the true category of each message, and compares it with report.json.
Usage: scripts/bench_accuracy.py reports/<run>/report.json
"""
import collections
import json
import os
import re
import sys

TRUTH = [  # (pattern on the message, category), in gen.py's order
    (r"Connection refused|Read timed out|^TimeoutError|timed out after .* waiting for", "infrastructure"),
    (r"503 Server Error", "infrastructure"),
    (r"401 Client Error|403 Client Error|Signature has expired", "auth"),
    (r"404 Client Error|route not found", "routing"),
    (r"^assert \d+ == \d+|^KeyError|expected total .* EUR", "logic"),
]


def truth(message):
    m = re.sub(r'^failed on setup with "(.*)"$', r"\1", message or "", flags=re.S)
    for pattern, category in TRUTH:
        if re.search(pattern, m):
            return category
    return None


right, total, confusion = collections.Counter(), collections.Counter(), collections.Counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_json  # noqa: E402 (the reference reader: report/3 leaves a derivable message out)

with open(sys.argv[1]) as f:
    for t in report_json.tests(json.load(f)):
        if "classification" not in t:
            continue
        want = truth(t.get("message"))
        if want is None:
            continue
        total[want] += 1
        right[want] += t["category"] == want
        if t["category"] != want:
            confusion[(want, t["category"], t["classification"]["rule"])] += 1
n, r = sum(total.values()), sum(right.values())
print(f"bench accuracy: {r}/{n} = {100 * r / n:.2f}%")
for c in total:
    print(f"  {c}: {right[c]}/{total[c]}")
for k, v in confusion.most_common(5):
    print(f"  confused {v}: want {k[0]}, got {k[1]} ({k[2]})")
