#!/usr/bin/env python3
"""Records what dbt-core 1.10 writes in manifest.json of Tests/Fixtures/manifest_fields, into its expected.json:
each generic test's `refs`, `sources`, `attached_node`, `test_metadata` and `depends_on` (nodes and macros, in dbt's
order), each seed's `checksum` and `config.delimiter`, each model's `depends_on.macros` and hooks
(`config.pre-hook`/`post-hook`), `config.contract` and `contract` (without its checksum), each analysis's
`config.materialized`, each source's `loaded_at_field`/`loaded_at_query` (in `config` and beside it) and each unit
test's `config.tags` (Jinja rendered), as `dbt parse` writes them, what `dbt ls --select config.materialized:view`
lists (by default, and of analyses and models), and each model's SQL as `dbt compile` compiles it;
on a copy with a SQLite profile.
Usage: python3 scripts/record-manifest-fields.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "manifest_fields")
TEST_FIELDS = ("refs", "sources", "attached_node", "test_metadata", "depends_on")


def record():
    profile = lambda project: dbt_reference.profile("manifest_fields", "sqlite", project, "main")
    with dbt_reference.project_copy(FIXTURE, "manifest_fields", profile) as project:
        dbt_reference.run_dbt(project, ["parse", "--no-partial-parse"], check=True)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            parsed = json.load(f)
        nodes, unit_test_nodes, source_nodes = parsed["nodes"], parsed["unit_tests"], parsed["sources"]
        listed = {name: dbt_reference.run_dbt(project, ["ls", "--quiet", "--output", "name", "--select", "config.materialized:view"]
                                              + types, check=True).stdout.split()
                  for name, types in (("default", []), ("analysis_and_model", ["--resource-type", "analysis",
                                                                               "--resource-type", "model"]))}
        dbt_reference.run_dbt(project, ["compile", "--no-partial-parse"], check=True)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            compiled = json.load(f)["nodes"]
    tests = {unique_id: {field: node[field] for field in TEST_FIELDS}
             for unique_id, node in nodes.items() if node["resource_type"] == "test"}
    seeds = {unique_id: {"checksum": node["checksum"], "delimiter": node["config"]["delimiter"]}
             for unique_id, node in nodes.items() if node["resource_type"] == "seed"}
    models = {unique_id: {"macros": node["depends_on"]["macros"], "compiled_code": compiled[unique_id]["compiled_code"],
                          "pre-hook": node["config"]["pre-hook"], "post-hook": node["config"]["post-hook"],
                          "config.contract": node["config"]["contract"],
                          "contract": {key: node["contract"][key] for key in ("enforced", "alias_types")}}
              for unique_id, node in nodes.items() if node["resource_type"] == "model"}
    unit_tests = {unique_id: {"tags": node["config"]["tags"]} for unique_id, node in unit_test_nodes.items()}
    analyses = {unique_id: {"materialized": node["config"]["materialized"]}
                for unique_id, node in nodes.items() if node["resource_type"] == "analysis"}
    sources = {unique_id: {field: node[field] for field in ("loaded_at_field", "loaded_at_query")}
               | {"config." + field: node["config"][field] for field in ("loaded_at_field", "loaded_at_query")}
               for unique_id, node in source_nodes.items()}
    return tests, seeds, models, unit_tests, analyses, sources, listed


if __name__ == "__main__":
    tests, seeds, models, unit_tests, analyses, sources, listed = record()
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected.json"), tests=tests, seeds=seeds, models=models,
                                  unit_tests=unit_tests, analyses=analyses, sources=sources,
                                  ls_materialized_view=listed)
