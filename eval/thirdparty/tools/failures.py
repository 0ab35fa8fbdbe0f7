"""List the failed/errored tests of pytest `-v -rA` console logs, with the text a person reads to
label them: the `E` lines and the last location line of each failure's section.

usage: failures.py LOGDIR...            -> TSV: log_dir, test_id, outcome, location, E-lines (joined)
       failures.py --show LOGDIR TEST_ID -> the full FAILURES/ERRORS section(s) of that test

It is a reading aid for writing labels.tsv by hand (it does not classify anything): the ids are the
node ids of the short test summary (`FAILED id` / `ERROR id`), each unique id once, in log order.
"""
import os
import re
import sys

SUMMARY = re.compile(r"^(FAILED|ERROR) (\S+(?:\[.*?\])?)(?: - (.*))?$")
HEAD = re.compile(r"^_+ (.*?) _+$")
SECTION = re.compile(r"^={5,} (FAILURES|ERRORS) ={5,}$")
END = re.compile(r"^={5,} ")


def summary_ids(lines):
    out, seen = [], set()
    in_summary = False
    for ln in lines:
        if "short test summary info" in ln:
            in_summary = True
            continue
        if not in_summary:
            continue
        m = SUMMARY.match(ln)
        if m:
            tid = m.group(2)
            # a parametrized id may contain spaces: take everything up to " - " when present
            rest = ln[len(m.group(1)) + 1:]
            tid = rest.split(" - ")[0] if " - " in rest else rest
            tid = tid.rstrip()
            if tid not in seen:
                seen.add(tid)
                out.append((tid, m.group(1)))
    return out


def sections(lines):
    """The per-test sections of the FAILURES and ERRORS blocks (any other ===== block ends them)."""
    secs = []
    cur = None
    inside = False
    for ln in lines:
        if SECTION.match(ln):
            inside, cur = True, None
            continue
        if END.match(ln):
            inside, cur = False, None
            continue
        if not inside:
            continue
        m = HEAD.match(ln)
        if m and not ln.startswith("_ _"):
            cur = {"head": m.group(1), "body": []}
            secs.append(cur)
            continue
        if cur is not None:
            cur["body"].append(ln)
    return secs


def head_of(tid):
    if "::" not in tid:
        return ["ERROR collecting " + tid]
    parts = tid.split("::")[1:]
    name = ".".join(parts)
    return [name, "ERROR at setup of " + name, "ERROR at teardown of " + name]


def match(ids, secs):
    used = set()
    res = {}
    for tid, _ in ids:
        heads = head_of(tid)
        got = []
        for i, s in enumerate(secs):
            if i in used:
                continue
            if s["head"] in heads:
                got.append(i)
        # take the first unused section(s) with that head; for a failure+teardown error keep both
        picked = []
        for i in got:
            h = secs[i]["head"]
            if any(secs[j]["head"] == h for j in picked):
                continue
            picked.append(i)
        for i in picked:
            used.add(i)
        res[tid] = [secs[i] for i in picked]
    return res


def digest(sec):
    e = [ln[4:].strip() for ln in sec["body"] if ln.startswith("E   ")]
    if not e:  # --tb native / --tb line: the exception line(s) closing the traceback
        body = []
        for ln in sec["body"]:
            if re.match(r"^-{5,} Captured ", ln):
                break
            body.append(ln)
        flat = [ln.strip().lstrip("|").strip() for ln in body]  # ExceptionGroup lines start "| "
        exc = [ln for ln in flat
               if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Warning|Exit)\b[:( ]", ln)
               or ln.startswith(("HINT:", "DETAIL:"))]
        e = exc[-6:] + [ln for ln in flat if ln][-2:]
    loc = ""
    for ln in sec["body"]:
        if re.match(r"^\S+:\d+: \S", ln):
            loc = ln.strip()
    return loc, e


def failures_of(d):
    """[(test_id, outcome, location, E-lines, full section text)] of one log dir, in log order."""
    lines = open(os.path.join(d, "console.log"), errors="replace").read().splitlines()
    ids = summary_ids(lines)
    m = match(ids, sections(lines))
    out = []
    for tid, outcome in ids:
        secs = m.get(tid, [])
        locs, es, text = [], [], []
        for s in secs:
            loc, e = digest(s)
            locs.append(loc)
            es.extend(e)
            text.append("\n".join(s["body"]))
        out.append((tid, outcome, " | ".join(locs), es, "\n".join(text)))
    return out


def main():
    args = sys.argv[1:]
    if args and args[0] == "--show":
        d, tid = args[1], args[2]
        lines = open(os.path.join(d, "console.log"), errors="replace").read().splitlines()
        ids = summary_ids(lines)
        m = match(ids, sections(lines))
        for s in m.get(tid, []):
            print("_____", s["head"])
            print("\n".join(s["body"]))
        return
    for d in args:
        lines = open(os.path.join(d, "console.log"), errors="replace").read().splitlines()
        ids = summary_ids(lines)
        m = match(ids, sections(lines))
        for tid, outcome in ids:
            secs = m.get(tid, [])
            locs, es = [], []
            for s in secs:
                loc, e = digest(s)
                locs.append(loc)
                es.extend(e[-4:])
            print("\t".join([os.path.basename(d.rstrip("/")), tid, outcome, " | ".join(locs),
                             " || ".join(es)[:600]]))


if __name__ == "__main__":
    main()
