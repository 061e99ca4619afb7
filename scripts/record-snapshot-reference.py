#!/usr/bin/env python3
"""Records what dbt-core 1.10 snapshots from the fixture Tests/Fixtures/execution/snapshots, for
Tests/Fixtures/reference/snapshots.json: a fresh copy of the fixture is built four times
(`dbt build --vars 'step: N'`, N = 1..4; between steps the `items` model inserts, updates and deletes rows),
and after each step the nodes that failed and every snapshot's rows are recorded, normalised as the test normalises swiftdbt's:

- every value as text (NULL as null);
- a time the run made (any value from 2025 on; the fixture's data is from 2024, `dbt_valid_to_current` 9999) is
  "<now>";
- the `dbt_scd_id` of a row whose `dbt_updated_at` is such a time (a hash of it) is "<scd>";
- rows sorted.

dbt-sqlite's snapshots need an `md5` SQL function, which it expects from SQLean's crypto extension (loaded by the
profile's `extensions:`); this venv's Python cannot load extensions, so dbt runs with `md5` registered on each SQLite
connection as that extension defines it (the digest as a blob: `hex(md5('a'))` is 0CC175B9C0F1B6A831C399E269772661,
checked with the sqlite3 shell and `pip install sqlite-sqlean`'s crypto.so).

Runs dbt-sqlite always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: python3 scripts/record-snapshot-reference.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv
with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os
import re
import sqlite3
import sys

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/snapshots")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/snapshots.json")
SNAPSHOTS = ["ts_ignore", "ts_invalidate", "ts_new_record", "check_ignore", "check_invalidate", "check_new_record",
             "ts_composite", "ts_renamed", "yaml_items"]
RUN_TIME = re.compile(r"^(202[5-9]|20[3-9]\d)-")


def normalised(columns, rows):
    out = []
    for row in rows:
        values = [None if v is None else str(v) for v in row]
        values = ["<now>" if v is not None and RUN_TIME.match(v) else v for v in values]
        if "dbt_scd_id" in columns and "dbt_updated_at" in columns and values[columns.index("dbt_updated_at")] == "<now>":
            values[columns.index("dbt_scd_id")] = "<scd>"
        out.append(values)
    return sorted(out, key=lambda r: [("" if v is None else v) for v in r])


def snapshot_rows(adapter, project, schema):
    out = {}
    if adapter == "sqlite":
        db = sqlite3.connect(project + "/target/snapshots.sqlite")
        for name in SNAPSHOTS:
            try:
                cursor = db.execute(f'select * from "{name}"')
            except sqlite3.OperationalError:
                continue
            columns = [d[0] for d in cursor.description]
            out[name] = {"columns": columns, "rows": normalised(columns, cursor.fetchall())}
        db.close()
        return out
    db = dbt_reference.postgres()
    cur = db.cursor()
    for name in SNAPSHOTS:
        cur.execute("select 1 from information_schema.tables where table_schema = %s and table_name = %s", (schema, name))
        if not cur.fetchall():
            continue
        cur.execute(f'select * from "{schema}"."{name}"')
        columns = [d[0] for d in cur.description]
        out[name] = {"columns": columns, "rows": normalised(columns, cur.fetchall())}
    db.close()
    return out


def record(adapter):
    schema = dbt_reference.new_schema()
    steps = []
    command = dbt_reference.DBT_WITH_MD5 if adapter == "sqlite" else None
    try:
        with dbt_reference.project_copy(FIXTURE, "snapshots",
                                        lambda project: dbt_reference.profile("snapshots", adapter, project, schema,
                                                                              sqlite_file="snapshots.sqlite")) as project:
            for step in range(1, 5):
                done = dbt_reference.run_dbt(project, ["build", "--vars", f"step: {step}"], command=command)
                if done.returncode != 0:
                    print(done.stdout, file=sys.stderr)
                failed = sorted(r["unique_id"].split(".")[-1] for r in dbt_reference.run_results(project)
                                if r["status"] in ("error", "fail"))
                steps.append({"step": step, "exit_code": done.returncode, "failed": failed,
                              "snapshots": snapshot_rows(adapter, project, schema)})
    finally:
        if adapter == "postgres":
            dbt_reference.drop_schemas(schema)
    return steps


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
