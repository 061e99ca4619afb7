#!/usr/bin/env python3
"""Records what dbt-core 1.10 (with dbt-postgres 1.9 and with dbt-sqlite 1.10) builds for the fixture
Tests/Fixtures/execution/version_contracts, a contracted model with two versions whose columns and constraints differ,
for Tests/Fixtures/reference/version-contracts.json: after `dbt run`, its exit code and, for each version's table,
its columns and constraints (PostgreSQL: information_schema.columns' name, data type and nullability, and
pg_constraint's type and definition; SQLite: pragma table_info's name, type, notnull and pk), every value as text.

Usage: . scripts/postgres.sh start; python3 scripts/record-version-contracts-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/version_contracts")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/version-contracts.json")
TABLES = ["dim_v1", "dim_v2"]


def describe(adapter, project, schema, table):
    db = dbt_reference.connect(adapter, project)
    cur = db.cursor()
    if adapter == "sqlite":
        cur.execute(f"select name, type, \"notnull\", pk from pragma_table_info('{table}') order by cid")
        result = {"columns": [[str(v) for v in row] for row in cur.fetchall()]}
    else:
        cur.execute("select column_name, data_type, is_nullable from information_schema.columns "
                    "where table_schema = %s and table_name = %s order by ordinal_position", (schema, table))
        columns = [[str(v) for v in row] for row in cur.fetchall()]
        cur.execute("select contype, pg_get_constraintdef(oid) from pg_constraint "
                    "where conrelid = (quote_ident(%s) || '.' || quote_ident(%s))::regclass order by 1, 2", (schema, table))
        result = {"columns": columns, "constraints": [[str(v) for v in row] for row in cur.fetchall()]}
    db.close()
    return result


def record(adapter):
    schema = dbt_reference.new_schema()
    try:
        with dbt_reference.project_copy(FIXTURE, "version_contracts",
                                        lambda project: dbt_reference.profile("version_contracts", adapter, project,
                                                                              schema)) as project:
            done = dbt_reference.run_dbt(project, ["run"])
            return {"exit_code": done.returncode, "tables": {t: describe(adapter, project, schema, t) for t in TABLES}}
    finally:
        if adapter == "postgres":
            dbt_reference.drop_schemas(schema)


def main():
    dbt_reference.write_reference(OUTPUT, postgres=record("postgres"), sqlite=record("sqlite"))


if __name__ == "__main__":
    main()
