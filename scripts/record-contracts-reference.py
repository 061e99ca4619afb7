#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with the fixture Tests/Fixtures/execution/contracts (model contracts and
constraints), for Tests/Fixtures/reference/contracts.json: for each step (a fresh copy of the fixture, dbt
commands), the exit codes, every table's rows (sorted), each failed node's message from run_results.json
and dbt's warnings about contracts and constraints (the lines of its output naming them). Runs dbt-sqlite
always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-contracts-reference.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import importlib.util
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/contracts")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/contracts.json")

# The table reader of the materialization recorder.
_spec = importlib.util.spec_from_file_location(
    "materializations", os.path.join(dbt_reference.ROOT, "scripts/record-materialization-reference.py"))
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

STEPS = [
    ("run_all", [["run"]]),
    ("violation", [["run", "--select", "customers"], ["run", "--select", "customers", "--vars", "bad_row: true"]]),
    ("incremental_twice", [["run", "--select", "customers", "contracted_incremental"],
                           ["run", "--select", "contracted_incremental"]]),
    ("foreign_key", [["run", "--select", "customers", "orders"], ["run", "--select", "orders", "--vars", "orphan: true"]]),
]
WARNING = re.compile(r"(contracts cannot be enforced|Constraint types are not supported|not enforced by|not supported by"
                     r"|unspecified precision)", re.I)


def profile(adapter, project, schema):
    """This fixture's profile; its SQLite file has the materialization recorder's name, which that recorder's
    table reader opens."""
    return dbt_reference.profile("contracts", adapter, project, schema, sqlite_file="custom_materializations.sqlite")


def record(adapter):
    results = {}
    for name, runs in STEPS:
        schema = dbt_reference.new_schema()
        with dbt_reference.project_copy(FIXTURE, "contracts", lambda project: profile(adapter, project, schema)) as project:
            codes, messages, warnings = dbt_reference.run_each(project, runs, WARNING)
            results[name] = {"runs": runs, "exit_codes": codes, "messages": messages, "warnings": warnings,
                             "tables": _shared.tables(adapter, project, schema)}
    return results


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
