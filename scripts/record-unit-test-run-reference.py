#!/usr/bin/env python3
"""Records what dbt-core 1.10 (dbt-postgres) does with Tests/Fixtures/unit_tests_run into its dbt-results.json:
after `dbt seed`, `dbt test` (every unit test on its own: status and message, colours off) and `dbt build`
(the status of every model: a model whose unit test fails is skipped), and manifest.json's `unit_tests`. Needs a PostgreSQL server in PGHOST,
PGPORT, PGUSER, PGPASSWORD, PGDATABASE (`. scripts/postgres.sh start`), `psql`, and `dbt` on PATH or DBT=/path/to/dbt.
The schema `unit_tests_reference` is dropped first.
Usage: python3 scripts/record-unit-test-run-reference.py"""
import json
import os
import shutil
import subprocess
import tempfile

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "unit_tests_run")


def dbt(project, *args):
    run = subprocess.run([os.environ.get("DBT", "dbt"), "--no-use-colors", *args, "--profiles-dir", "."],
                         cwd=project, capture_output=True, text=True)
    with open(os.path.join(project, "target", "run_results.json")) as f:
        return run.returncode, json.load(f)["results"]


def main():
    env = os.environ
    profile = (f"unit_tests_run:\n  target: dev\n  outputs:\n    dev: {{type: postgres, host: '{env['PGHOST']}', "
               f"port: {env['PGPORT']}, user: '{env['PGUSER']}', password: '{env['PGPASSWORD']}', "
               f"dbname: '{env['PGDATABASE']}', schema: unit_tests_reference, threads: 1}}\n")
    # A fresh schema: `dbt test` must find the models not built yet, as a first run does.
    subprocess.run(["psql", "-q", "-c", "drop schema if exists unit_tests_reference cascade"], check=True)
    with tempfile.TemporaryDirectory() as folder:
        project = os.path.join(folder, "unit_tests_run")
        shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("dbt-results.json"))
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(profile)
        dbt(project, "seed")
        test_code, tests = dbt(project, "test")
        build_code, built = dbt(project, "build")
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest_unit_tests = json.load(f)["unit_tests"]
    recorded = {
        "test_exit_code": test_code,
        "unit_tests": {r["unique_id"]: {"status": r["status"], "message": r["message"]}
                       for r in sorted(tests, key=lambda r: r["unique_id"]) if r["unique_id"].startswith("unit_test.")},
        "build_exit_code": build_code,
        "build_models": {r["unique_id"]: r["status"]
                         for r in sorted(built, key=lambda r: r["unique_id"]) if r["unique_id"].startswith("model.")},
        # manifest.json's unit_tests, without what depends on the run (created_at) or the target (schema).
        "manifest_unit_tests": {key: {k: v for k, v in entry.items() if k not in ("created_at", "schema")}
                                for key, entry in sorted(manifest_unit_tests.items())},
    }
    with open(os.path.join(FIXTURE, "dbt-results.json"), "w") as f:
        json.dump(recorded, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
