#!/usr/bin/env python3
"""Records what dbt-core 1.10 and dbt-postgres 1.9 do with the microbatch fixture Tests/Fixtures/execution/microbatch,
for Tests/Fixtures/reference/microbatch.json. A fresh copy of the fixture goes through four steps:

1. `build --event-time-start 2024-01-01 --event-time-end 2024-01-04`: three daily batches of `daily` and `flaky`,
   whose batch of 2024-01-02 fails (it reads `flaky_repairs`, which does not exist yet);
2. `flaky_repairs` is created (empty), then `retry`: only the failed batch runs again;
3. `run --select daily --event-time-start 2024-01-02 --event-time-end 2024-01-03 --vars 'factor: 10'`: one batch
   replaces that day's rows;
4. `run --select daily --full-refresh --event-time-start 2024-01-03 --event-time-end 2024-01-05`: the table is rebuilt
   from the first of two batches.

After each step: the exit code, each node's status, message and `batch_results` from run_results.json, the console's
`Batch ...` lines and the models' lines (timestamps, colours and durations removed), and the rows of `daily` and
`flaky` (every value as text, rows sorted). Both with dbt-postgres and with dbt-sqlite (whose incremental
materialization ignores the strategy: each batch deletes the rows whose `unique_key` it holds and inserts itself).

Usage: . scripts/postgres.sh start; python3 scripts/record-microbatch-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/microbatch")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/microbatch.json")
STEPS = [
    ["build", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04"],
    ["retry"],
    ["run", "--select", "daily", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03", "--vars", "factor: 10"],
    ["run", "--select", "daily", "--full-refresh", "--event-time-start", "2024-01-03", "--event-time-end", "2024-01-05"],
]
CONSOLE = re.compile(r"^\S+\s+((?:Batch )?\d+ of \d+ .*)$")
NOISE = [(re.compile(r"\x1b\[[0-9;]*m"), ""), (re.compile(r" in \d+\.\d+s\]"), "]")]


def execute(adapter, project, sql):
    db = dbt_reference.connect(adapter, project)
    db.cursor().execute(sql)
    db.commit()
    db.close()


def rows(adapter, project, schema, name):
    db = dbt_reference.connect(adapter, project)
    cur = db.cursor()
    if adapter == "sqlite":
        cur.execute("select 1 from sqlite_master where name = ?", (name,))
    else:
        cur.execute("select 1 from information_schema.tables where table_schema = %s and table_name = %s", (schema, name))
    if not cur.fetchall():
        db.close()
        return None
    cur.execute(f'select * from "{name}"' if adapter == "sqlite" else f'select * from "{schema}"."{name}"')
    columns = [d[0] for d in cur.description]
    found = sorted([None if v is None else str(v) for v in row] for row in cur.fetchall())
    db.close()
    return {"columns": columns, "rows": found}


def console_lines(text):
    out = []
    for line in text.splitlines():
        for pattern, replacement in NOISE:
            line = pattern.sub(replacement, line)
        match = CONSOLE.match(line)
        if match and (" model " in match.group(1) or match.group(1).startswith("Batch ")):
            out.append(match.group(1))
    return out


def record(adapter):
    schema = dbt_reference.new_schema()
    steps = []
    try:
        with dbt_reference.project_copy(FIXTURE, "microbatch",
                                        lambda project: dbt_reference.profile("microbatch", adapter, project,
                                                                              schema)) as project:
            for number, arguments in enumerate(STEPS, start=1):
                if arguments == ["retry"]:
                    table = "flaky_repairs" if adapter == "sqlite" else f'"{schema}".flaky_repairs'
                    execute(adapter, project, f"create table {table} (id integer)")
                done = dbt_reference.run_dbt(project, arguments)
                results = {r["unique_id"]: {"status": r["status"], "message": r["message"],
                                            "batch_results": r["batch_results"]}
                           for r in dbt_reference.run_results(project)}
                steps.append({"step": number, "arguments": arguments, "exit_code": done.returncode, "results": results,
                              "console": console_lines(done.stdout),
                              "tables": {name: rows(adapter, project, schema, name) for name in ["daily", "flaky"]}})
    finally:
        if adapter == "postgres":
            dbt_reference.drop_schemas(schema)
    return steps


def main():
    dbt_reference.write_reference(OUTPUT, postgres=record("postgres"), sqlite=record("sqlite"))


if __name__ == "__main__":
    main()
