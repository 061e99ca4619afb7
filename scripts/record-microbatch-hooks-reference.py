#!/usr/bin/env python3
"""Records what dbt-core 1.10 (with dbt-postgres 1.9 and dbt-sqlite 1.10) does with a microbatch model's hooks and its
`concurrent_batches` config, for Tests/Fixtures/reference/microbatch-hooks.json. A fresh copy of the fixture
Tests/Fixtures/execution/microbatch_hooks (model `hooked`: two pre-hooks, a post-hook and, on PostgreSQL only, a post-hook
run after the commit, since dbt-sqlite fails any hook run outside the transaction: "cannot commit - no transaction
is active"; each hook logging a row `(n, kind, batch)` to `hook_log`) goes through these steps:

1. `build --event-time-start 2024-01-01 --event-time-end 2024-01-04`: three daily batches;
2. the same `run` with `--vars 'fail_batch: 20240103'`: the last batch fails;
3. the same with `fail_batch: 20240101`: the first batch fails, the others are skipped;
4. `run --event-time-start 2024-01-02 --event-time-end 2024-01-03`: a single batch;
5. a second microbatch model `concurrent` with `concurrent_batches=true`, then `parse`;
6. the same model with `concurrent_batches='yes'`, then `parse`.

After each step: the exit code, the console's model, `Batch ...`, warning and error lines (timestamps, colours and
durations removed), each model's status and message from run_results.json (steps 1-4) and the rows of `hook_log`
(every value as text, in `n` order).

Usage: . scripts/postgres.sh start; python3 scripts/record-microbatch-hooks-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os
import re
import sqlite3

import psycopg2

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/microbatch_hooks")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/microbatch-hooks.json")
WINDOW = ["--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04"]
CONCURRENT = ("{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at',\n"
              "          batch_size='day', begin='2024-01-01', unique_key='id', concurrent_batches=%s) }}\n"
              "select * from {{ ref('events') }}\n")
STEPS = [
    (None, ["build"] + WINDOW),
    (None, ["run", "--select", "hooked"] + WINDOW + ["--vars", "fail_batch: '20240103'"]),
    (None, ["run", "--select", "hooked"] + WINDOW + ["--vars", "fail_batch: '20240101'"]),
    (None, ["run", "--select", "hooked", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03"]),
    (CONCURRENT % "true", ["parse"]),
    (CONCURRENT % "'yes'", ["parse"]),
]
LINE = re.compile(r"^\d\d:\d\d:\d\d\s+(.*)$")
NOISE = [(re.compile(r"\x1b\[[0-9;]*m"), ""), (re.compile(r" in \d+\.\d+s\]"), "]")]


def hook_log(adapter, project, schema):
    db = dbt_reference.connect(adapter, project)
    cur = db.cursor()
    try:
        cur.execute("select n, kind, batch from " + ("hook_log" if adapter == "sqlite" else f'"{schema}".hook_log')
                    + " order by n")
        found = [[None if v is None else str(v) for v in row] for row in cur.fetchall()]
    except (sqlite3.Error, psycopg2.Error):
        found = None
    db.close()
    return found


def console_lines(text):
    """The model, batch, warning and error lines; a line dbt wrapped is kept whole, its parts joined by newlines."""
    out = []
    kept = False
    for line in text.splitlines():
        for pattern, replacement in NOISE:
            line = pattern.sub(replacement, line)
        match = LINE.match(line)
        if not match:
            if kept and line.strip():
                out[-1] += "\n" + line
            continue
        body = match.group(1)
        kept = (" model " in body or body.startswith("Batch ") or body.startswith("[WARNING]")
                or body.startswith("Encountered an error"))
        if kept:
            out.append(body)
    return out


def record(adapter):
    schema = dbt_reference.new_schema()
    steps = []
    try:
        with dbt_reference.project_copy(FIXTURE, "microbatch_hooks",
                                        lambda project: dbt_reference.profile("microbatch_hooks", adapter, project,
                                                                              schema)) as project:
            for number, (model, arguments) in enumerate(STEPS, start=1):
                if model is not None:
                    with open(project + "/models/concurrent.sql", "w") as f:
                        f.write(model)
                done = dbt_reference.run_dbt(project, arguments)
                step = {"step": number, "arguments": arguments, "model": model, "exit_code": done.returncode,
                        "console": console_lines(done.stdout)}
                if model is None:
                    step["results"] = {r["unique_id"]: {"status": r["status"], "message": r["message"]}
                                       for r in dbt_reference.run_results(project)}
                    step["hook_log"] = hook_log(adapter, project, schema)
                steps.append(step)
    finally:
        if adapter == "postgres":
            dbt_reference.drop_schemas(schema)
    return steps


def main():
    dbt_reference.write_reference(OUTPUT, postgres=record("postgres"), sqlite=record("sqlite"))


if __name__ == "__main__":
    main()
