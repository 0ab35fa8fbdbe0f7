#!/usr/bin/env python3
"""A reference reader of report.json (report/1, report/2 and report/3; docs/report-json.md).

    python3 scripts/report_json.py tests report.json
    python3 scripts/report_json.py requests report.json

prints every test of the run, whole, one JSON object per line (keys sorted), in run order: what
report/3 leaves out (a name, suite or message the test's own fields give, its only source, an
evidence's path and text) filled in again, the passing groups expanded; null fields left out at
every depth. `requests` prints every curl exchange the same way. The Swift reader
(ReportSchema.Document) gives the same tests, and a report/2 and a report/3 file of the same run
print the same lines; SchemaTests checks both.
"""
import json
import sys


def split_id(test_id):
    """(prefix, name): the id cut after its last `::` outside brackets."""
    depth, cut, k = 0, None, 0
    while k < len(test_id):
        c = test_id[k]
        if c == "[":
            depth += 1
        elif c == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and test_id.startswith("::", k):
            cut = k + 2
            k += 1
        k += 1
    return ("", test_id) if cut is None else (test_id[:cut], test_id[cut:])


def derived_suite(test_id):
    prefix = split_id(test_id)[0]
    if not prefix.endswith("::"):
        return None
    parts = prefix[:-2].split("::")
    if not parts[0].endswith(".py") or len(parts[0]) < 3:
        return "::".join(parts)
    return ".".join([parts[0][:-3].replace("/", ".")] + parts[1:])


def derived_message(detail, exception_type):
    if detail is None:
        return None
    lines = detail.split("\n")
    marked = [line[1:] for line in lines if line == "E" or line.startswith("E ")]
    if marked:
        spaces = lambda s: len(s) - len(s.lstrip(" "))
        indent = min([spaces(s) for s in marked if s.strip(" ")], default=0)
        return "\n".join(s[min(indent, spaces(s)):] for s in marked)
    first = lines[0]
    if exception_type is not None and first.startswith(exception_type + ": "):
        return first[len(exception_type) + 2:]
    return first


def tests(doc):
    """Every test of the run, in order, each field whole."""
    v3 = doc["schema"] == "report/3"
    inputs = [i["path"] for i in doc["inputs"]]
    listed = []
    for t in doc["tests"]:
        t = dict(t)
        if v3 and t["status"] != "passed":
            t.setdefault("name", split_id(t["id"])[1])
            if "suite" not in t:
                t["suite"] = derived_suite(t["id"])
            if "message" not in t:
                t["message"] = derived_message(t.get("detail"), t.get("exception_type"))
            t.setdefault("sources", inputs if len(inputs) == 1 else [])
        sources = t.get("sources") or []
        source = sources[0] if len(sources) == 1 else None

        def whole(e):
            return {"path": e.get("path", source), "line": e["line"], "text": e.get("text", t.get("message"))}

        if "classification" in t:
            t["classification"] = dict(t["classification"], evidence=[whole(e) for e in t["classification"]["evidence"]])
        if "evidence" in t and t["evidence"] is not None:
            t["evidence"] = [whole(e) for e in t["evidence"]]
        elif "classification" in t:
            t["evidence"] = t["classification"]["evidence"]
        listed.append(t)
    passing, previous = [], ""
    for group in doc.get("passed", []):
        if v3:
            shared, rest, names, durations = group
            previous = previous[:shared] + rest
            prefix = previous
        else:
            prefix, names, durations = group["prefix"], group["names"], group["durations_s"]
        passing += [{"id": prefix + n, "status": "passed", "duration_s": d} for n, d in zip(names, durations)]
    if not all("seq" in t for t in listed) or not listed:
        ordered = listed + passing  # report/1: tests[] is already the whole run
    else:
        ordered = [None] * (len(listed) + len(passing))
        for t in listed:
            ordered[t["seq"]] = t
        rest = iter(passing)
        ordered = [t if t is not None else next(rest) for t in ordered]
    return [without_nulls({k: v for k, v in t.items() if k != "seq"}) for t in ordered]


def without_nulls(value):
    """The value with null fields left out, at every depth (report/1 wrote them)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def requests(doc):
    """Every request, each evidence with its path (report/3 leaves out the run's only input)."""
    inputs = [i["path"] for i in doc["inputs"]]
    only = inputs[0] if len(inputs) == 1 else None
    out = []
    for r in doc["requests"]:
        r = dict(r, evidence=[dict(e, path=e.get("path", only)) for e in r["evidence"]])
        r.setdefault("timings_ms", {})
        out.append(without_nulls(r))
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("tests", "requests"):
        sys.exit("usage: report_json.py tests|requests report.json")
    with open(sys.argv[2], encoding="utf-8") as f:
        doc = json.load(f)
    for item in (tests if sys.argv[1] == "tests" else requests)(doc):
        print(json.dumps(item, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
