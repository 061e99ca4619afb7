#!/usr/bin/env python3
"""Records what dbt-core makes of Tests/Fixtures/versions (model versions) into its expected.json: each
model's unique ID, alias, fqn, version, latest_version and parents, the unique IDs of the generic tests
with the node each is attached to, and what `dbt ls -s version:<kind>` lists. `dbt parse`/`dbt ls` on a
copy, with a PostgreSQL profile (neither connects).
Usage: python3 scripts/record-versions-reference.py (needs `pip install "dbt-core==1.10.*" dbt-postgres` and
`dbt` on PATH, or DBT=/path/to/dbt)."""
import json
import os
import shutil
import subprocess
import tempfile

PROFILE = """versions:
  target: dev
  outputs:
    dev: {type: postgres, host: localhost, port: 5432, user: x, password: x, dbname: x, schema: s, threads: 1}
"""


def dbt(project, *arguments):
    return subprocess.run([os.environ.get("DBT", "dbt"), *arguments, "--profiles-dir", "."],
                          cwd=project, check=True, capture_output=True, text=True).stdout


def main():
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "versions")
    with tempfile.TemporaryDirectory() as folder:
        project = os.path.join(folder, "versions")
        shutil.copytree(fixture, project, ignore=shutil.ignore_patterns("expected.json"))
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(PROFILE)
        dbt(project, "parse", "--no-partial-parse")
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
        selections = {}
        for kind in ["latest", "prerelease", "old", "none"]:
            listed = dbt(project, "ls", "--quiet", "--resource-type", "model", "-s", f"version:{kind}",
                         "--output", "json", "--output-keys", "unique_id")
            selections[kind] = sorted(json.loads(line)["unique_id"] for line in listed.splitlines() if line.strip())
    nodes = manifest["nodes"]
    expected = {
        "models": {
            key: {"alias": node["alias"], "fqn": node["fqn"], "version": node["version"],
                  "latest_version": node["latest_version"], "deprecation_date": node["deprecation_date"],
                  "depends_on": sorted(node["depends_on"]["nodes"]), "columns": list(node["columns"]),
                  "description": node["description"], "materialized": node["config"]["materialized"]}
            for key, node in sorted(nodes.items()) if node["resource_type"] == "model"
        },
        "tests": {key: node["attached_node"] for key, node in sorted(nodes.items()) if node["resource_type"] == "test"},
        "selections": selections,
    }
    with open(os.path.join(fixture, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(f"{len(expected['models'])} models, {len(expected['tests'])} tests")


if __name__ == "__main__":
    main()
