#!/usr/bin/env python3
"""Records what dbt-core 1.10 with dbt-postgres 1.9 does with Tests/Fixtures/execution/mv_relation_cache (a custom
materialization that asks adapter.get_relation what holds its name), for
Tests/Fixtures/reference/mv-relation-cache.json: three runs on one schema (`run`, then `run --select mv` without and
with `--vars '{rebuild: true}'`; rebuilding the table `base` would drop the view with it), each with its exit code,
the lines the materialization logged (`mv found: ...`) and the kind of each relation after it.

Usage (with a Python that has psycopg2, such as the venv's): . scripts/postgres.sh start;
/tmp/dbt-venv/bin/python scripts/record-mv-relation-cache.py [path/to/dbt]"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/mv_relation_cache")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/mv-relation-cache.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
RUNS = [["run"], ["run", "--select", "mv"], ["run", "--select", "mv", "--vars", "{rebuild: true}"]]
FOUND = re.compile(r"mv found: .*")


def connect():
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    db.autocommit = True
    return db


def kinds(schema):
    db = connect()
    cur = db.cursor()
    cur.execute("select c.relname, case c.relkind when 'r' then 'table' when 'v' then 'view' else 'materialized_view' end "
                "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                "where n.nspname = %s and c.relkind in ('r', 'v', 'm') order by 1", (schema,))
    found = {name: kind for name, kind in cur.fetchall()}
    db.close()
    return found


def main():
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    schema = "ref_" + uuid.uuid4().hex[:8]
    project = os.path.join(work, "mv_relation_cache")
    steps = []
    try:
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write("mv_relation_cache:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
                    f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
                    f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
                    f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        for arguments in RUNS:
            done = subprocess.run([DBT] + arguments + ["--profiles-dir", ".", "--no-use-colors"], cwd=project, env=env,
                                  capture_output=True, text=True)
            steps.append({"arguments": arguments, "exit_code": done.returncode,
                          "logged": FOUND.findall(done.stdout), "relations": kinds(schema)})
    finally:
        db = connect()
        db.cursor().execute(f'drop schema if exists "{schema}" cascade')
        db.close()
        shutil.rmtree(work)
    with open(OUTPUT, "w") as f:
        json.dump({"steps": steps}, f, indent=1)
        f.write("\n")
    print(json.dumps(steps, indent=1))


if __name__ == "__main__":
    main()
