#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with the fixture Tests/Fixtures/execution/seed_test_materializations (seeds:
types, column_types, quote_columns: false, an empty CSV, a post-hook; data tests: fail_calc, warn_if/error_if,
limit, store_failures as a table or a view or ephemeral, a singular test, a broken one), for
Tests/Fixtures/reference/seed-test-materializations.json: after each of `seed`, `seed` again, `seed --full-refresh`
and `test` on one copy, the exit code and, from run_results.json, each node's status, message, failures and
adapter_response message; at the end the relations of the target's and the audit schema with their kind, columns
and row count. Runs dbt-sqlite always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: /tmp/dbt-venv/bin/python scripts/record-seed-test-materializations.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv
with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os
import sqlite3

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/seed_test_materializations")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/seed-test-materializations.json")
STEPS = [["seed"], ["seed"], ["seed", "--full-refresh"], ["test"]]


def relations(adapter, project, schema):
    """{schema-less name: {kind, columns, rows}} for the target's schema and its audit schema."""
    out = {}
    if adapter == "sqlite":
        for label, path in [("main", "seed_tests.sqlite"), ("main_dbt_test__audit", "main_dbt_test__audit.db")]:
            full = os.path.join(project, "target", path)
            if not os.path.exists(full):
                continue
            db = sqlite3.connect(full)
            for name, kind in db.execute("select name, type from sqlite_master where type in ('table', 'view') order by name"):
                columns = [r[1] for r in db.execute(f'pragma table_info("{name}")')]
                rows = db.execute(f'select count(*) from "{name}"').fetchone()[0]
                out[f"{label}.{name}"] = {"kind": kind, "columns": columns, "rows": rows}
        return out
    db = dbt_reference.postgres()
    cur = db.cursor()
    for label, name_of_schema in [("main", schema), ("main_dbt_test__audit", schema + "_dbt_test__audit")]:
        cur.execute("select table_name, table_type from information_schema.tables where table_schema = %s order by 1",
                    (name_of_schema,))
        for name, kind in cur.fetchall():
            cur.execute("select column_name from information_schema.columns where table_schema = %s and table_name = %s "
                        "order by ordinal_position", (name_of_schema, name))
            columns = [r[0] for r in cur.fetchall()]
            cur.execute(f'select count(*) from "{name_of_schema}"."{name}"')
            out[f"{label}.{name}"] = {"kind": "view" if kind == "VIEW" else "table", "columns": columns,
                                      "rows": cur.fetchone()[0]}
    for name_of_schema in [schema, schema + "_dbt_test__audit"]:
        cur.execute(f'drop schema if exists "{name_of_schema}" cascade')
    db.commit()
    return out


def record(adapter):
    schema = dbt_reference.new_schema()
    with dbt_reference.project_copy(FIXTURE, "seed_tests",
                                    lambda project: dbt_reference.profile("seed_tests", adapter, project, schema,
                                                                          sqlite_file="seed_tests.sqlite")) as project:
        steps = []
        for arguments in STEPS:
            done = dbt_reference.run_dbt(project, arguments)
            results = {r["unique_id"]: {"status": r["status"], "message": r["message"], "failures": r["failures"],
                                        "response": r["adapter_response"].get("_message")}
                       for r in dbt_reference.run_results(project)}
            steps.append({"arguments": arguments, "exit_code": done.returncode, "results": results})
        return {"steps": steps, "relations": relations(adapter, project, schema)}


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
