#!/usr/bin/env python3
"""Records what dbt-core writes in manifest.json for a fixture project, as the reference the
artifact tests compare swiftdbt with: for every model, seed and test, its `checksum`, `patch_path`,
`unrendered_config`, `relation_name`, `raw_code`, `compiled_path` and `alias`; for every macro of the project, `macro_sql`.

usage: scripts/record-dbt-manifest.py FIXTURE [DBT]
  FIXTURE  a folder under Tests/Fixtures (jaffle_shop, generic_test_configs)
  DBT      the dbt executable (default: dbt); needs dbt-core 1.10 with dbt-sqlite 1.10
           (python3 -m venv /tmp/dbt-venv && /tmp/dbt-venv/bin/pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*")

Writes Tests/Fixtures/dbt-reference/FIXTURE-manifest.json. The project is copied to a temporary
folder and compiled there with a dbt-sqlite profile; nothing in the repository but that file is written.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(arguments):
    if not arguments:
        print(__doc__, file=sys.stderr)
        return 2
    fixture = arguments[0]
    dbt = arguments[1] if len(arguments) > 1 else "dbt"
    with tempfile.TemporaryDirectory(prefix="swiftdbt-dbt-reference-") as work:
        project = os.path.join(work, "project")
        shutil.copytree(os.path.join(REPOSITORY, "Tests", "Fixtures", fixture), project)
        with open(os.path.join(project, "dbt_project.yml"), encoding="utf-8") as file:
            profile = next(line.split(":", 1)[1].strip().strip("'\"") for line in file if line.startswith("profile:"))
        # swiftdbt quotes every part of a relation name (README: relation names); dbt-sqlite leaves the
        # schema bare unless the project asks for it, as here.
        with open(os.path.join(project, "dbt_project.yml"), "a", encoding="utf-8") as file:
            file.write("\nquoting:\n  schema: true\n")
        profiles = os.path.join(work, "profiles")
        os.mkdir(profiles)
        with open(os.path.join(profiles, "profiles.yml"), "w", encoding="utf-8") as file:
            file.write(f"{profile}:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                       f"      database: database\n      schema: main\n      schemas_and_paths:\n"
                       f"        main: {work}/main.db\n      schema_directory: {work}\n")
        subprocess.run([dbt, "compile", "--profiles-dir", profiles, "--no-partial-parse", "--no-send-anonymous-usage-stats"],
                       cwd=project, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(project, "target", "manifest.json"), encoding="utf-8") as file:
            manifest = json.load(file)
    nodes = {}
    for unique_id, node in sorted(manifest["nodes"].items()):
        nodes[unique_id] = {key: node[key] for key in ("checksum", "patch_path", "unrendered_config", "relation_name", "raw_code",
                                                       "compiled_path", "alias")
                           if key in node}
    macros = {unique_id: {"macro_sql": macro["macro_sql"], "path": macro["path"]}
              for unique_id, macro in sorted(manifest["macros"].items())
              if macro["package_name"] == manifest["metadata"]["project_name"]}
    reference = {"recorded_with": manifest["metadata"]["dbt_version"], "nodes": nodes, "macros": macros}
    folder = os.path.join(REPOSITORY, "Tests", "Fixtures", "dbt-reference")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{fixture}-manifest.json"), "w", encoding="utf-8") as file:
        json.dump(reference, file, indent=2, sort_keys=True)
        file.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
