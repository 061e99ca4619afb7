#!/usr/bin/env python3
"""Records what dbt-core 1.10's run_query rows hold for dates, timestamps, numbers and booleans, for
Tests/Fixtures/reference/result-types.json, and for timestamps with a time zone and agate's column types, for
Tests/Fixtures/reference/result-zones.json, and for numbers as Python Decimals (str, repr, arithmetic, comparison,
filters), for Tests/Fixtures/reference/result-decimals.json, and for agate's `Table.rename`, for
Tests/Fixtures/reference/result-rename.json, and for the relations make_temp_relation, make_intermediate_relation
and make_backup_relation make, for Tests/Fixtures/reference/temp-relations.json: `dbt run-operation result_types`
(`result_zones`, `result_decimals`, `result_rename`, `temp_relations`) on the fixture
Tests/Fixtures/execution/result_types, with dbt-postgres (psycopg2 hands dates and timestamps over as objects)
and dbt-sqlite (text stays text), and the line the macro logs. Runs dbt-postgres when PGHOST is set
(`. scripts/postgres.sh start`). Usage: python3 scripts/record-result-types.py [path/to/dbt [MACRO...]]  (MACRO: only these recordings; default
/tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/result_types")
OUTPUTS = {"result_types": "Tests/Fixtures/reference/result-types.json",
           "result_zones": "Tests/Fixtures/reference/result-zones.json",
           "result_decimals": "Tests/Fixtures/reference/result-decimals.json",
           "result_rename": "Tests/Fixtures/reference/result-rename.json",
           "temp_relations": "Tests/Fixtures/reference/temp-relations.json"}
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def profile(adapter, project):
    if adapter == "sqlite":
        return ("result_types:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {project}/main.db\n      schema_directory: {project}\n")
    return ("result_types:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: public\n")


# Recorded on PostgreSQL only (dbt-sqlite's temporary relations are not swiftdbt's).
POSTGRES_ONLY = {"temp_relations"}


def record(macro):
    logged = {}
    adapters = ([] if macro in POSTGRES_ONLY else ["sqlite"]) + (["postgres"] if os.environ.get("PGHOST") else [])
    for adapter in adapters:
        work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
        try:
            project = os.path.join(work, "result_types")
            shutil.copytree(FIXTURE, project)
            with open(os.path.join(project, "profiles.yml"), "w") as f:
                f.write(profile(adapter, project))
            run = subprocess.run([DBT, "run-operation", macro, "--profiles-dir", project], cwd=project,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(run.stdout + run.stderr)
            line = next(l for l in run.stdout.splitlines() if "result types: " in l)
            logged[adapter] = line.split("result types: ", 1)[1]
        finally:
            shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(ROOT, OUTPUTS[macro]), "w", encoding="utf-8") as f:
        json.dump(logged, f, indent=1)
        f.write("\n")


def main():
    for macro in sys.argv[2:] or OUTPUTS:
        record(macro)


if __name__ == "__main__":
    main()
