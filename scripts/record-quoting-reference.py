#!/usr/bin/env python3
"""Records how dbt-core 1.10 applies dbt_project.yml's `quoting:` (every part false) in Tests/Fixtures/quoting, on
dbt-sqlite and dbt-postgres (a model with a `quoting` config, a source table with `quoting: identifier: false`), into Tests/Fixtures/quoting/expected.json: per adapter, each model's and source's
`relation_name` in the manifest and each model's compiled SQL (the target's schema written as `<schema>`).
PostgreSQL: run after `. scripts/postgres.sh start` in the same shell.
Usage: python3 scripts/record-quoting-reference.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite and dbt-postgres)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "quoting")


def record(adapter):
    return dbt_reference.compiled_relations(FIXTURE, "quoting", adapter)[1]


if __name__ == "__main__":
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected.json"), sqlite=record("sqlite"),
                                  postgres=record("postgres"))
