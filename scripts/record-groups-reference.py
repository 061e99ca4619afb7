#!/usr/bin/env python3
"""Records what dbt-core says of Tests/Fixtures/groups (groups and access) into its expected.json: that
the project parses, the manifest's `groups` and `group_map`, the error for a group no `groups:` defines, and the error of `dbt parse` when a model of another group, or of none, refers to
the private model `revenue` (the model file is added to a copy). PostgreSQL profile: parse never connects.
Usage: python3 scripts/record-groups-reference.py (needs `pip install "dbt-core==1.10.*" dbt-postgres` and
`dbt` on PATH, or DBT=/path/to/dbt)."""
import json
import os
import re
import shutil
import subprocess
import tempfile

PROFILE = """groups:
  target: dev
  outputs:
    dev: {type: postgres, host: localhost, port: 5432, user: x, password: x, dbname: x, schema: s, threads: 1}
"""

# Models added to a copy, each on its own: (file name, text).
VIOLATIONS = {
    "other_group": "{{ config(group='marketing') }}\nselect * from {{ ref('revenue') }}\n",
    "no_group": "select * from {{ ref('revenue') }}\n",
}


def parse(fixture, extra):
    with tempfile.TemporaryDirectory() as folder:
        project = os.path.join(folder, "groups")
        shutil.copytree(fixture, project, ignore=shutil.ignore_patterns("expected.json"))
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(PROFILE)
        for name, text in extra.items():
            with open(os.path.join(project, "models", name + ".sql"), "w") as f:
                f.write(text)
        done = subprocess.run([os.environ.get("DBT", "dbt"), "parse", "--no-partial-parse", "--profiles-dir", "."],
                              cwd=project, capture_output=True, text=True)
        manifest = None
        if done.returncode == 0:
            with open(os.path.join(project, "target", "manifest.json")) as f:
                manifest = json.load(f)
        return done.returncode, done.stdout, manifest


def main():
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "groups")
    code, _, manifest = parse(fixture, {})
    groups = {key: {k: v for k, v in group.items()} for key, group in manifest["groups"].items()}
    expected = {"parses": code == 0, "groups": groups,
                "group_map": {name: sorted(ids) for name, ids in manifest["group_map"].items()}, "errors": {}}
    code, output, _ = parse(fixture, {"unknown_group": "{{ config(group='sales') }}\nselect 1 as id\n"})
    found = re.search(r"Invalid group '[^']*', expected one of \[[^\]]*\]", output)
    expected["unknown_group"] = {"code": code, "message": found.group(0) if found else output}
    for name, text in VIOLATIONS.items():
        code, output, _ = parse(fixture, {name: text})
        found = re.search(r"Node \S+ attempted to reference node \S+, which is not allowed because the referenced node is "
                          r"\w+ to the '[^']*' \w+\.", output)
        expected["errors"][name] = {"code": code, "message": found.group(0) if found else output}
    with open(os.path.join(fixture, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
