#!/usr/bin/env python3
"""Records the expected output of every case in Tests/JinjaTests/Corpus/*.json with the
reference Jinja2, configured as dbt configures it (do and loopcontrols extensions, trailing
newline dropped). Each case keeps its name, template and context; `expected` or `error: true`
is (re)written. A case's `decimals` ({"name": "1.50"}) join its context as Python Decimals (what dbt's query
results hold); a case with a `message` key has it rewritten to the error's message. Usage: python3 scripts/record-jinja-corpus.py [FILE ...]  (needs `pip install jinja2`).
dbt_filters.json is hand-written (dbt's filters are not in plain Jinja2) and is skipped."""
import copy
import decimal
import glob
import json
import os
import sys

import jinja2

env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
HAND_WRITTEN = {"dbt_filters.json"}


def record(case):
    out = {k: case[k] for k in ("name", "template", "context", "decimals") if k in case}
    out.setdefault("context", {})
    # A copy: templates may mutate their context (`{% do items.append(1) %}`).
    context = copy.deepcopy(out["context"])
    context.update({name: decimal.Decimal(text) for name, text in out.get("decimals", {}).items()})
    try:
        out["expected"] = env.from_string(case["template"]).render(**context)
    except Exception as error:  # any Jinja2 failure means our engine must fail too
        out["error"] = True
        if "message" in case:
            out["message"] = str(error)
    return out


def main(paths):
    root = os.path.join(os.path.dirname(__file__), "..", "Tests", "JinjaTests", "Corpus")
    every = [p for p in sorted(glob.glob(os.path.join(root, "*.json"))) if os.path.basename(p) not in HAND_WRITTEN]
    for path in paths or every:
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
        names = [c["name"] for c in cases]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            sys.exit(f"{path}: duplicate case names {sorted(duplicates)}")
        with open(path, "w", encoding="utf-8") as f:
            json.dump([record(c) for c in cases], f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{path}: {len(cases)} cases")


if __name__ == "__main__":
    main(sys.argv[1:])
