#!/usr/bin/env python3
"""Records what dbt-postgres' incremental materialization does with a model whose second run brings wider strings
than its table holds (fixture Tests/Fixtures/execution/expand_incremental: `adapter.expand_target_column_types`
before the rows go in), for Tests/Fixtures/reference/expand-incremental.json: after each of two `dbt run`s, the exit
code, the table's columns in order (name, type, character length, numeric precision and scale) and its rows.
Needs the test server: `. scripts/postgres.sh start`.
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-expand-incremental.py [dbt]"""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/expand_incremental")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/expand-incremental.json")


def table(schema):
    db = dbt_reference.postgres()
    cur = db.cursor()
    cur.execute("select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale"
                " from information_schema.columns where table_schema = %s and table_name = 'widening'"
                " order by ordinal_position", (schema,))
    columns = [list(r) for r in cur.fetchall()]
    cur.execute(f'select * from "{schema}"."widening" order by 1')
    rows = [[str(value) for value in r] for r in cur.fetchall()]
    db.close()
    return {"columns": columns, "rows": rows}


def main():
    schema = dbt_reference.new_schema()
    steps = []
    try:
        with dbt_reference.project_copy(FIXTURE, "expand_incremental",
                                        dbt_reference.profile("expand_incremental", "postgres", None, schema)) as project:
            for _ in range(2):
                done = dbt_reference.run_dbt(project, ["run"])
                steps.append(dict(table(schema), exit_code=done.returncode))
    finally:
        dbt_reference.drop_schemas(schema)
    dbt_reference.write_reference(OUTPUT, postgres=steps)


if __name__ == "__main__":
    main()
