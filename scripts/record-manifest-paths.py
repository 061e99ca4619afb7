#!/usr/bin/env python3
"""Records what dbt-core writes in manifest.json for Tests/Fixtures/manifest_paths: every node's `path` and
`depends_on.nodes` (an analysis's path under `analysis/`; sources before refs, each in the order the code calls them).

usage: python3 scripts/record-manifest-paths.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite; default /tmp/dbt-venv/bin/dbt)

dbt's static parser hands a model's sources over in no fixed order, so the recording parses with --no-static-parser:
every model rendered, as swiftdbt renders it. Writes Tests/Fixtures/manifest_paths/expected.json only."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "manifest_paths")


def main():
    profile = lambda project: dbt_reference.profile("manifest_paths", "sqlite", project, "main")
    with dbt_reference.project_copy(FIXTURE, "manifest_paths", profile) as project:
        dbt_reference.run_dbt(project, ["parse", "--no-partial-parse", "--no-static-parser"], check=True)
        with open(project + "/target/manifest.json") as f:
            manifest = json.load(f)
    nodes = {unique_id: {"path": node["path"], "depends_on": node["depends_on"]["nodes"]}
             for unique_id, node in manifest["nodes"].items()}
    dbt_reference.write_reference(FIXTURE + "/expected.json", sqlite=nodes)


if __name__ == "__main__":
    main()
