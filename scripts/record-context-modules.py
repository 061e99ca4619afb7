#!/usr/bin/env python3
"""Records what dbt-core 1.10's base context gives for each case in
Tests/SwiftDBTTests/Fixtures/context-modules.json (`modules.datetime`, `modules.pytz`, `modules.itertools`,
`modules.re`, `diff_of_two_dicts`, `zip_strict`, `set_strict`, `context`, `builtins`): each case keeps its name and
template; `expected`, or `error: true` with Python's message, is (re)written. `run_started_at` is an aware UTC datetime, as dbt's, at a
fixed instant. Usage: python3 scripts/record-context-modules.py (needs `pip install "dbt-core==1.10.*"`)."""
import datetime
import json
import os

import jinja2
import pytz
from dbt import flags
from dbt.context.base import BaseContext

env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])


def record(case, context):
    out = {k: case[k] for k in ("name", "template")}
    try:
        out["expected"] = env.from_string(case["template"]).render(**context)
    except Exception as error:  # any failure in dbt's context means ours must fail too, with Python's message
        out["error"] = True
        out["message"] = str(error).strip().split("\n")[-1].strip()
    return out


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "SwiftDBTTests", "Fixtures", "context-modules.json")
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    names = [c["name"] for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"{path}: duplicate case names {sorted(duplicates)}")
    # dbt 1.10 warns once that modules.itertools is deprecated; its warning needs this flag set.
    setattr(flags.get_flags(), "show_all_deprecations", False)
    context = BaseContext({}).to_dict()
    context["run_started_at"] = datetime.datetime(2024, 1, 31, 12, 30, 0, 250000).replace(tzinfo=pytz.UTC)
    with open(path, "w", encoding="utf-8") as f:
        json.dump([record(c, context) for c in cases], f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
