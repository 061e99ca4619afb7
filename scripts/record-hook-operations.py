#!/usr/bin/env python3
"""Records what dbt-core writes in manifest.json for the on-run-start/on-run-end hooks of
Tests/Fixtures/hook_operations: each `operation` node whole (but `created_at`), their parent_map and child_map
entries, and the `Found ...` summary line of `dbt parse`.

usage: python3 scripts/record-hook-operations.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite; default /tmp/dbt-venv/bin/dbt)

Writes Tests/Fixtures/hook_operations/expected.json only."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "hook_operations")


def main():
    profile = lambda project: dbt_reference.profile("hook_operations", "sqlite", project, "main")
    with dbt_reference.project_copy(FIXTURE, "hook_operations", profile) as project:
        dbt_reference.run_dbt(project, ["parse", "--no-partial-parse"], check=True)
        with open(project + "/target/manifest.json") as f:
            manifest = json.load(f)
        listed = dbt_reference.run_dbt(project, ["ls", "--quiet"], check=True).stdout.split()
        compiled = dbt_reference.run_dbt(project, ["compile", "--no-partial-parse"], check=True).stdout
    found = next(line for line in dbt_reference.ANSI.sub("", compiled).splitlines() if "Found " in line)
    operations = {unique_id: {key: value for key, value in node.items() if key != "created_at"}
                  for unique_id, node in manifest["nodes"].items() if node["resource_type"] == "operation"}
    dbt_reference.write_reference(FIXTURE + "/expected.json", sqlite={
        "operations": operations,
        "parent_map": {key: manifest["parent_map"][key] for key in operations},
        "child_map": {key: manifest["child_map"][key] for key in operations},
        "ls": listed,
        "found": found[found.index("Found "):],
    })


if __name__ == "__main__":
    main()
