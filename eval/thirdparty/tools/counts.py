"""Counts of eval/thirdparty/labels.tsv: per suite x category, per set-up, and tagged reasons."""
import collections, os, sys
path = os.path.join(os.path.dirname(__file__), "..", "labels.tsv")
rows = [l.rstrip("\n").split("\t") for l in open(path) if l.strip() and not l.startswith("#")]
cats = ["infrastructure", "auth", "routing", "logic"]
suite = lambda d: d.split("-")[0]
by = collections.defaultdict(collections.Counter)
for d, t, c, r in rows:
    by[suite(d)][c] += 1
print("| suite | " + " | ".join(cats) + " | total |")
print("|---|" + "---|" * (len(cats) + 1))
tot = collections.Counter()
for s in sorted(by):
    tot.update(by[s])
    print(f"| {s} | " + " | ".join(str(by[s][c]) for c in cats) + f" | {sum(by[s].values())} |")
print("| **total** | " + " | ".join(str(tot[c]) for c in cats) + f" | {sum(tot.values())} |")
print()
runs = collections.Counter(d for d, *_ in rows)
print("per log dir: " + ", ".join(f"{d} {n}" for d, n in sorted(runs.items())))
for tag in ("cert-expired", "[text-hides-cause]", "[ambiguous]"):
    print(f"reasons tagged {tag}: {sum(1 for r in rows if tag in r[3])}")
