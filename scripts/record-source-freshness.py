#!/usr/bin/env python3
"""Records what dbt-core 1.10 does for `dbt source freshness` and `source_status:` selection on the fixture
Tests/Fixtures/source_freshness, for Tests/Fixtures/reference/source-freshness.json. The fixture's `loaders` models
write each source table with `loaded_at` values relative to now (minutes, hours, days ago), so the recording keeps
statuses and shapes, never times: on a fresh copy
  1. `run --select loaders`, then `source freshness`: its exit code, console lines (times as `in Xs`), whether
     run_results.json was rewritten, and sources.json: its metadata keys and, per result, its keys, status, criteria,
     adapter_response keys, timing names, thread name and how `max_loaded_at`/`snapshotted_at` are written;
  2. the target folder kept as the "state", a row loaded now added to `late_payments`, `source freshness` again;
     then `ls` and `build` with `source_status:fresher[+]` and `--state`;
  3. `source freshness` with `--select source:raw.fresh_orders` and with `-s source:app+ -o target/app.json`;
  4. `build` (which checks no freshness) and `ls -s source_status:fresher` with a state that has no sources.json;
  5. `source freshness --threads 3` (statuses and thread names), then with the project's own `collect_freshness`
     (Tests/Fixtures/source_freshness_override, copied into macros/); a selection with nothing to check.
dbt-sqlite always; dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-source-freshness.py [dbt]"""
import json
import os
import re
import shutil

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/source_freshness")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/source-freshness.json")
OVERRIDE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/source_freshness_override/collect_freshness.sql")
TIME = re.compile(r" in \d+\.\d+s\]")
STAMP = re.compile(r"^\d\d:\d\d:\d\d  ")
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def lines(run):
    """The run's console lines without colours, timestamps and times, blank lines and dbt's version notices."""
    out = []
    for line in (run.stdout + run.stderr).splitlines():
        line = TIME.sub(" in Xs]", STAMP.sub("", dbt_reference.ANSI.sub("", line)).rstrip())
        if line and not line.startswith(("Running with dbt", "This version of dbt", "Registered adapter")):
            out.append(line)
    return out


def shape(value):
    """How a timestamp of sources.json is written: `iso` with `Z`, an offset, or none after it."""
    match = DATETIME.match(value) if isinstance(value, str) else None
    if not match:
        return repr(value)
    return "iso" + ("" if match.group(2) is None else "+offset" if match.group(2) != "Z" else "Z") \
        + (".fraction" if match.group(1) else "")


def sources_json(path):
    """The recorded shape of a sources.json."""
    with open(path) as f:
        document = json.load(f)
    results = []
    for result in document["results"]:
        entry = {"keys": list(result), "unique_id": result["unique_id"], "status": result["status"]}
        if "criteria" in result:
            entry.update(criteria=result["criteria"], adapter_response=sorted(result["adapter_response"]),
                         timing=[t["name"] for t in result["timing"]], thread_id=result["thread_id"],
                         max_loaded_at=shape(result["max_loaded_at"]), snapshotted_at=shape(result["snapshotted_at"]),
                         age_is_number=isinstance(result["max_loaded_at_time_ago_in_s"], (int, float)))
        results.append(entry)
    return {"keys": list(document), "metadata": sorted(document["metadata"]),
            "schema": document["metadata"]["dbt_schema_version"], "results": sorted(results, key=lambda r: r["unique_id"])}


def step(project, arguments):
    """Runs dbt; returns its exit code and lines."""
    done = dbt_reference.run_dbt(project, arguments)
    return {"arguments": arguments, "exit_code": done.returncode, "lines": lines(done)}


def touch_late_payments(adapter, project, schema):
    """Adds a row to `late_payments` loaded now."""
    db = dbt_reference.connect(adapter, project)
    if adapter == "sqlite":
        db.execute("insert into late_payments values (2, datetime('now'))")
    else:
        db.cursor().execute(f'insert into "{schema}"."late_payments" values (2, now())')
    db.commit()
    db.close()


def record(adapter):
    with dbt_reference.fixture_project(FIXTURE, "source_freshness", adapter) as (project, schema):
        target = project + "/target"
        out = {"load": step(project, ["run", "--select", "loaders"])}
        before = os.path.getmtime(target + "/run_results.json")
        out["freshness"] = step(project, ["source", "freshness"])
        out["freshness"]["run_results_rewritten"] = os.path.getmtime(target + "/run_results.json") != before
        out["freshness"]["sources_json"] = sources_json(target + "/sources.json")
        shutil.copytree(target, project + "/state")
        touch_late_payments(adapter, project, schema)
        out["freshness_again"] = step(project, ["source", "freshness"])
        out["freshness_again"]["sources_json"] = sources_json(target + "/sources.json")
        out["source_status"] = [step(project, arguments) for arguments in [
            ["ls", "--select", "source_status:fresher", "--state", "state"],
            ["ls", "--select", "source_status:fresher+", "--state", "state"],
            ["build", "--select", "source_status:fresher+", "--state", "state"],
        ]]
        out["source_status_build_ids"] = sorted(r["unique_id"] for r in dbt_reference.run_results(project))
        out["select_one"] = step(project, ["source", "freshness", "--select", "source:raw.fresh_orders"])
        out["select_one"]["sources_json"] = sources_json(target + "/sources.json")
        out["select_output"] = step(project, ["source", "freshness", "-s", "source:app+", "-o", "target/app.json"])
        out["select_output"]["sources_json"] = sources_json(target + "/app.json")
        out["select_output"]["default_file_ids"] = [r["unique_id"] for r in sources_json(target + "/sources.json")["results"]]
        out["build"] = step(project, ["build"])
        out["build_ids"] = sorted(r["unique_id"] for r in dbt_reference.run_results(project))
        os.remove(project + "/state/sources.json")
        out["no_state_sources"] = step(project, ["ls", "--select", "source_status:fresher", "--state", "state"])
        out["threads"] = step(project, ["source", "freshness", "--threads", "3"])
        out["threads"]["sources_json"] = sources_json(target + "/sources.json")
        shutil.copy(OVERRIDE, project + "/macros/collect_freshness.sql")
        out["override"] = step(project, ["source", "freshness"])
        out["override"]["sources_json"] = sources_json(target + "/sources.json")
        out["nothing"] = step(project, ["source", "freshness", "-s", "source:app.undated"])
        out["nothing"]["sources_json"] = sources_json(target + "/sources.json")
        return out


def main():
    dbt_reference.record_sqlite_and_postgres(record, OUTPUT)


if __name__ == "__main__":
    main()
