#!/usr/bin/env python3
"""Records where dbt-core 1.10 adds its hint after an undefined name ("This can happen when calling a macro that
does not exist. Check for typos and/or install package dependencies with \\"dbt deps\\"."), on copies of
Tests/Fixtures/resource_types with one more file each, into its expected-undefined-hint.json. Cases:
- "build_undefined_call": a model calling a macro nobody defined, built: exit code and run_results.json's message
  for it (the hint ends it);
- "compile_undefined_attribute": a model reading an attribute of a dict that lacks it, compiled: the error lines;
- "compile_raised": a model raising `exceptions.raise_compiler_error`, compiled: the error lines (no hint);
- "operation_missing": `run-operation` of a macro nobody defined: exit code and the error lines;
- "operation_undefined": `run-operation` of a macro that calls an undefined one: exit code and the error lines.
Usage: python3 scripts/record-undefined-hint.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "resource_types")

# name: ({path: text}, command line after `dbt`)
CASES = {
    "build_undefined_call": ({"models/uses_missing.sql": "select {{ no_such_macro() }} as x\n"},
                             ["build", "-s", "uses_missing"]),
    "compile_undefined_attribute": ({"models/uses_missing.sql": "select {{ {'a': 1}.b.c }} as x\n"},
                                    ["compile", "-s", "uses_missing"]),
    "compile_raised": ({"models/uses_missing.sql": "select {{ exceptions.raise_compiler_error('stop here') }} as x\n"},
                       ["compile", "-s", "uses_missing"]),
    "operation_missing": ({}, ["run-operation", "no_such_macro"]),
    "operation_undefined": ({"macros/calls_missing.sql": "{% macro calls_missing() %}{{ no_such_macro() }}{% endmacro %}\n"},
                            ["run-operation", "calls_missing"]),
}


def record(files, arguments):
    with dbt_reference.project_copy(FIXTURE, "resource_types", lambda p: dbt_reference.profile(
            "resource_types", "sqlite", p, "main")) as project:
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(project, path)), exist_ok=True)
            with open(os.path.join(project, path), "w") as f:
                f.write(text)
        run = dbt_reference.run_dbt(project, ["--no-use-colors"] + arguments + ["--no-partial-parse"])
        entry = {"files": files, "arguments": arguments, "exit": run.returncode}
        if arguments[0] == "build":
            entry["messages"] = {r["unique_id"]: r["message"] for r in dbt_reference.run_results(project)}
        else:
            entry["error"] = dbt_reference.error_lines(run)
        return entry


def main():
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-undefined-hint.json"),
                                  cases={name: record(files, arguments) for name, (files, arguments) in CASES.items()})


if __name__ == "__main__":
    main()
