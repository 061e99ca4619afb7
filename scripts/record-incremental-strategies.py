#!/usr/bin/env python3
"""Records what `adapter.valid_incremental_strategies()` lists for each adapter, for
Tests/Fixtures/reference/incremental-strategies.json: the adapters' own classes asked directly (the method
reads nothing of the instance). Usage: python3 scripts/record-incremental-strategies.py  (in a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os

from dbt.adapters.postgres import PostgresAdapter
from dbt.adapters.sqlite.impl import SQLiteAdapter


def main():
    listed = {name: adapter.valid_incremental_strategies(None)
              for name, adapter in [("postgres", PostgresAdapter), ("sqlite", SQLiteAdapter)]}
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "reference", "incremental-strategies.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(listed, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
