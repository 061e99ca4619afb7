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
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/microbatch_hooks")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/microbatch-hooks.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
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


def connect(adapter, project):
    if adapter == "sqlite":
        return sqlite3.connect(project + "/target/main.sqlite")
    return psycopg2.connect(host=os.environ["PGHOST"], port=os.environ.get("PGPORT", "5432"),
                            user=os.environ.get("PGUSER", "postgres"), password=os.environ.get("PGPASSWORD", ""),
                            dbname=os.environ.get("PGDATABASE", "postgres"))


def hook_log(adapter, project, schema):
    db = connect(adapter, project)
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


def profile(adapter, project, schema):
    if adapter == "sqlite":
        return ("microbatch_hooks:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                "      database: main\n      schema: main\n      schemas_and_paths:\n"
                f"        main: {project}/target/main.sqlite\n      schema_directory: {project}/target\n")
    return ("microbatch_hooks:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      threads: 1\n"
            f"      host: {os.environ['PGHOST']}\n      port: {os.environ.get('PGPORT', '5432')}\n"
            f"      user: {os.environ.get('PGUSER', 'postgres')}\n      pass: \"{os.environ.get('PGPASSWORD', '')}\"\n"
            f"      dbname: {os.environ.get('PGDATABASE', 'postgres')}\n      schema: {schema}\n")


def record(adapter):
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    schema = "ref_" + uuid.uuid4().hex[:8]
    project = os.path.join(work, "microbatch_hooks")
    steps = []
    try:
        shutil.copytree(FIXTURE, project)
        os.makedirs(project + "/target", exist_ok=True)
        with open(project + "/profiles.yml", "w") as f:
            f.write(profile(adapter, project, schema))
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        for number, (model, arguments) in enumerate(STEPS, start=1):
            if model is not None:
                with open(project + "/models/concurrent.sql", "w") as f:
                    f.write(model)
            done = subprocess.run([DBT] + arguments + ["--profiles-dir", project], cwd=project, env=env,
                                  capture_output=True, text=True)
            step = {"step": number, "arguments": arguments, "model": model, "exit_code": done.returncode,
                    "console": console_lines(done.stdout)}
            if model is None:
                with open(project + "/target/run_results.json") as f:
                    step["results"] = {r["unique_id"]: {"status": r["status"], "message": r["message"]}
                                       for r in json.load(f)["results"]}
                step["hook_log"] = hook_log(adapter, project, schema)
            steps.append(step)
    finally:
        if adapter == "postgres":
            db = connect(adapter, project)
            db.cursor().execute(f'drop schema if exists "{schema}" cascade')
            db.commit()
            db.close()
        shutil.rmtree(work)
    return steps


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "postgres": record("postgres"), "sqlite": record("sqlite")}
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
