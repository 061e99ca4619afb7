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
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/snapshot_grants")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/snapshot-grants.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def connect():
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    db.autocommit = True
    return db


def describe(schema, roles):
    db = connect()
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


def profile(schema):
    return ("snapshot_grants:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def record():
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    suffix = uuid.uuid4().hex[:8]
    schema = "ref_" + suffix
    roles = {f"reader_a_{suffix}": "first", f"reader_b_{suffix}": "second"}
    project = os.path.join(work, "snapshot_grants")
    steps = []
    try:
        shutil.copytree(FIXTURE, project)
        os.makedirs(project + "/target", exist_ok=True)
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile(schema))
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        db = connect()
        for role in roles:
            db.cursor().execute(f"create role {role}")
        db.close()
        subprocess.run([DBT, "seed", "--profiles-dir", project], cwd=project, env=env, capture_output=True, check=True)
        for reader in roles:
            done = subprocess.run([DBT, "snapshot", "--vars", f"reader: {reader}", "--profiles-dir", project], cwd=project,
                                  env=env, capture_output=True, text=True)
            steps.append(dict(describe(schema, roles), reader=roles[reader], exit_code=done.returncode))
    finally:
        db = connect()
        db.cursor().execute(f'drop schema if exists "{schema}" cascade')
        for role in roles:
            db.cursor().execute(f"drop owned by {role}; drop role {role}")
        db.close()
        shutil.rmtree(work)
    return steps


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "postgres": record()}
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
