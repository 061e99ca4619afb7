#!/usr/bin/env python3
"""Records what dbt-core 1.10 does when an incremental model's column types change under `on_schema_change:
sync_all_columns`, for Tests/Fixtures/reference/on-schema-change-types.json: on the fixture
Tests/Fixtures/execution/on_schema_change_types (`retyped`: `amount` integer then text, `code` varchar(5) then
varchar(20), `total` integer then bigint, `note` varchar(20) then varchar(5), when the var `retyped` is true), `dbt run` then `dbt run --vars 'retyped:
true'` with dbt-sqlite and dbt-postgres; by adapter, for each run its exit code, run_results.json status and message,
then the table's columns in order (name and type as the database describes them) and its rows as text.
Needs the test server: `. scripts/postgres.sh start`.
Usage: python3 scripts/record-on-schema-change-types.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/on_schema_change_types")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/on-schema-change-types.json")


def table(adapter, project, schema):
    db = dbt_reference.connect(adapter, project)
    cur = db.cursor()
    if adapter == "sqlite":
        cur.execute("select name, type from pragma_table_info('retyped') order by cid")
    else:
        cur.execute("select column_name, case when character_maximum_length is null then data_type"
                    " else data_type || '(' || character_maximum_length || ')' end"
                    " from information_schema.columns where table_schema = %s and table_name = 'retyped'"
                    " order by ordinal_position", (schema,))
    columns = [list(r) for r in cur.fetchall()]
    quoted = '"retyped"' if adapter == "sqlite" else f'"{schema}"."retyped"'
    cur.execute(f"select * from {quoted} order by id")
    rows = [[None if value is None else str(value) for value in r] for r in cur.fetchall()]
    db.close()
    return {"columns": columns, "rows": rows}


def record(adapter, schema):
    profile = lambda project: dbt_reference.profile("on_schema_change_types", adapter, project, schema)
    runs = []
    with dbt_reference.project_copy(FIXTURE, "on_schema_change_types", profile) as project:
        for arguments in (["run"], ["run", "--vars", "retyped: true"]):
            done = dbt_reference.run_dbt(project, arguments)
            result = dbt_reference.run_results(project)[0]
            runs.append(dict(table(adapter, project, schema), code=done.returncode, status=result["status"],
                             message=result["message"]))
    return runs


def main():
    dbt_reference.record_in_fresh_schema(record, OUTPUT)


if __name__ == "__main__":
    main()
