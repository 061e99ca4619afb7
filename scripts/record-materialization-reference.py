#!/usr/bin/env python3
"""Records what dbt-core 1.10 builds from the fixture Tests/Fixtures/execution/custom_materializations
(custom materializations, adapter variants, a package's `table`, failures), for
Tests/Fixtures/reference/custom-materializations.json: for each step (a fresh copy of the fixture, text
added to its dbt_project.yml, dbt commands), the exit codes, every table's rows (sorted) and, from the last
command's run_results.json, each node's status, message and adapter_response. Runs dbt-sqlite always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage: python3 scripts/record-materialization-reference.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv
with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/custom_materializations")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/custom-materializations.json")
FLAG = "flags:\n  require_explicit_package_overrides_for_builtin_materializations: false\n"

# (name, extra dbt_project.yml text, dbt arguments per run); each step starts from a fresh copy.
STEPS = [
    ("run_all", "", [["run"]]),
    ("rerun_counted", "", [["run", "--select", "counted"], ["run", "--select", "counted", "--vars", "batch: 5"]]),
    ("failures", "", [["run", "--select", "too_few", "broken"],
                      ["run", "--select", "too_few", "broken", "--vars", "{batch: 2, min_rows: 5, break: true}"]]),
    ("package_table_allowed", FLAG, [["run", "--select", "plain_table"]]),
    ("custom_incremental_strategy", "", [["run", "--select", "replaced"], ["run", "--select", "replaced", "--vars", "batch: 2"]]),
    ("appended_batches", "", [["run", "--select", "appended"], ["run", "--select", "appended", "--vars", "batch: 2"]]),
]


def profile(adapter, project, schema):
    return dbt_reference.profile("custom_materializations", adapter, project, schema,
                                 sqlite_file="custom_materializations.sqlite")


def tables(adapter, project, schema):
    if adapter == "sqlite":
        path = project + "/target/custom_materializations.sqlite"
        if not os.path.exists(path):
            return {}
        db = dbt_reference.connect(adapter, project, sqlite_file="custom_materializations.sqlite")
        names = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' order by name")]
        return {n: sorted([list(r) for r in db.execute(f'select * from "{n}"')], key=repr) for n in names}
    db = dbt_reference.postgres()
    cur = db.cursor()
    cur.execute("select table_name from information_schema.tables where table_schema = %s order by 1", (schema,))
    names = [r[0] for r in cur.fetchall()]
    out = {}
    for n in names:
        cur.execute(f'select * from "{schema}"."{n}"')
        out[n] = sorted([list(r) for r in cur.fetchall()], key=repr)
    cur.execute(f'drop schema if exists "{schema}" cascade')
    db.commit()
    return out


def record(adapter):
    results = {}
    for name, extra, runs in STEPS:
        schema = dbt_reference.new_schema()
        with dbt_reference.project_copy(FIXTURE, "custom_materializations",
                                        lambda project: profile(adapter, project, schema)) as project:
            with open(project + "/dbt_project.yml", "a") as f:
                f.write(extra)
            codes = [dbt_reference.run_dbt(project, arguments).returncode for arguments in runs]
            last = {r["unique_id"]: {key: r[key] for key in ("status", "message", "adapter_response")}
                    for r in dbt_reference.run_results(project)}
            results[name] = {"project_yml_extra": extra, "runs": runs, "exit_codes": codes,
                             "tables": tables(adapter, project, schema), "run_results": last}
    return results


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
