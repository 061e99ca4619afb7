#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with the fixture Tests/Fixtures/execution/materialized_views, for
Tests/Fixtures/reference/materialized-views.json: for each step (a fresh copy of the fixture, dbt commands), the
exit codes, each failed node's message and the warnings about `on_configuration_change`, every table's and
materialized view's rows (sorted), the kind of each relation, and each index (relation, columns, unique).
dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`); dbt-sqlite the one step it has (an error).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-materialized-view-reference.py [dbt]"""
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/materialized_views")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/materialized-views.json")
CHANGED = "{more: true, mv_indexes: [{columns: [name], unique: true}], occ: %s}"

STEPS = {
    "postgres": [
        ("create_then_refresh", [["run"], ["run", "--vars", "{more: true}"]]),
        ("indexes_apply", [["run"], ["run", "--vars", CHANGED % "apply"]]),
        ("indexes_continue", [["run"], ["run", "--vars", CHANGED % "continue"]]),
        ("indexes_fail", [["run"], ["run", "--vars", CHANGED % "fail"]]),
        ("full_refresh", [["run"], ["run", "--select", "base", "--vars", "{more: true}"], ["run", "--select", "mv", "--full-refresh"]]),
    ],
    "sqlite": [("unsupported", [["run"]])],
}
WARNING = re.compile(r"on_configuration_change")


def relations(adapter, schema):
    """{name: {"kind", "rows", "indexes"}} of the schema's tables, views and materialized views (PostgreSQL)."""
    if adapter == "sqlite":
        return {}
    db = dbt_reference.postgres()
    cur = db.cursor()
    cur.execute("select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                "where n.nspname = %s and c.relkind in ('r', 'v', 'm') order by 1", (schema,))
    out = {}
    for name, kind in cur.fetchall():
        cur.execute(f'select * from "{schema}"."{name}"')
        rows = sorted([list(r) for r in cur.fetchall()], key=repr)
        cur.execute("select x.indisunique, array_to_string(array(select a.attname from unnest(x.indkey) k(n) "
                    "join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n), ',') from pg_index x "
                    "join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace "
                    "where n.nspname = %s and t.relname = %s order by 2, 1", (schema, name))
        out[name] = {"kind": {"r": "table", "v": "view", "m": "materialized_view"}[kind], "rows": rows,
                     "indexes": [{"columns": c, "unique": u} for u, c in cur.fetchall()]}
    cur.execute(f'drop schema if exists "{schema}" cascade')
    db.commit()
    return out


def record(adapter):
    results = {}
    for name, runs in STEPS[adapter]:
        schema = dbt_reference.new_schema()
        with dbt_reference.project_copy(FIXTURE, "materialized_views",
                                        lambda project: dbt_reference.profile("materialized_views", adapter, project,
                                                                              schema,
                                                                              sqlite_file="materialized_views.sqlite")
                                        ) as project:
            codes, messages, warnings = dbt_reference.run_each(project, runs, WARNING)
            results[name] = {"runs": runs, "exit_codes": codes, "messages": messages, "warnings": warnings,
                             "relations": relations(adapter, schema)}
    return results


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
