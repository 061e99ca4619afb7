#!/usr/bin/env python3
"""Records the column types dbt-core 1.10 declares for the seeds of Tests/Fixtures/execution/seeds (inferred
types and a column_types override), for Tests/Fixtures/reference/seed-column-types.json: dbt-sqlite's as
`pragma table_info` reports them, dbt-postgres's as `format_type` writes them (when PGHOST is set:
`. scripts/postgres.sh start`).
Usage: python3 scripts/record-seed-column-types.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/seeds")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/seed-column-types.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def profile(adapter, project, schema):
    if adapter == "sqlite":
        return ("seeds:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {project}/target/seeds.sqlite\n      schema_directory: {project}/target\n")
    return ("seeds:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def column_types(adapter, project, schema):
    if adapter == "sqlite":
        db = sqlite3.connect(project + "/target/seeds.sqlite")
        names = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' order by name")]
        return {n: [[r[1], r[2]] for r in db.execute(f"select * from pragma_table_info('{n}') order by cid")] for n in names}
    import psycopg2
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
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
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    try:
        project = os.path.join(work, "seeds")
        shutil.copytree(FIXTURE, project)
        os.makedirs(project + "/target", exist_ok=True)
        schema = "ref_" + uuid.uuid4().hex[:8]
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile(adapter, project, schema))
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        done = subprocess.run([DBT, "seed", "--profiles-dir", project], cwd=project, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"dbt seed failed on {adapter}:\n{done.stdout}{done.stderr}")
        return column_types(adapter, project, schema)
    finally:
        shutil.rmtree(work)


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "sqlite": record("sqlite")}
    if os.environ.get("PGHOST"):
        reference["postgres"] = record("postgres")
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
