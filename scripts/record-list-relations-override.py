#!/usr/bin/env python3
"""Records what dbt-core 1.10 does when a project overrides `list_relations_without_caching` (fixture
Tests/Fixtures/execution/list_relations_override: the built-in listing without the relations named `hidden_*`), for
Tests/Fixtures/reference/list-relations-override.json: on a fresh copy, `seed`, `run`, `seed` and
`run --select hidden_events`, each run's exit code and failed nodes' messages, then every table's rows (sorted).
dbt-sqlite always; dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-list-relations-override.py [dbt]"""
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/list_relations_override")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/list-relations-override.json")
RUNS = [["seed"], ["run"], ["seed"], ["run", "--select", "hidden_events"]]


def tables(adapter, project, schema):
    """{table: sorted rows} of the target's tables."""
    db = dbt_reference.connect(adapter, project)
    cur = db.cursor()
    if adapter == "sqlite":
        cur.execute("select name from sqlite_master where type = 'table' order by 1")
    else:
        cur.execute("select table_name from information_schema.tables where table_schema = %s order by 1", (schema,))
    names = [row[0] for row in cur.fetchall()]
    out = {}
    for name in names:
        cur.execute(f'select * from "{name}"' if adapter == "sqlite" else f'select * from "{schema}"."{name}"')
        out[name] = sorted([[str(value) for value in row] for row in cur.fetchall()])
    db.close()
    return out


def record(adapter):
    with dbt_reference.fixture_project(FIXTURE, "list_relations_override", adapter) as (project, schema):
        codes, messages, _ = dbt_reference.run_each(project, RUNS, re.compile("^$"))
        return {"runs": RUNS, "exit_codes": codes, "messages": messages, "tables": tables(adapter, project, schema)}


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
