#!/usr/bin/env python3
"""Records the `--log-format json` events dbt-core 1.10 prints for `dbt source freshness` on the fixture
Tests/Fixtures/source_freshness, for Tests/Fixtures/reference/source-freshness-log.json: after `run --select
loaders`, `source freshness` (pass, warn, error stale; on dbt-sqlite every table is a runtime error, see
record-source-freshness.py), `source freshness -s source:app.undated` (nothing to do) and `source freshness -s
source:app+ -o target/app.json` (the deprecation of `--output`). Each invocation keeps the events of the names in
EVENTS whole, in order, with what changes between runs masked: times, durations, the invocation id, the process id,
the project's folder, the PostgreSQL schema and database, and the `in 0.12s` of a line.
dbt-sqlite always; dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: python3 scripts/record-source-freshness-log.py [dbt]"""
import json
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/source_freshness")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/source-freshness-log.json")
EVENTS = {"LogStartLine", "LogFreshnessResult", "FreshnessCheckComplete", "NothingToDo", "Deprecations",
          "DeprecationsSummary", "CustomOutputPathInSourceFreshnessDeprecation"}
TIME = re.compile(r" in \d+\.\d+s\]")
MASKED = {"ts", "invocation_id", "pid", "execution_time", "node_started_at", "node_finished_at"}
INVOCATIONS = [
    ("freshness", ["--log-format", "json", "source", "freshness"]),
    ("nothing", ["--log-format", "json", "source", "freshness", "-s", "source:app.undated"]),
    ("output", ["--log-format", "json", "source", "freshness", "-s", "source:app+", "-o", "target/app.json"]),
]


def mask(value, project, schema):
    """`value` with the MASKED keys' values (unless empty) as "<masked>", a line's time as `in Xs`, and the
    project's folder, the schema and the PostgreSQL database named."""
    if isinstance(value, dict):
        return {k: "<masked>" if k in MASKED and v != "" else mask(v, project, schema) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v, project, schema) for v in value]
    if isinstance(value, str):
        value = TIME.sub(" in Xs]", dbt_reference.ANSI.sub("", value.replace(project, "<project>")))
        if os.environ.get("PGHOST"):
            value = value.replace(schema, "<schema>").replace(os.environ.get("PGDATABASE", "postgres"), "<database>")
        return value
    return value


def events(run, project, schema):
    out = []
    for line in run.stdout.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event["info"]["name"] in EVENTS:
            out.append(mask(event, project, schema))
    return out


def record(adapter):
    with dbt_reference.fixture_project(FIXTURE, "source_freshness", adapter) as (project, schema):
        dbt_reference.run_dbt(project, ["run", "--select", "loaders"], check=True)
        out = {}
        for label, arguments in INVOCATIONS:
            done = dbt_reference.run_dbt(project, arguments)
            out[label] = {"arguments": arguments, "exit_code": done.returncode,
                          "events": events(done, project, schema)}
        return out


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
