#!/usr/bin/env python3
"""Validates CTRF files against the CTRF JSON Schema: validate_ctrf.py SCHEMA FILE...

Prints one line per schema error (`FILE: path.to.field: message`) and `N errors`; exits 1 when
there is any, 2 when jsonschema is not installed. The tests call it on the ctrf.json `report`
writes, with ../shared/ctrf/ctrf.schema.json (the schema is not copied into the project).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed: python3 -m pip install jsonschema", file=sys.stderr)
    sys.exit(2)

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
errors = 0
for path in sys.argv[2:]:
    with open(path) as f:
        document = json.load(f)
    for e in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        errors += 1
        where = ".".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{path}: {where}: {e.message}")
print(f"{errors} errors")
sys.exit(1 if errors else 0)
