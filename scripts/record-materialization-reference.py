#!/usr/bin/env python3
"""Records what dbt-core 1.10 builds from the fixture Tests/Fixtures/execution/custom_materializations
(custom materializations, adapter variants, a package's `table`, failures), for
Tests/Fixtures/reference/custom-materializations.json: for each step (a fresh copy of the fixture, text
added to its dbt_project.yml, dbt commands), the exit codes, every table's rows (sorted) and, from the last
command's run_results.json, each node's status, message and adapter_response. Runs dbt-sqlite always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: python3 scripts/record-materialization-reference.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv
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
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/custom_materializations")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/custom-materializations.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
FLAG = "flags:\n  require_explicit_package_overrides_for_builtin_materializations: false\n"

# (name, extra dbt_project.yml text, dbt arguments per run); each step starts from a fresh copy.
STEPS = [
    ("run_all", "", [["run"]]),
    ("rerun_counted", "", [["run", "--select", "counted"], ["run", "--select", "counted", "--vars", "batch: 5"]]),
    ("failures", "", [["run", "--select", "too_few", "broken"],
                      ["run", "--select", "too_few", "broken", "--vars", "{batch: 2, min_rows: 5, break: true}"]]),
    ("package_table_allowed", FLAG, [["run", "--select", "plain_table"]]),
    ("custom_incremental_strategy", "", [["run", "--select", "replaced"], ["run", "--select", "replaced", "--vars", "batch: 2"]]),
    ("appended_batches", "", [["run", "--select", "appended"], ["run", "--select", "appended", "--vars", "batch: 2"]]),
]


def profile(adapter, project, schema):
    if adapter == "sqlite":
        target = project + "/target"
        return ("custom_materializations:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {target}/custom_materializations.sqlite\n      schema_directory: {target}\n")
    return ("custom_materializations:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def tables(adapter, project, schema):
    if adapter == "sqlite":
        path = project + "/target/custom_materializations.sqlite"
        if not os.path.exists(path):
            return {}
        db = sqlite3.connect(path)
        names = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' order by name")]
        return {n: sorted([list(r) for r in db.execute(f'select * from "{n}"')], key=repr) for n in names}
    import psycopg2
    db = psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                          user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                          dbname=os.environ.get("PGDATABASE", "postgres"))
    cur = db.cursor()
    cur.execute("select table_name from information_schema.tables where table_schema = %s order by 1", (schema,))
    names = [r[0] for r in cur.fetchall()]
    out = {}
    for n in names:
        cur.execute(f'select * from "{schema}"."{n}"')
        out[n] = sorted([list(r) for r in cur.fetchall()], key=repr)
    cur.execute(f'drop schema if exists "{schema}" cascade')
    db.commit()
    return out


def record(adapter):
    results = {}
    for name, extra, runs in STEPS:
        work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
        try:
            project = os.path.join(work, "custom_materializations")
            shutil.copytree(FIXTURE, project)
            os.makedirs(project + "/target", exist_ok=True)
            with open(project + "/dbt_project.yml", "a") as f:
                f.write(extra)
            schema = "ref_" + uuid.uuid4().hex[:8]
            with open(project + "/profiles.yml", "w") as f:
                f.write(profile(adapter, project, schema))
            codes = []
            env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
            for arguments in runs:
                done = subprocess.run([DBT] + arguments + ["--profiles-dir", project], cwd=project, env=env,
                                      capture_output=True, text=True)
                codes.append(done.returncode)
            with open(project + "/target/run_results.json") as f:
                last = {r["unique_id"]: {key: r[key] for key in ("status", "message", "adapter_response")}
                        for r in json.load(f)["results"]}
            results[name] = {"project_yml_extra": extra, "runs": runs, "exit_codes": codes,
                             "tables": tables(adapter, project, schema), "run_results": last}
        finally:
            shutil.rmtree(work)
    return results


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
