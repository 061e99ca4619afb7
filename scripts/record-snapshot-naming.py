#!/usr/bin/env python3
"""Records where dbt-core 1.10 puts the snapshots of Tests/Fixtures/snapshot_naming (target_schema against
schema and alias, set in dbt_project.yml, a property entry or config(); a snapshot defined in YAML), for
Tests/Fixtures/dbt-reference/snapshot_naming.json: each snapshot's schema, alias, fqn, path, original_file_path and
`hard_deletes` config (set without `+` in dbt_project.yml for a folder)
after `dbt parse` with dbt-sqlite (target schema `main`).
Usage: python3 scripts/record-snapshot-naming.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/snapshot_naming")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/dbt-reference/snapshot_naming.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def main():
    with tempfile.TemporaryDirectory(prefix="swiftdbt-reference-") as work:
        project = os.path.join(work, "snapshot_naming")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write("snapshot_naming:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                    f"      database: main\n      schema: main\n      schemas_and_paths:\n        main: {work}/main.db\n"
                    f"      schema_directory: {work}\n")
        subprocess.run([DBT, "parse", "--profiles-dir", project, "--no-partial-parse"], cwd=project, check=True,
                       env=dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false"), stdout=subprocess.DEVNULL)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
    snapshots = {unique_id: dict({key: node[key] for key in ("schema", "alias", "fqn", "path", "original_file_path")},
                                 hard_deletes=node["config"].get("hard_deletes"))
                 for unique_id, node in sorted(manifest["nodes"].items()) if node["resource_type"] == "snapshot"}
    with open(OUTPUT, "w") as f:
        json.dump({"recorded_with": manifest["metadata"]["dbt_version"], "snapshots": snapshots}, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
