#!/usr/bin/env python3
"""Records how dbt-core 1.10 applies a source's own `quoting:` (source level, and table level over it) in
Tests/Fixtures/source_quoting, whose dbt_project.yml sets `quoting: schema: false`, on dbt-sqlite and dbt-postgres,
into Tests/Fixtures/source_quoting/expected.json: per adapter, the manifest's `metadata.quoting`, each source's and
model's `relation_name` and each model's compiled SQL (the target's schema written as `<schema>`, the database as
`<database>`). PostgreSQL: run after `. scripts/postgres.sh start` in the same shell.
Usage: python3 scripts/record-source-quoting.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite and dbt-postgres)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "source_quoting")


def record(adapter):
    schema = "main" if adapter == "sqlite" else dbt_reference.new_schema()
    database = "main" if adapter == "sqlite" else os.environ.get("PGDATABASE", "postgres")
    profile = lambda project: dbt_reference.profile("source_quoting", adapter, project, schema)
    with dbt_reference.project_copy(FIXTURE, "source_quoting", profile) as project:
        dbt_reference.run_dbt(project, ["compile"], check=True)
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
    def generic(text):
        return text.replace(schema, "<schema>").replace(database, "<database>")
    entries = {**manifest["nodes"], **manifest["sources"]}
    return {"metadata.quoting": manifest["metadata"]["quoting"],
            **{unique_id: {"relation_name": generic(node["relation_name"]),
                           **({"compiled_code": generic(node["compiled_code"])} if "compiled_code" in node else {})}
               for unique_id, node in sorted(entries.items())}}


if __name__ == "__main__":
    dbt_reference.record_sqlite_and_postgres(record, os.path.join(FIXTURE, "expected.json"))
