#!/usr/bin/env python3
"""Checks the unit test fixtures against dbt-core: `dbt parse` of every Tests/Fixtures/broken/unit_test_* project
must fail with the message its expected.json holds (after swiftdbt's `path:line:col: ` and without the quoted
line), and Tests/Fixtures/unit_tests must parse with the same unit tests swiftdbt reads. Parse never connects, so
a PostgreSQL profile that points nowhere serves. Usage: python3 scripts/check-unit-test-reference.py (needs
`pip install "dbt-core==1.10.*" dbt-postgres` and `dbt` on PATH, or DBT=/path/to/dbt)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")


def parse(fixture, folder):
    """Runs `dbt parse` on a copy of `fixture`; returns (exit code, output, manifest or None)."""
    project = os.path.join(folder, os.path.basename(fixture))
    shutil.copytree(fixture, project)
    with open(os.path.join(project, "dbt_project.yml")) as f:
        profile = re.search(r"^profile:\s*(\S+)", f.read(), re.M).group(1)
    with open(os.path.join(project, "profiles.yml"), "w") as f:
        f.write(f"{profile}:\n  target: dev\n  outputs:\n    dev: {{type: postgres, host: localhost, port: 5432, "
                "user: x, password: x, dbname: x, schema: s, threads: 1}\n")
    run = subprocess.run([os.environ.get("DBT", "dbt"), "parse", "--profiles-dir", ".", "--no-partial-parse"],
                         cwd=project, capture_output=True, text=True)
    manifest_path = os.path.join(project, "target", "manifest.json")
    manifest = json.load(open(manifest_path)) if run.returncode == 0 and os.path.exists(manifest_path) else None
    return run.returncode, run.stdout + run.stderr, manifest


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        broken = os.path.join(FIXTURES, "broken")
        for name in sorted(n for n in os.listdir(broken) if n.startswith("unit_test_")):
            with open(os.path.join(broken, name, "expected.json")) as f:
                expected = json.load(f)["stderr"].split("\n")[0].split(": ", 1)[1]
            code, output, _ = parse(os.path.join(broken, name), folder)
            ok = code != 0 and expected in output
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {expected}" + ("" if ok else f"\n{output}"))
        code, output, manifest = parse(os.path.join(FIXTURES, "unit_tests"), folder)
        names = sorted(v["name"] for v in (manifest or {}).get("unit_tests", {}).values())
        ok = names == ["staging_sql", "totals_csv_fixture", "totals_dict"]
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} unit_tests: {names}" + ("" if ok else f"\n{output}"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
