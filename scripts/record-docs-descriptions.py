#!/usr/bin/env python3
"""Records what dbt-core renders for the docs_site fixture's docs blocks and descriptions into
Tests/Fixtures/docs_site/expected-docs.json: every doc's block_contents (dbt's own built-in
overview left out), the description of every model, seed, source and column, and the fixture's
macros' descriptions and documented arguments, and the exposures' descriptions and dependencies.
Usage: python3 scripts/record-docs-descriptions.py [DBT]  (DBT: a dbt executable with dbt-sqlite,
by default /tmp/dbt-venv/bin/dbt; `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "docs_site")
OUTPUT = os.path.join(FIXTURE, "expected-docs.json")


def main(dbt):
    with tempfile.TemporaryDirectory() as scratch:
        project = os.path.join(scratch, "docs_site")
        shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("expected-docs.json", "target"))
        with open(os.path.join(project, "profiles.yml"), "w", encoding="utf-8") as f:
            f.write("docs_site:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                    "      database: database\n      schema: main\n"
                    f"      schemas_and_paths:\n        main: {scratch}/main.db\n      schema_directory: {scratch}\n")
        subprocess.run([dbt, "parse", "--profiles-dir", project, "--project-dir", project], check=True)
        with open(os.path.join(project, "target", "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
    described = [n for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")]
    described += list(manifest["sources"].values())
    expected = {
        "docs": {uid: doc["block_contents"] for uid, doc in sorted(manifest["docs"].items()) if doc["package_name"] != "dbt"},
        "descriptions": {n["unique_id"]: n["description"] for n in sorted(described, key=lambda n: n["unique_id"])},
        "columns": {n["unique_id"]: {name: c["description"] for name, c in n["columns"].items()}
                    for n in sorted(described, key=lambda n: n["unique_id"]) if n["columns"]},
        "macros": {uid: {"description": m["description"],
                         "arguments": [[a["name"], a["type"], a["description"]] for a in m["arguments"]]}
                   for uid, m in sorted(manifest["macros"].items()) if m["package_name"] == "docs_site"},
        "exposures": {uid: {"description": e["description"], "depends_on": sorted(e["depends_on"]["nodes"]),
                            "owner": [e["owner"]["name"], e["owner"]["email"]]}
                      for uid, e in sorted(manifest["exposures"].items())},
    }
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt")
