#!/usr/bin/env python3
"""Records what dbt-core 1.10 says of Tests/Fixtures/restrict_access into its expected.json: that the project
parses (its model refers to the public model of the package `vendor`, which has `restrict-access: true`), and
the error of `dbt parse` when a model of the project refers to the package's protected model (added to a copy),
and that the same ref parses when the package does not restrict access.
PostgreSQL profile: parse never connects. Usage: python3 scripts/record-restrict-access-reference.py [DBT]."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "restrict_access")
DBT = sys.argv[1] if len(sys.argv) > 1 else "dbt"
PROFILE = """restrict_access:
  target: dev
  outputs:
    dev: {type: postgres, host: localhost, port: 5432, user: x, password: x, dbname: x, schema: s, threads: 1}
"""
PROTECTED_REF = "select * from {{ ref('vendor_orders') }}\n"


def parse(extra, restricted=True):
    with tempfile.TemporaryDirectory() as folder:
        project = os.path.join(folder, "restrict_access")
        shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("expected.json"))
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(PROFILE)
        if not restricted:
            with open(os.path.join(project, "dbt_packages", "vendor", "dbt_project.yml"), "w") as f:
                f.write("name: vendor\n")
        for name, text in extra.items():
            with open(os.path.join(project, "models", name + ".sql"), "w") as f:
                f.write(text)
        done = subprocess.run([DBT, "parse", "--no-partial-parse", "--profiles-dir", "."], cwd=project,
                              capture_output=True, text=True)
        return done.returncode, done.stdout


def main():
    code, output = parse({})
    expected = {"parses": code == 0}
    code, output = parse({"uses_protected": PROTECTED_REF})
    found = re.search(r"Node \S+ attempted to reference node \S+, which is not allowed because the referenced node is "
                      r"\w+ to the '[^']*' \w+\.", output)
    expected["protected_ref"] = {"code": code, "message": found.group(0) if found else output}
    code, _ = parse({"uses_protected": PROTECTED_REF}, restricted=False)
    expected["protected_ref_unrestricted_parses"] = code == 0
    with open(os.path.join(FIXTURE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
