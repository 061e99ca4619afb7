#!/usr/bin/env python3
"""Records the unique IDs dbt-core gives the generic tests of Tests/Fixtures/test_names, into its
expected-unique-ids.json: `dbt parse` on a copy (with a PostgreSQL profile; parse never connects).
Usage: python3 scripts/record-test-unique-ids.py (needs `pip install "dbt-core==1.10.*" dbt-postgres` and `dbt`
on PATH, or DBT=/path/to/dbt)."""
import json
import os
import shutil
import subprocess
import tempfile

PROFILE = """p:
  target: dev
  outputs:
    dev: {type: postgres, host: localhost, port: 5432, user: x, password: x, dbname: x, schema: s, threads: 1}
"""


def main():
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "test_names")
    with tempfile.TemporaryDirectory() as folder:
        project = os.path.join(folder, "test_names")
        shutil.copytree(fixture, project)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(PROFILE)
        subprocess.run([os.environ.get("DBT", "dbt"), "parse", "--profiles-dir", ".", "--no-partial-parse"],
                       cwd=project, check=True, capture_output=True)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
    ids = sorted(k for k, v in manifest["nodes"].items() if v["resource_type"] == "test")
    with open(os.path.join(fixture, "expected-unique-ids.json"), "w") as f:
        json.dump(ids, f, indent=1)
        f.write("\n")
    print(f"{len(ids)} test unique IDs")


if __name__ == "__main__":
    main()
