#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with a var() nobody set, on Tests/Fixtures/parse_var, into its expected.json
(dbt-sqlite profile):
- "parse": `dbt parse`: exit code and the enabled nodes (while parsing a missing var reads as none);
- "compile": `dbt compile`: exit code and the error lines dbt prints (compiling the model that reads it fails).

Usage: python3 scripts/record-parse-var.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "parse_var")


def main():
    expected = {}
    with dbt_reference.project_copy(FIXTURE, "parse_var", lambda p: dbt_reference.profile(
            "parse_var", "sqlite", p, "main")) as project:
        run = dbt_reference.run_dbt(project, ["parse", "--no-partial-parse"])
        with open(os.path.join(project, "target", "manifest.json")) as f:
            expected["parse"] = {"exit": run.returncode, "nodes": sorted(json.load(f)["nodes"])}
        run = dbt_reference.run_dbt(project, ["compile", "--no-partial-parse"])
        expected["compile"] = {"exit": run.returncode, "error": dbt_reference.error_lines(run)}
    with open(os.path.join(FIXTURE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
