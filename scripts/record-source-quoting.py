#!/usr/bin/env python3
"""Records how dbt-core 1.10 applies a source's own `quoting:` (source level, and table level over it) in
Tests/Fixtures/source_quoting, whose dbt_project.yml sets `quoting: schema: false`, on dbt-sqlite and dbt-postgres,
into Tests/Fixtures/source_quoting/expected.json: per adapter, the manifest's `metadata.quoting`, each source's and
model's `relation_name` and each model's compiled SQL (the target's schema written as `<schema>`, the database as
`<database>`). PostgreSQL: run after `. scripts/postgres.sh start` in the same shell.
Usage: python3 scripts/record-source-quoting.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite and dbt-postgres)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "source_quoting")


def record(adapter):
    quoting, relations = dbt_reference.compiled_relations(FIXTURE, "source_quoting", adapter)
    return {"metadata.quoting": quoting, **relations}


if __name__ == "__main__":
    dbt_reference.record_sqlite_and_postgres(record, os.path.join(FIXTURE, "expected.json"))
