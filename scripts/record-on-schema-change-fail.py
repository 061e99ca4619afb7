#!/usr/bin/env python3
"""Records what dbt-core 1.10 says when an incremental model's columns change under `on_schema_change: fail`, for
Tests/Fixtures/reference/on-schema-change-fail.json: on the fixture Tests/Fixtures/execution/on_schema_change_fail
(`grows` gains a column, `shrinks` loses one when the var `grown` is true), `dbt run` then `dbt run --vars
'grown: true'` with dbt-sqlite and dbt-postgres; by adapter, the second run's exit code, run_results.json messages
by model, and its console lines from `Completed with` up to `Done.` (colours and timestamps removed).
Needs the test server: `. scripts/postgres.sh start`.
Usage: python3 scripts/record-on-schema-change-fail.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt)."""
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/on_schema_change_fail")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/on-schema-change-fail.json")
TIMESTAMP = re.compile(r"^\d\d:\d\d:\d\d  ")


def record(adapter, schema):
    profile = lambda project: dbt_reference.profile("on_schema_change_fail", adapter, project, schema)
    with dbt_reference.project_copy(FIXTURE, "on_schema_change_fail", profile) as project:
        dbt_reference.run_dbt(project, ["run"], check=True)
        done = dbt_reference.run_dbt(project, ["run", "--vars", "grown: true"])
        lines = [TIMESTAMP.sub("", dbt_reference.ANSI.sub("", line)) for line in done.stdout.splitlines()]
        start = next((i for i, line in enumerate(lines) if line.startswith("Completed")), len(lines))
        end = next((i for i, line in enumerate(lines) if line.startswith("Done.")), len(lines))
        return {"code": done.returncode, "console": lines[start:end + 1],
                "messages": {r["unique_id"].split(".")[-1]: r["message"] for r in dbt_reference.run_results(project)}}


def main():
    dbt_reference.record_in_fresh_schema(record, OUTPUT)


if __name__ == "__main__":
    main()
