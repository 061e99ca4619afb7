#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with undefined names at parse time and later, on Tests/Fixtures/parse_undefined,
into its expected.json (dbt-sqlite profile, each case on a fresh copy):
- "parse": `dbt parse` of the fixture as it is: exit code, enabled and disabled unique IDs and each enabled
  node's depends_on nodes (attribute access, item access and calls on an undefined name pass while parsing);
- "compile": `dbt compile`: exit code and the error lines dbt prints (the enabled model calling the uninstalled
  package's macro fails, the disabled test is not compiled);
- "parse_arithmetic": `dbt parse` with one more model doing arithmetic on an undefined name: exit code and the
  error line dbt prints (that still fails while parsing);
- "compile_namespace": `dbt compile` with, in place of that model, one calling a macro the `dbt` namespace does
  not have: exit code and the error lines dbt prints.

Usage: python3 scripts/record-parse-undefined.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "parse_undefined")
ARITHMETIC_MODEL = "select {{ audit_kit.scale + 1 }} as scaled\n"
NAMESPACE_MODEL = "select {{ dbt.no_such_macro() }} as missing\n"


def parse_summary(project):
    with open(os.path.join(project, "target", "manifest.json")) as f:
        manifest = json.load(f)
    return {"enabled": {uid: node["depends_on"]["nodes"] for uid, node in manifest["nodes"].items()},
            "disabled": sorted(manifest["disabled"])}


def main():
    expected = {}
    with dbt_reference.project_copy(FIXTURE, "parse_undefined", lambda p: dbt_reference.profile(
            "parse_undefined", "sqlite", p, "main")) as project:
        run = dbt_reference.run_dbt(project, ["parse", "--no-partial-parse"])
        expected["parse"] = {"exit": run.returncode, **parse_summary(project)}
        run = dbt_reference.run_dbt(project, ["compile", "--no-partial-parse"])
        expected["compile"] = {"exit": run.returncode, "error": dbt_reference.error_lines(run)}
        with open(os.path.join(project, "models", "scaled.sql"), "w") as f:
            f.write(ARITHMETIC_MODEL)
        run = dbt_reference.run_dbt(project, ["parse", "--no-partial-parse"])
        expected["parse_arithmetic"] = {"exit": run.returncode, "model": ARITHMETIC_MODEL, "error": dbt_reference.error_lines(run)}
        os.remove(os.path.join(project, "models", "scaled.sql"))
        with open(os.path.join(project, "models", "missing.sql"), "w") as f:
            f.write(NAMESPACE_MODEL)
        run = dbt_reference.run_dbt(project, ["compile", "--no-partial-parse", "--select", "missing"])
        expected["compile_namespace"] = {"exit": run.returncode, "model": NAMESPACE_MODEL,
                                         "error": dbt_reference.error_lines(run)}
    with open(os.path.join(FIXTURE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
