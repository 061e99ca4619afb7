#!/usr/bin/env python3
"""Records what dbt-core 1.10 and dbt-postgres build from the fixture Tests/Fixtures/execution/series_macros
(the dbt namespace's generate_series, get_powers_of_two, get_intervals_between, date_spine, date, equals and
array helpers), for Tests/Fixtures/reference/series-macros.json: every table's column names and rows (sorted),
each value shown with its type (`int 1`, `real 1.0`, `text x`).
swiftdbt's tests expect these tables on PostgreSQL and on SQLite alike (dbt-sqlite has no variants of these
macros: dbt's defaults call to_date(), power() and PostgreSQL's arrays, which SQLite lacks).
Needs the test server: `. scripts/postgres.sh start`.
Usage: python3 scripts/record-series-macros.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" psycopg2-binary`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/series_macros")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/series-macros.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def connect():
    return psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                            user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                            dbname=os.environ.get("PGDATABASE", "postgres"))


def shown(value):
    """A value with its type, as the tests show the values swiftdbt reads back: `int 1`, `real 1.0`, `text x`."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return f"int {value}"
    if isinstance(value, float):
        return f"real {value!r}"
    return f"text {value}"


def main():
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    schema = "ref_" + uuid.uuid4().hex[:8]
    try:
        project = os.path.join(work, "series_macros")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write("series_macros:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
                    f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
                    f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
                    f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")
        run = subprocess.run([DBT, "build", "--profiles-dir", project], cwd=project, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        db = connect()
        cur = db.cursor()
        cur.execute("select table_name from information_schema.tables where table_schema = %s order by 1", (schema,))
        tables = {}
        for (name,) in cur.fetchall():
            cur.execute(f'select * from "{schema}"."{name}"')
            columns = [d[0] for d in cur.description]
            tables[name] = {"columns": columns, "rows": sorted([[shown(v) for v in r] for r in cur.fetchall()])}
        cur.execute(f'drop schema if exists "{schema}" cascade')
        db.commit()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(tables, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
