#!/usr/bin/env python3
"""Records what dbt-core 1.10 selects for `--resource-type` / `--exclude-resource-type` with the words `all` and
`default`, on the commands that take them (ls, build, test) and through DBT_RESOURCE_TYPES /
DBT_EXCLUDE_RESOURCE_TYPES, into Tests/Fixtures/resource_types/expected-resource-types.json.
For each case: its arguments and environment, the exit code, and
- for `ls`: the unique IDs listed (`--output json --output-keys unique_id resource_type`, one JSON object a line);
- for the other commands: the unique IDs of run_results.json (sorted);
- for a refused command line: the line of click's usage error (`Error: ...`), or the first two lines from
  "Encountered an error:" on when dbt fails later (`--exclude-resource-type default` is no node type to dbt).
The fixture has every kind of resource (models, a seed, a snapshot, an analysis, a singular and generic tests, a
unit test, a source, an exposure); dbt-sqlite runs with `md5` registered for the snapshot (dbt_reference.DBT_WITH_MD5).
Usage: python3 scripts/record-resource-types.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import subprocess

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "resource_types")

# name: (environment, command line after `dbt`)
CASES = {
    "ls_default_types": ({}, ["ls"]),
    "ls_all": ({}, ["ls", "--resource-type", "all"]),
    "ls_default": ({}, ["ls", "--resource-type", "default"]),
    "ls_default_and_analysis": ({}, ["ls", "--resource-type", "default", "analysis"]),
    "ls_all_without_tests": ({}, ["ls", "--resource-type", "all", "--exclude-resource-type", "test", "unit_test"]),
    "ls_exclude_default": ({}, ["ls", "--exclude-resource-type", "default"]),
    "ls_all_variable": ({"DBT_RESOURCE_TYPES": "all"}, ["ls"]),
    "ls_default_variable_without_seeds": ({"DBT_RESOURCE_TYPES": "default", "DBT_EXCLUDE_RESOURCE_TYPES": "seed"},
                                          ["ls"]),
    "build_all": ({}, ["build", "--resource-type", "all"]),
    "build_default_without_snapshot": ({}, ["build", "--resource-type", "default", "--exclude-resource-type",
                                            "snapshot"]),
    "build_all_variable": ({"DBT_RESOURCE_TYPES": "all"}, ["build"]),
    "test_all": ({}, ["test", "--resource-type", "all"]),
    "test_default": ({}, ["test", "--resource-type", "default"]),
    "test_model": ({}, ["test", "--resource-type", "model"]),
    "run_resource_type": ({}, ["run", "--resource-type", "all"]),
    "run_ignores_variable": ({"DBT_RESOURCE_TYPES": "test"}, ["run", "-s", "flaky", "broken"]),
    "seed_ignores_exclude_variable": ({"DBT_EXCLUDE_RESOURCE_TYPES": "seed"}, ["seed"]),
}


def record(environment, arguments):
    with dbt_reference.project_copy(FIXTURE, "resource_types", lambda p: dbt_reference.profile(
            "resource_types", "sqlite", p, "main")) as project:
        for name in os.listdir(project):
            if name.startswith("expected"):
                os.remove(os.path.join(project, name))
        listing = arguments[0] == "ls"
        if listing:
            arguments = ["--quiet"] + arguments + ["--output", "json", "--output-keys", "unique_id", "resource_type"]
        clean = {key: value for key, value in os.environ.items() if not key.startswith("DBT_")}
        done = subprocess.run(dbt_reference.DBT_WITH_MD5 + ["--no-use-colors"] + arguments
                              + ["--profiles-dir", project, "--no-partial-parse"],
                              cwd=project, env=dict(clean, DBT_SEND_ANONYMOUS_USAGE_STATS="false", **environment),
                              capture_output=True, text=True)
        entry = {"code": done.returncode}
        if done.returncode == 2:
            usage = [line for line in (done.stdout + done.stderr).splitlines() if line.startswith("Error:")]
            if usage:
                entry["usage_error"] = usage[0]
            else:
                entry["error"] = dbt_reference.error_lines(done)[:2]
            return entry
        if listing:
            entry["listed"] = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
            return entry
        entry["nodes"] = sorted(result["unique_id"] for result in dbt_reference.run_results(project))
        return entry


def main():
    recorded = {name: dict(record(environment, arguments), environment=environment, arguments=arguments)
                for name, (environment, arguments) in CASES.items()}
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-resource-types.json"), cases=recorded)


if __name__ == "__main__":
    main()
