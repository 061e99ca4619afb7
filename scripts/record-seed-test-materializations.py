#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with the fixture Tests/Fixtures/execution/seed_test_materializations (seeds:
types, column_types, quote_columns: false, an empty CSV, a post-hook; data tests: fail_calc, warn_if/error_if,
limit, store_failures as a table or a view or ephemeral, a singular test, a broken one), for
Tests/Fixtures/reference/seed-test-materializations.json: after each of `seed`, `seed` again, `seed --full-refresh`
and `test` on one copy, the exit code and, from run_results.json, each node's status, message, failures and
adapter_response message; at the end the relations of the target's and the audit schema with their kind, columns
and row count. Runs dbt-sqlite always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: /tmp/dbt-venv/bin/python scripts/record-seed-test-materializations.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv
with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/seed_test_materializations")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/seed-test-materializations.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
STEPS = [["seed"], ["seed"], ["seed", "--full-refresh"], ["test"]]


def profile(adapter, project, schema):
    if adapter == "sqlite":
        target = project + "/target"
        return ("seed_tests:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {target}/seed_tests.sqlite\n      schema_directory: {target}\n")
    return ("seed_tests:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def relations(adapter, project, schema):
    """{schema-less name: {kind, columns, rows}} for the target's schema and its audit schema."""
    out = {}
    if adapter == "sqlite":
        for label, path in [("main", "seed_tests.sqlite"), ("main_dbt_test__audit", "main_dbt_test__audit.db")]:
            full = os.path.join(project, "target", path)
            if not os.path.exists(full):
                continue
            db = sqlite3.connect(full)
            for name, kind in db.execute("select name, type from sqlite_master where type in ('table', 'view') order by name"):
                columns = [r[1] for r in db.execute(f'pragma table_info("{name}")')]
                rows = db.execute(f'select count(*) from "{name}"').fetchone()[0]
                out[f"{label}.{name}"] = {"kind": kind, "columns": columns, "rows": rows}
        return out
    import psycopg2
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    cur = db.cursor()
    for label, name_of_schema in [("main", schema), ("main_dbt_test__audit", schema + "_dbt_test__audit")]:
        cur.execute("select table_name, table_type from information_schema.tables where table_schema = %s order by 1",
                    (name_of_schema,))
        for name, kind in cur.fetchall():
            cur.execute("select column_name from information_schema.columns where table_schema = %s and table_name = %s "
                        "order by ordinal_position", (name_of_schema, name))
            columns = [r[0] for r in cur.fetchall()]
            cur.execute(f'select count(*) from "{name_of_schema}"."{name}"')
            out[f"{label}.{name}"] = {"kind": "view" if kind == "VIEW" else "table", "columns": columns,
                                      "rows": cur.fetchone()[0]}
    for name_of_schema in [schema, schema + "_dbt_test__audit"]:
        cur.execute(f'drop schema if exists "{name_of_schema}" cascade')
    db.commit()
    return out


def record(adapter):
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    try:
        project = os.path.join(work, "seed_tests")
        shutil.copytree(FIXTURE, project)
        os.makedirs(project + "/target", exist_ok=True)
        schema = "ref_" + uuid.uuid4().hex[:8]
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile(adapter, project, schema))
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        steps = []
        for arguments in STEPS:
            done = subprocess.run([DBT] + arguments + ["--profiles-dir", project], cwd=project, env=env,
                                  capture_output=True, text=True)
            with open(project + "/target/run_results.json") as f:
                results = {r["unique_id"]: {"status": r["status"], "message": r["message"], "failures": r["failures"],
                                            "response": r["adapter_response"].get("_message")}
                           for r in json.load(f)["results"]}
            steps.append({"arguments": arguments, "exit_code": done.returncode, "results": results})
        return {"steps": steps, "relations": relations(adapter, project, schema)}
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
