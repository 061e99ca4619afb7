#!/usr/bin/env python3
"""Records the SQL dbt-core 1.10 renders for `get_insert_overwrite_merge_sql` (the merge of dbt's insert_overwrite
strategy, which dbt-postgres and dbt-sqlite do not offer but packages may call), for
Tests/Fixtures/reference/insert-overwrite.json: each call in CALLS compiled with `dbt --quiet compile --inline` in a
copy of the fixture Tests/Fixtures/execution/microbatch, with dbt-postgres 1.9 and with dbt-sqlite 1.10. Tests compare
the text with its runs of whitespace made one space.

Usage: . scripts/postgres.sh start; python3 scripts/record-insert-overwrite-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/microbatch")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/insert-overwrite.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
RELATIONS = "api.Relation.create(identifier='orders'), api.Relation.create(identifier='orders__dbt_tmp')"
COLUMNS = "[{'name': 'id'}, {'name': 'amount'}, {'name': 'Day'}]"
CALLS = [
    "{{ get_insert_overwrite_merge_sql(%s, %s, none) }}" % (RELATIONS, COLUMNS),
    "{{ get_insert_overwrite_merge_sql(%s, %s, []) }}" % (RELATIONS, COLUMNS),
    "{{ get_insert_overwrite_merge_sql(%s, %s, [\"DBT_INTERNAL_DEST.day = '2024-01-01'\", 'DBT_INTERNAL_DEST.id > 0']) }}"
    % (RELATIONS, COLUMNS),
    "{{ get_insert_overwrite_merge_sql(%s, [{'name': 'id'}], ['true'], include_sql_header=true) }}" % RELATIONS,
    "{{ dbt.get_insert_overwrite_merge_sql(%s, %s, ['x = 1'], false) }}" % (RELATIONS, COLUMNS),
]


def profile(adapter, project):
    if adapter == "sqlite":
        return ("microbatch:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {project}/target/main.sqlite\n      schema_directory: {project}/target\n")
    return ("microbatch:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: public\n")


def record(adapter):
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    project = os.path.join(work, "microbatch")
    rendered = []
    try:
        shutil.copytree(FIXTURE, project)
        os.makedirs(project + "/target", exist_ok=True)
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile(adapter, project))
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        for call in CALLS:
            done = subprocess.run([DBT, "--quiet", "compile", "--inline", call, "--profiles-dir", project], cwd=project,
                                  env=env, capture_output=True, text=True)
            rendered.append({"call": call, "exit_code": done.returncode, "sql": done.stdout})
    finally:
        shutil.rmtree(work)
    return rendered


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "postgres": record("postgres"), "sqlite": record("sqlite")}
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
