#!/usr/bin/env python3
"""Records how dbt-core 1.10's `build` runs the exposure and the saved query of Tests/Fixtures/semantic_layer
(no-op nodes) into Tests/Fixtures/semantic_layer/expected-build.json: for each case below, the exit code, the
progress lines (no START lines for them), the `Finished running` and `Done.` lines (colours off, timestamps
cut, timings written as `Xs`, as the tests compare them), the run_results.json entries of the exposure and
the saved query (timings as their phase names) and the `resource_types`/`exclude_resource_types` args.
The `failing` case builds `orders` as a table that cannot be built; `retry` then runs again after it is fixed;
`failing_test` adds a data test of `orders` that fails.
dbt-sqlite profile with swiftdbt's default target (schema and database `main`).
Usage: python3 scripts/record-noop-reference.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "semantic_layer")
DBT = sys.argv[1] if len(sys.argv) > 1 else "dbt"
CASES = {
    "all": ["build"],
    "exposure": ["build", "-s", "exposure:weekly_report"],
    "exposure_parents": ["build", "-s", "+exposure:weekly_report"],
    "resource_types": ["build", "--resource-type", "exposure", "--resource-type", "saved_query"],
    "exclude_exposure": ["build", "--exclude-resource-type", "exposure"],
}
FAILING_ORDERS = "{{ config(materialized='table') }}\nselect 1 as order_id, no_such_column\n"
FIXED_ORDERS = ("{{ config(materialized='table') }}\n"
                "select 1 as order_id, 1 as customer_id, '2024-01-01' as ordered_at, 10.5 as amount, 1 as is_food\n")
# A data test of `orders` that fails: dbt does not make exposures and saved queries wait for tests.
FAILING_TEST = "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: is_food\n        data_tests:\n" \
               "          - accepted_values:\n              arguments:\n                values: [0]\n"
NO_OP_TYPES = ("exposure.", "saved_query.")


def project_copy(work):
    project = os.path.join(work, "semantic_layer")
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("expected*.json"))
    with open(os.path.join(project, "dbt_project.yml"), "a") as f:
        f.write("\nquoting:\n  schema: true\n")
    with open(os.path.join(project, "profiles.yml"), "w") as f:
        f.write(f"semantic_layer:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                f"      database: main\n      schema: main\n      schemas_and_paths:\n        main: {work}/main.db\n"
                f"      schema_directory: {work}\n")
    return project


def dbt(project, arguments):
    done = subprocess.run([DBT, "--no-use-colors"] + arguments + ["--profiles-dir", ".", "--no-partial-parse",
                                                                  "--no-send-anonymous-usage-stats"],
                          cwd=project, capture_output=True, text=True)
    lines = [re.sub(r" in \d+\.\d\ds\]", " in Xs]", re.sub(r"^\d\d:\d\d:\d\d  ", "", line)) for line in done.stdout.splitlines()]
    lines = [re.sub(r"and \d+\.\d\d seconds \(\d+\.\d\ds\)", "and Xs", line) for line in lines]
    with open(os.path.join(project, "target", "run_results.json")) as f:
        run_results = json.load(f)
    results = {entry["unique_id"]: {**{k: v for k, v in entry.items() if k not in ("timing", "execution_time", "unique_id")},
                                    "timing": [phase["name"] for phase in entry["timing"]]}
               for entry in run_results["results"] if entry["unique_id"].startswith(NO_OP_TYPES)}
    return {
        "code": done.returncode,
        "progress": [line for line in lines if re.match(r"^\d+ of \d+ ", line) and " START " not in line],
        "finished": next((line for line in lines if line.startswith("Finished running")), None),
        "done": next((line for line in lines if line.startswith("Done.")), None),
        "results": results,
        "args": {key: run_results["args"].get(key) for key in ("resource_types", "exclude_resource_types")},
    }


def main():
    recorded = {}
    for name, arguments in CASES.items():
        with tempfile.TemporaryDirectory(prefix="swiftdbt-noop-") as work:
            recorded[name] = dbt(project_copy(work), arguments)
    with tempfile.TemporaryDirectory(prefix="swiftdbt-noop-") as work:
        project = project_copy(work)
        orders = os.path.join(project, "models", "orders.sql")
        with open(orders, "w") as f:
            f.write(FAILING_ORDERS)
        recorded["failing"] = dbt(project, ["build"])
        with open(orders, "w") as f:
            f.write(FIXED_ORDERS)
        recorded["retry"] = dbt(project, ["retry"])
    with tempfile.TemporaryDirectory(prefix="swiftdbt-noop-") as work:
        project = project_copy(work)
        with open(os.path.join(project, "models", "tests.yml"), "w") as f:
            f.write(FAILING_TEST)
        recorded["failing_test"] = dbt(project, ["build"])
    version = re.search(r"installed: (\S+)", subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout)
    recorded = {"recorded_with": version.group(1) if version else None,
                "failing_orders": FAILING_ORDERS, "fixed_orders": FIXED_ORDERS, "failing_test": FAILING_TEST, "cases": recorded}
    with open(os.path.join(FIXTURE, "expected-build.json"), "w") as f:
        json.dump(recorded, f, indent=1)
        f.write("\n")
    print(json.dumps(recorded, indent=1))


if __name__ == "__main__":
    main()
