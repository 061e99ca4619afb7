#!/usr/bin/env python3
"""Records what dbt-core 1.10 (with dbt-sqlite) loads from Tests/Fixtures/project_target for each of two targets,
dev and prod, for Tests/Fixtures/reference/project-target.json: `dbt ls --output json` gives each model's unique
id and schema config (model-paths and +schema read `target`, in the root's dbt_project.yml and in that of the
package installed under dbt_packages/). Usage: python3 scripts/record-project-target.py
[path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/project_target")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/project-target.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def main():
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    listed = {}
    try:
        project = os.path.join(work, "project_target")
        shutil.copytree(FIXTURE, project)
        outputs = "".join(f"    {name}:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n"
                          f"      schemas_and_paths:\n        main: {project}/{name}.db\n      schema_directory: {project}\n"
                          for name in ("dev", "prod"))
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write("project_target:\n  target: dev\n  outputs:\n" + outputs)
        for target in ("dev", "prod"):
            run = subprocess.run([DBT, "ls", "--output", "json", "--target", target,
                                  "--profiles-dir", project, "--quiet"], cwd=project, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(run.stdout + run.stderr)
            nodes = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
            listed[target] = sorted([node["unique_id"], node["config"]["schema"]] for node in nodes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(listed, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
