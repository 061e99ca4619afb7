#!/usr/bin/env python3
"""Records how dbt-core 1.10 reads the `DBT_*` environment variables of the flags swiftdbt has, one case per kind
of value, into Tests/Fixtures/semantic_layer/expected-flag-variables.json: a list (DBT_EXCLUDE_RESOURCE_TYPES,
DBT_RESOURCE_TYPES: names separated by spaces, the command line's option replacing the variable), a boolean
(DBT_EMPTY, DBT_FAIL_FAST: true/false in any of click's spellings, an empty value as unset, the flag on the command
line winning), a text (DBT_TARGET) and values dbt refuses. For each case: the exit code, the names of the nodes
built (run_results.json, in order), the `args` it wrote for those flags, and for a refused value whether dbt printed
a usage error naming the flag and the value.
The fixture is Tests/Fixtures/semantic_layer with a dbt-sqlite profile of two targets, `dev` and `other`.
Usage: python3 scripts/record-flag-variables.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import subprocess

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "semantic_layer")
ARGS = ("resource_types", "exclude_resource_types", "empty", "fail_fast", "target")

# name: (environment, command line after `dbt`)
CASES = {
    "exclude_types_variable": ({"DBT_EXCLUDE_RESOURCE_TYPES": "exposure saved_query"}, ["build"]),
    "resource_types_variable": ({"DBT_RESOURCE_TYPES": " saved_query  exposure "}, ["build"]),
    "option_replaces_variable": ({"DBT_EXCLUDE_RESOURCE_TYPES": "exposure saved_query"},
                                 ["build", "--exclude-resource-type", "exposure"]),
    "empty_list_variable": ({"DBT_EXCLUDE_RESOURCE_TYPES": ""}, ["build"]),
    "unknown_type_variable": ({"DBT_EXCLUDE_RESOURCE_TYPES": "exposure bogus"}, ["build"]),
    "booleans_variable": ({"DBT_EMPTY": "On", "DBT_FAIL_FAST": "y"}, ["run"]),
    "false_booleans_variable": ({"DBT_EMPTY": "off", "DBT_FAIL_FAST": "0"}, ["run"]),
    "empty_boolean_variable": ({"DBT_EMPTY": ""}, ["run"]),
    "flag_beats_false_variable": ({"DBT_EMPTY": "false"}, ["run", "--empty"]),
    "unknown_boolean_variable": ({"DBT_EMPTY": "maybe"}, ["run"]),
    "target_variable": ({"DBT_TARGET": "other"}, ["run"]),
    "option_beats_target_variable": ({"DBT_TARGET": "other"}, ["run", "--target", "dev"]),
}


def profile(project):
    output = ("      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n"
              f"      schemas_and_paths:\n        main: {project}/target/main.sqlite\n"
              f"      schema_directory: {project}/target\n")
    return f"semantic_layer:\n  target: dev\n  outputs:\n    dev:\n{output}    other:\n{output}"


def record(environment, arguments):
    with dbt_reference.project_copy(FIXTURE, "semantic_layer", profile) as project:
        for name in os.listdir(project):
            if name.startswith("expected"):
                os.remove(os.path.join(project, name))
        clean = {key: value for key, value in os.environ.items() if not key.startswith("DBT_")}
        done = subprocess.run([dbt_reference.DBT, "--no-use-colors"] + arguments
                              + ["--profiles-dir", project, "--no-partial-parse"],
                              cwd=project, env=dict(clean, DBT_SEND_ANONYMOUS_USAGE_STATS="false", **environment),
                              capture_output=True, text=True)
        output = done.stdout + done.stderr
        results_path = os.path.join(project, "target", "run_results.json")
        entry = {"code": done.returncode}
        if done.returncode == 2:
            error = next((line for line in output.splitlines() if line.startswith("Error: Invalid value")), None)
            entry["usage_error"] = error
            return entry
        with open(results_path) as f:
            run_results = json.load(f)
        entry["nodes"] = [result["unique_id"] for result in run_results["results"]]
        entry["args"] = {key: run_results["args"].get(key) for key in ARGS}
        return entry


def main():
    recorded = {name: dict(record(environment, arguments), environment=environment, arguments=arguments)
                for name, (environment, arguments) in CASES.items()}
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-flag-variables.json"), cases=recorded)


if __name__ == "__main__":
    main()
