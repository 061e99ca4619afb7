#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with a snapshot's `grants` and `persist_docs` configs (fixture
Tests/Fixtures/execution/snapshot_grants), for Tests/Fixtures/reference/snapshot-grants.json.

With dbt-postgres 1.9, two roles are created, then: `seed`; `snapshot --vars 'reader: <first>'` (the table is created
and granted to the first role); `snapshot --vars 'reader: <second>'` (the table exists: dbt revokes the first role's
grant and grants the second's). After each snapshot: the exit code, the roles holding SELECT on the table (written
`first`/`second`), the table's comment and its columns' comments (pg_description). (dbt-sqlite 1.10 cannot build
this snapshot at all without an `md5` function loaded into SQLite, so there is nothing to record there.)

Usage: . scripts/postgres.sh start; python3 scripts/record-snapshot-grants-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/snapshot_grants")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/snapshot-grants.json")


def describe(schema, roles):
    db = dbt_reference.postgres(autocommit=True)
    cur = db.cursor()
    cur.execute("select grantee from information_schema.role_table_grants where table_schema = %s "
                "and table_name = 'people_history' and privilege_type = 'SELECT' and grantee = any(%s) order by 1",
                (schema, list(roles)))
    readers = [roles[row[0]] for row in cur.fetchall()]
    relation = f'"{schema}".people_history'
    cur.execute("select obj_description(%s::regclass, 'pg_class')", (relation,))
    comment = cur.fetchone()[0]
    cur.execute("select a.attname, d.description from pg_attribute a join pg_description d on d.objoid = a.attrelid "
                "and d.objsubid = a.attnum where a.attrelid = %s::regclass order by a.attnum", (relation,))
    columns = [list(row) for row in cur.fetchall()]
    db.close()
    return {"readers": readers, "comment": comment, "column_comments": columns}


def record():
    schema = dbt_reference.new_schema()
    suffix = schema[len("ref_"):]
    roles = {f"reader_a_{suffix}": "first", f"reader_b_{suffix}": "second"}
    steps = []
    try:
        with dbt_reference.project_copy(FIXTURE, "snapshot_grants",
                                        dbt_reference.profile("snapshot_grants", "postgres", "", schema)) as project:
            db = dbt_reference.postgres(autocommit=True)
            for role in roles:
                db.cursor().execute(f"create role {role}")
            db.close()
            dbt_reference.run_dbt(project, ["seed"], check=True)
            for reader in roles:
                done = dbt_reference.run_dbt(project, ["snapshot", "--vars", f"reader: {reader}"])
                steps.append(dict(describe(schema, roles), reader=roles[reader], exit_code=done.returncode))
    finally:
        db = dbt_reference.postgres(autocommit=True)
        db.cursor().execute(f'drop schema if exists "{schema}" cascade')
        for role in roles:
            db.cursor().execute(f"drop owned by {role}; drop role {role}")
        db.close()
    return steps


def main():
    dbt_reference.write_reference(OUTPUT, postgres=record())


if __name__ == "__main__":
    main()
