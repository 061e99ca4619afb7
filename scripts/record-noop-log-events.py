#!/usr/bin/env python3
"""Records the `--log-format json --debug` events dbt-core 1.10's `build` prints for the no-op nodes of
Tests/Fixtures/semantic_layer (its exposure and saved query) into Tests/Fixtures/semantic_layer/expected-noop-events.json:
per node, in order, each event's name, code, level, thread, msg and data, with times and durations replaced by
`<time>` and `<seconds>` (colours off: `--no-use-colors`). dbt-sqlite profile with swiftdbt's default target (schema and database `main`).
Usage: python3 scripts/record-noop-log-events.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import re
import subprocess

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "semantic_layer")
NO_OP = ("exposure.", "saved_query.")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?$")


def masked(value, key=None):
    """`value` with its timestamps as `<time>` and its durations (`execution_time`) as `<seconds>`."""
    if isinstance(value, dict):
        return {k: masked(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    if key == "execution_time":
        return "<seconds>"
    if isinstance(value, str) and TIME.match(value):
        return "<time>"
    return value


def main():
    with dbt_reference.project_copy(FIXTURE, "semantic_layer", lambda project: dbt_reference.profile(
            "semantic_layer", "sqlite", project, "main")) as project:
        for name in os.listdir(project):
            if name.startswith("expected"):
                os.remove(os.path.join(project, name))
        done = subprocess.run([dbt_reference.DBT, "--no-use-colors", "--log-format", "json", "--debug", "build", "--profiles-dir", project,
                               "--no-partial-parse"], cwd=project, capture_output=True, text=True,
                              env=dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false", NO_COLOR="1"))
    nodes = {}
    for line in done.stdout.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        unique_id = (event["data"].get("node_info") or {}).get("unique_id") or event["data"].get("conn_name") or ""
        if not unique_id.startswith(NO_OP):
            continue
        info = event["info"]
        nodes.setdefault(unique_id, []).append({
            "name": info["name"], "code": info["code"], "level": info["level"], "thread": info["thread"],
            "msg": re.sub(r" in \d+\.\d\ds\]$", " in <seconds>]", info["msg"]), "data": masked(event["data"])})
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-noop-events.json"), code=done.returncode, nodes=nodes)


if __name__ == "__main__":
    main()
