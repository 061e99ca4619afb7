#!/usr/bin/env python3
"""Records the column types dbt-core 1.10 declares for the seeds of Tests/Fixtures/execution/seeds (inferred
types and a column_types override), for Tests/Fixtures/reference/seed-column-types.json: dbt-sqlite's as
`pragma table_info` reports them, dbt-postgres's as `format_type` writes them (when PGHOST is set:
`. scripts/postgres.sh start`).
Usage: python3 scripts/record-seed-column-types.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os
import sys

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/seeds")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/seed-column-types.json")


def column_types(adapter, project, schema):
    if adapter == "sqlite":
        db = dbt_reference.connect(adapter, project, sqlite_file="seeds.sqlite")
        names = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' order by name")]
        return {n: [[r[1], r[2]] for r in db.execute(f"select * from pragma_table_info('{n}') order by cid")] for n in names}
    db = dbt_reference.postgres()
    cur = db.cursor()
    cur.execute("select c.relname, a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a "
                "join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
                "where n.nspname = %s and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum", (schema,))
    out = {}
    for table, column, declared in cur.fetchall():
        out.setdefault(table, []).append([column, declared])
    cur.execute(f'drop schema if exists "{schema}" cascade')
    db.commit()
    return out


def record(adapter):
    schema = dbt_reference.new_schema()
    with dbt_reference.project_copy(FIXTURE, "seeds",
                                    lambda project: dbt_reference.profile("seeds", adapter, project, schema,
                                                                          sqlite_file="seeds.sqlite")) as project:
        done = dbt_reference.run_dbt(project, ["seed"])
        if done.returncode != 0:
            sys.exit(f"dbt seed failed on {adapter}:\n{done.stdout}{done.stderr}")
        return column_types(adapter, project, schema)


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
