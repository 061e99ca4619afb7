#!/usr/bin/env python3
"""Records what `dbt clone` does (dbt-core 1.10), for Tests/Fixtures/reference/clone.json: the fixture
Tests/Fixtures/clone (a seed, two tables, a view) is built into a "prod" schema, its target folder kept as the state; in a "dev" schema one model
is built first; then `clone --state` and `clone --state --full-refresh` run in dev. Recorded per step: exit code,
the progress lines (times taken out), each result's status, message and adapter_response, and the dev schema's
relations with their kinds (model m3 reads nothing, so it builds in dev alone). dbt-sqlite always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: python3 scripts/record-clone-reference.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/clone.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/clone")
STEPS = [
    ("prod_build", ["build", "--target", "prod"]),
    ("dev_m3", ["run", "-s", "m3", "--target", "dev"]),
    ("clone", ["clone", "--state", "prod-state", "--target", "dev"]),
    ("clone_again", ["clone", "--state", "prod-state", "--target", "dev"]),
    ("clone_full_refresh", ["clone", "--state", "prod-state", "--target", "dev", "--full-refresh"]),
]


def sqlite_profile(folder):
    return ("clones:\n  target: dev\n  outputs:\n" + "".join(
        f"    {name}:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: {name}\n"
        f"      schemas_and_paths:\n        main: {folder}/main.db\n        prod: {folder}/prod.db\n        dev: {folder}/dev.db\n"
        f"      schema_directory: {folder}\n" for name in ["prod", "dev"]))


def sqlite_relations(folder, schema):
    db = sqlite3.connect(os.path.join(folder, schema + ".db"))
    return {name: kind for name, kind in db.execute("select name, type from sqlite_master where type in ('table', 'view')")}


def postgres_profile(schemas):
    env = os.environ
    return ("clones:\n  target: dev\n  outputs:\n" + "".join(
        f"    {name}:\n      type: postgres\n      threads: 1\n      host: {env['PGHOST']}\n      port: {env.get('PGPORT', '5432')}\n"
        f"      user: {env.get('PGUSER', 'postgres')}\n      pass: \"{env.get('PGPASSWORD', '')}\"\n"
        f"      dbname: {env.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n" for name, schema in schemas.items()))


def postgres_relations(schema, drop=False):
    import psycopg2
    env = os.environ
    db = psycopg2.connect(host=env["PGHOST"], port=env.get("PGPORT", "5432"), user=env.get("PGUSER", "postgres"),
                          password=env.get("PGPASSWORD", ""), dbname=env.get("PGDATABASE", "postgres"))
    db.autocommit = True
    cursor = db.cursor()
    if drop:
        cursor.execute(f'drop schema if exists "{schema}" cascade')
        return {}
    cursor.execute("select table_name, table_type from information_schema.tables where table_schema = %s", (schema,))
    return {name: "view" if kind == "VIEW" else "table" for name, kind in cursor.fetchall()}


def lines(stdout):
    found = []
    for line in stdout.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line)
        line = re.sub(r"^\d\d:\d\d:\d\d  ", "", line)
        line = re.sub(r" in \d+\.\d\ds\]", " in Xs]", line)
        # From the concurrency line on: what the command itself prints.
        if found or line.startswith("Concurrency:"):
            found.append(line)
    return found


def record(adapter):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
        suffix = uuid.uuid4().hex[:8]
        schemas = {"prod": "prod_" + suffix, "dev": "dev_" + suffix}
        with open(os.path.join(folder, "profiles.yml"), "w") as f:
            f.write(sqlite_profile(folder) if adapter == "sqlite" else postgres_profile(schemas))
        steps = {}
        try:
            for name, arguments in STEPS:
                done = subprocess.run([DBT] + arguments + ["--profiles-dir", "."], cwd=folder, capture_output=True, text=True,
                                      env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
                if name == "prod_build":
                    shutil.copytree(os.path.join(folder, "target"), os.path.join(folder, "prod-state"))
                with open(os.path.join(folder, "target", "run_results.json")) as f:
                    results = json.load(f)["results"]
                relations = sqlite_relations(folder, "dev") if adapter == "sqlite" else postgres_relations(schemas["dev"])
                steps[name] = {"exit_code": done.returncode, "lines": [l.replace(schemas["dev"], "<dev>").replace(schemas["prod"], "<prod>")
                                                                       for l in lines(done.stdout)],
                               "results": sorted(({"unique_id": r["unique_id"], "status": r["status"],
                                                   "timing": r["timing"], "thread_id": r["thread_id"],
                                                   "message": (r["message"] or "").replace(schemas["dev"], "<dev>"),
                                                   "adapter_response": r["adapter_response"]} for r in results),
                                                 key=lambda r: r["unique_id"]),
                               "dev_relations": relations}
        finally:
            if adapter == "postgres":
                for schema in schemas.values():
                    postgres_relations(schema, drop=True)
        return steps


def main():
    expected = {"sqlite": record("sqlite")}
    if os.environ.get("PGHOST"):
        expected["postgres"] = record("postgres")
    with open(OUTPUT, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
