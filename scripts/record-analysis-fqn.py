#!/usr/bin/env python3
"""Records where dbt-core 1.10 puts an analysis in the project's names, into
Tests/Fixtures/resource_types/expected-analysis-fqn.json: after `dbt parse`, each analysis's `fqn`, `path` and
`original_file_path` in manifest.json (one at the top of analyses/, one in a subfolder), and the unique IDs
`dbt ls --resource-type all -s <selector>` lists for selectors that name analyses by their fqn.
Usage: python3 scripts/record-analysis-fqn.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "resource_types")
SELECTORS = ["fqn:resource_types.analysis.order_report", "resource_types.analysis", "analysis.reports",
             "fqn:analysis", "order_report", "resource_types.order_report"]


def main():
    with dbt_reference.project_copy(FIXTURE, "resource_types", lambda p: dbt_reference.profile(
            "resource_types", "sqlite", p, "main")) as project:
        dbt_reference.run_dbt(project, ["parse", "--no-partial-parse"], check=True)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            nodes = json.load(f)["nodes"]
        analyses = {uid: {key: node[key] for key in ("fqn", "path", "original_file_path")}
                    for uid, node in nodes.items() if node["resource_type"] == "analysis"}
        selected = {}
        for selector in SELECTORS:
            run = dbt_reference.run_dbt(project, ["--quiet", "ls", "--resource-type", "all", "-s", selector,
                                                  "--output", "json", "--output-keys", "unique_id"], check=True)
            selected[selector] = [json.loads(line)["unique_id"] for line in run.stdout.splitlines()
                                  if line.startswith("{")]
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-analysis-fqn.json"), analyses=analyses,
                                  selected=selected)


if __name__ == "__main__":
    main()
