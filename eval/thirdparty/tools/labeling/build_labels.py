"""Writes eval/thirdparty/labels.tsv from labels_def.py: the record of the hand labeling.

labels_def.py holds, per log dir, the labels written after reading that dir's failures: an ordered
list of (pattern of an error message that was read, category, reason) and per-test overrides. It
is not a classifier: each list applies only to the log dir it names, and any failure whose message
was not read and matched stops the build (UNMATCHED) until a person reads and labels it. After
make_thirdparty.sh runs again, run this and read what it reports. It also does the sampling."""
import math, os, re, sys, xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from failures import failures_of
import labels_def as L

LOGS = os.path.join(HERE, "..", "..", "logs")

def node_failures(d):
    out = []
    root = ET.parse(os.path.join(d, "junit.xml")).getroot()
    for tc in root.iter("testcase"):
        f = tc.find("failure")
        if f is None:
            f = tc.find("error")
        if f is None:
            continue
        tid = f'{tc.get("classname")}::{tc.get("name")}'
        out.append((tid, "FAILED", "", [f.get("message") or ""], f.text or ""))
    return out

def signature(f):
    es = f[3]
    return re.sub(r"\d+", "N", " || ".join(es[-2:])[:160])

def sample(items, cap):
    """Stratified by error message: each distinct message kept at least once, the rest in
    proportion to its size, evenly spaced within it; output in log order."""
    n = len(items)
    if cap is None or n <= cap:
        return items
    groups = {}
    for i, f in enumerate(items):
        groups.setdefault(signature(f), []).append(i)
    keep = set()
    for sig, idx in groups.items():
        k = max(1, round(cap * len(idx) / n))
        k = min(k, len(idx))
        keep.update(idx[math.floor(j * len(idx) / k)] for j in range(k))
    return [items[i] for i in sorted(keep)]

rows, bad = [], 0
stats = {}
for d, rules in L.RULES.items():
    path = os.path.join(LOGS, d)
    if not os.path.exists(path):
        print("MISSING LOG", d); continue
    fs = node_failures(path) if d.startswith("node-") else failures_of(path)
    kept = sample(fs, L.CAP.get(d))
    stats[d] = (len(fs), len(kept))
    for tid, outcome, loc, es, text in kept:
        key = (d, tid)
        if key in L.OVERRIDE:
            cat, reason = L.OVERRIDE[key]
        else:
            hay = "\n".join([tid, outcome, loc] + es)
            for rx, cat, reason in rules:
                mm = re.search(rx, hay, re.S)
                if mm:
                    if mm.groups():
                        reason = reason.replace("{1}", mm.group(1) or "")
                    break
            else:
                print("UNMATCHED", d, tid, "|", loc, "|", " || ".join(es)[:400]); bad += 1
                continue
        assert cat in ("infrastructure", "auth", "routing", "logic"), cat
        assert "\t" not in reason and "\n" not in reason
        rows.append((d, tid, cat, reason))
missing = [d for d in os.listdir(LOGS) if d not in L.RULES]
for d in sorted(missing):
    print("NO RULES for", d)
if bad:
    sys.exit(1)
sampled = "; ".join(f"{d} {k} of {n}" for d, (n, k) in stats.items() if k < n)
with open(os.path.join(HERE, "..", "..", "labels.tsv"), "w") as f:
    import textwrap
    f.write(L.HEADER.replace("SAMPLED", ""))
    for line in textwrap.wrap(sampled, 96):
        f.write("#   " + line + "\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
for d, (n, k) in stats.items():
    print(f"{d:42s} failures={n:4d} labeled={k:4d}")
print("rows", len(rows))
