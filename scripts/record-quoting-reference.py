#!/usr/bin/env python3
"""Records how dbt-core 1.10 applies dbt_project.yml's `quoting:` (every part false) in Tests/Fixtures/quoting, on
dbt-sqlite and dbt-postgres (a model with a `quoting` config, a source table with `quoting: identifier: false`), into Tests/Fixtures/quoting/expected.json: per adapter, each model's and source's
`relation_name` in the manifest and each model's compiled SQL (the target's schema written as `<schema>`).
PostgreSQL: run after `. scripts/postgres.sh start` in the same shell.
Usage: python3 scripts/record-quoting-reference.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite and dbt-postgres)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "quoting")


def record(adapter):
    schema = "main" if adapter == "sqlite" else dbt_reference.new_schema()
    database = "main" if adapter == "sqlite" else os.environ.get("PGDATABASE", "postgres")
    profile = lambda project: dbt_reference.profile("quoting", adapter, project, schema)
    with dbt_reference.project_copy(FIXTURE, "quoting", profile) as project:
        dbt_reference.run_dbt(project, ["compile"], check=True)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
    if adapter != "sqlite":
        dbt_reference.drop_schemas(schema)
    def generic(text):
        return text.replace(schema, "<schema>").replace(database, "<database>")
    entries = {**manifest["nodes"], **manifest["sources"]}
    return {unique_id: {"relation_name": generic(node["relation_name"]),
                        **({"compiled_code": generic(node["compiled_code"])} if "compiled_code" in node else {})}
            for unique_id, node in sorted(entries.items())}


if __name__ == "__main__":
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected.json"), sqlite=record("sqlite"),
                                  postgres=record("postgres"))
