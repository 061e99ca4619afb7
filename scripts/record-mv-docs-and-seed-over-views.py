#!/usr/bin/env python3
"""Records two things dbt-core 1.10 does, for Tests/Fixtures/reference/mv-docs-and-seed-over-views.json:
- `persist_docs` on a materialized view (fixture Tests/Fixtures/execution/mv_persist_docs, dbt-postgres): after each
  of two `dbt run`s (create, then refresh), the exit code and the comments on the materialized view and its columns;
- seeding where a view or a materialized view holds a seed's name (fixture Tests/Fixtures/execution/seed_over_views:
  `run-operation make_relations`, then `dbt seed`), on dbt-sqlite and dbt-postgres: the seed's exit code, each failed
  seed's message and the kind of each relation afterwards.
dbt-sqlite always; dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-mv-docs-and-seed-over-views.py [dbt]"""
import os
import re

import dbt_reference

FIXTURES = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/mv-docs-and-seed-over-views.json")


def comments(schema):
    db = dbt_reference.postgres()
    cur = db.cursor()
    cur.execute("select obj_description(c.oid, 'pg_class') from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                " where n.nspname = %s and c.relname = 'mv'", (schema,))
    relation = cur.fetchone()[0]
    cur.execute("select a.attname, col_description(c.oid, a.attnum) from pg_class c"
                " join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid"
                " where n.nspname = %s and c.relname = 'mv' and a.attnum > 0 order by a.attnum", (schema,))
    columns = [list(r) for r in cur.fetchall()]
    db.close()
    return {"relation": relation, "columns": columns}


def mv_persist_docs():
    schema = dbt_reference.new_schema()
    steps = []
    try:
        with dbt_reference.project_copy(os.path.join(FIXTURES, "mv_persist_docs"), "mv_persist_docs",
                                        dbt_reference.profile("mv_persist_docs", "postgres", None, schema)) as project:
            for _ in range(2):
                done = dbt_reference.run_dbt(project, ["run"])
                steps.append(dict(comments(schema), exit_code=done.returncode))
    finally:
        dbt_reference.drop_schemas(schema)
    return steps


def kinds(adapter, project, schema):
    db = dbt_reference.connect(adapter, project)
    cur = db.cursor()
    if adapter == "sqlite":
        cur.execute("select name, type from sqlite_master where type in ('table', 'view') order by 1")
    else:
        cur.execute("select c.relname, case c.relkind when 'r' then 'table' when 'v' then 'view'"
                    " else 'materialized_view' end from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    " where n.nspname = %s and c.relkind in ('r', 'v', 'm') order by 1", (schema,))
    found = dict(cur.fetchall())
    db.close()
    return found


def seed_over_views(adapter):
    schema = dbt_reference.new_schema()
    try:
        with dbt_reference.project_copy(os.path.join(FIXTURES, "seed_over_views"), "seed_over_views",
                                        lambda project: dbt_reference.profile("seed_over_views", adapter, project,
                                                                              schema)) as project:
            if adapter == "postgres":
                db = dbt_reference.postgres()
                db.cursor().execute(f'create schema "{schema}"')
                db.commit()
                db.close()
            dbt_reference.run_dbt(project, ["run-operation", "make_relations"], check=True)
            codes, messages, _ = dbt_reference.run_each(project, [["seed"]], re.compile("^$"))
            return {"exit_code": codes[0], "messages": messages[0], "relations": kinds(adapter, project, schema)}
    finally:
        if adapter == "postgres":
            dbt_reference.drop_schemas(schema)


def main():
    recordings = {"sqlite": {"seed_over_views": seed_over_views("sqlite")}}
    if os.environ.get("PGHOST"):
        recordings["postgres"] = {"seed_over_views": seed_over_views("postgres"), "mv_persist_docs": mv_persist_docs()}
    dbt_reference.write_reference(OUTPUT, **recordings)


if __name__ == "__main__":
    main()
