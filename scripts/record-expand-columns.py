#!/usr/bin/env python3
"""Records what dbt-postgres' `adapter.expand_target_column_types` and `alter_column_type` leave in their tables,
for Tests/Fixtures/reference/expand-columns.json: `dbt run-operation expand_columns` and `alter_types` on the fixture
Tests/Fixtures/execution/expand_columns, then the `narrow` and `altered` tables' columns in order (name, type, size)
and rows.
Needs the test server: `. scripts/postgres.sh start`.
Usage: python3 scripts/record-expand-columns.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/expand_columns")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/expand-columns.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def main():
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    schema = "ref_" + uuid.uuid4().hex[:8]
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    cur = db.cursor()
    cur.execute(f'create schema "{schema}"')
    db.commit()
    try:
        project = os.path.join(work, "expand_columns")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write("expand_columns:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
                    f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
                    f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
                    f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")
        recorded = {}
        for operation, table, prefix in [("expand_columns", "narrow", ""), ("alter_types", "altered", "altered_")]:
            run = subprocess.run([DBT, "run-operation", operation, "--profiles-dir", project], cwd=project,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(run.stdout + run.stderr)
            cur.execute("select column_name, data_type, character_maximum_length from information_schema.columns"
                        " where table_schema = %s and table_name = %s order by ordinal_position", (schema, table))
            recorded[prefix + "columns"] = [list(r) for r in cur.fetchall()]
            cur.execute(f'select * from "{schema}"."{table}"')
            recorded[prefix + "rows"] = [list(r) for r in cur.fetchall()]
    finally:
        cur.execute(f'drop schema if exists "{schema}" cascade')
        db.commit()
        shutil.rmtree(work, ignore_errors=True)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(recorded, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
