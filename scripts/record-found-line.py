#!/usr/bin/env python3
"""Records the "Found ..." line dbt-core 1.10 prints after parsing, for variants of
Tests/Fixtures/resource_types, into its expected-found-line.json: dbt counts the manifest's nodes in the order it
parsed them (per project: models, snapshots, analyses, singular tests, seeds, hooks; then the YAML files' generic
tests) and then sources, exposures, metrics, macros, groups, semantic models, saved queries and unit tests, so
where "data tests" stands depends on whether the project has singular tests. Each variant removes some of the
fixture's files (and may write others); the line comes from `dbt run -s <nothing>` (parse, count, select nothing).
Usage: python3 scripts/record-found-line.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import os
import shutil

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "resource_types")
SEED_TESTS = "version: 2\nseeds:\n  - name: raw_orders\n    columns:\n      - name: id\n        data_tests: [unique]\n"
SEED_CHECK = "select * from {{ ref('raw_orders') }} where amount <= 0\n"

# name: (paths removed, {path: text written})
VARIANTS = {
    "everything": ([], {}),
    "without_singular_tests": (["tests"], {}),
    "without_snapshots_and_analyses": (["snapshots", "analyses"], {}),
    "without_unit_tests_sources_exposures": (["models/schema.yml"],
                                             {"models/schema.yml": "version: 2\nmodels:\n  - name: orders\n"
                                              "    columns:\n      - name: id\n        data_tests: [unique]\n"}),
    "seeds_and_singular_tests": (["models", "snapshots", "analyses", "tests"],
                                 {"seeds/schema.yml": SEED_TESTS, "tests/seed_check.sql": SEED_CHECK}),
    "seeds_and_generic_tests": (["models", "snapshots", "analyses", "tests"], {"seeds/schema.yml": SEED_TESTS}),
}


def found_line(removed, written):
    with dbt_reference.project_copy(FIXTURE, "resource_types", lambda p: dbt_reference.profile(
            "resource_types", "sqlite", p, "main")) as project:
        for path in removed:
            target = os.path.join(project, path)
            shutil.rmtree(target) if os.path.isdir(target) else os.remove(target)
        for path, text in written.items():
            os.makedirs(os.path.dirname(os.path.join(project, path)), exist_ok=True)
            with open(os.path.join(project, path), "w") as f:
                f.write(text)
        run = dbt_reference.run_dbt(project, ["--no-use-colors", "run", "-s", "no_such_node", "--no-partial-parse"],
                                    check=True)
        line = next(line for line in run.stdout.splitlines() if "  Found " in line)
        return line.split("  ", 1)[1]


def main():
    recorded = {name: {"removed": removed, "written": written, "found": found_line(removed, written)}
                for name, (removed, written) in VARIANTS.items()}
    dbt_reference.write_reference(os.path.join(FIXTURE, "expected-found-line.json"), variants=recorded)


if __name__ == "__main__":
    main()
