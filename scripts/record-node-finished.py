#!/usr/bin/env python3
"""Records dbt-core 1.10's debug-level `NodeFinished` events (`--log-format json --debug`) of a build of
Tests/Fixtures/resource_types with `--vars '{fail: true}'`, into its expected-node-finished.json: for a passing
model (orders), a failing one (broken: a table of a missing table), a seed, a passing test (unique_orders_id) and
a failing one (not_null_flaky_id), the event's whole `data.run_result` with its times masked (`<timestamp>`
for timing_info's started_at/completed_at, `<seconds>` for execution_time), and `info`'s level and code.
Usage: python3 scripts/record-node-finished.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "resource_types")
NODES = ["model.resource_types.orders", "model.resource_types.broken", "seed.resource_types.raw_orders",
         "test.resource_types.unique_orders_id.1360ecc70e", "test.resource_types.not_null_flaky_id.eb8a0a51fa"]
ARGUMENTS = ["--log-format", "json", "--debug", "build", "-s", "+orders", "flaky", "broken", "--exclude",
             "unit_test:*", "--vars", "{fail: true}", "--no-partial-parse"]


def masked(run_result):
    for timing in run_result.get("timing_info", []):
        timing.update({key: "<timestamp>" for key in ("started_at", "completed_at") if key in timing})
    run_result["execution_time"] = "<seconds>"
    return run_result


def main():
    with dbt_reference.project_copy(FIXTURE, "resource_types", lambda p: dbt_reference.profile(
            "resource_types", "sqlite", p, "main")) as project:
        run = dbt_reference.run_dbt(project, ARGUMENTS)
        events = {}
        for line in run.stdout.splitlines():
            event = json.loads(line) if line.startswith("{") else {}
            if event.get("info", {}).get("name") == "NodeFinished":
                unique_id = event["data"]["node_info"]["unique_id"]
                if unique_id in NODES:
                    events[unique_id] = {"code": event["info"]["code"], "level": event["info"]["level"],
                                         "run_result": masked(event["data"]["run_result"])}
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-node-finished.json"), arguments=ARGUMENTS,
                                  exit_code=run.returncode, events=events)


if __name__ == "__main__":
    main()
