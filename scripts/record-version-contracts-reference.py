#!/usr/bin/env python3
"""Records what dbt-core 1.10 (with dbt-postgres 1.9 and with dbt-sqlite 1.10) builds for the fixture
Tests/Fixtures/execution/version_contracts, a contracted model with two versions whose columns and constraints differ,
for Tests/Fixtures/reference/version-contracts.json: after `dbt run`, its exit code and, for each version's table,
its columns and constraints (PostgreSQL: information_schema.columns' name, data type and nullability, and
pg_constraint's type and definition; SQLite: pragma table_info's name, type, notnull and pk), every value as text.

Usage: . scripts/postgres.sh start; python3 scripts/record-version-contracts-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/version_contracts")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/version-contracts.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
TABLES = ["dim_v1", "dim_v2"]


def connect(adapter, project):
    if adapter == "sqlite":
        return sqlite3.connect(project + "/target/main.sqlite")
    return psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                            user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                            dbname=os.environ.get("PGDATABASE", "postgres"))


def describe(adapter, project, schema, table):
    db = connect(adapter, project)
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


def profile(adapter, project, schema):
    if adapter == "sqlite":
        return ("version_contracts:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {project}/target/main.sqlite\n      schema_directory: {project}/target\n")
    return ("version_contracts:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def record(adapter):
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    schema = "ref_" + uuid.uuid4().hex[:8]
    project = os.path.join(work, "version_contracts")
    try:
        shutil.copytree(FIXTURE, project)
        os.makedirs(project + "/target", exist_ok=True)
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile(adapter, project, schema))
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        done = subprocess.run([DBT, "run", "--profiles-dir", project], cwd=project, env=env, capture_output=True, text=True)
        return {"exit_code": done.returncode, "tables": {t: describe(adapter, project, schema, t) for t in TABLES}}
    finally:
        if adapter == "postgres":
            db = connect(adapter, project)
            db.cursor().execute(f'drop schema if exists "{schema}" cascade')
            db.commit()
            db.close()
        shutil.rmtree(work)


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "postgres": record("postgres"), "sqlite": record("sqlite")}
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
