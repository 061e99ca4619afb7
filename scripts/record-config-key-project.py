#!/usr/bin/env python3
"""Records what dbt-core 1.10 compiles for Tests/Fixtures/config_key_project (a project named `grants`, a config
key), into its expected-compiled.json: `dbt compile` on a copy with a dbt-sqlite profile, then each model's
compiled SQL from target/compiled (the model writes config.get('grants') and config.get('meta') into it).

Usage: python3 scripts/record-config-key-project.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "config_key_project")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"


def main():
    with tempfile.TemporaryDirectory() as folder:
        project = os.path.join(folder, "config_key_project")
        shutil.copytree(FIXTURE, project)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write("grants:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                    f"      database: main\n      schema: main\n      schemas_and_paths:\n        main: {folder}/main.db\n"
                    f"      schema_directory: {folder}\n")
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        subprocess.run([DBT, "compile", "--profiles-dir", ".", "--no-partial-parse"], cwd=project, env=env,
                       check=True, capture_output=True)
        compiled = {}
        base = os.path.join(project, "target", "compiled", "grants", "models")
        for name in sorted(os.listdir(base)):
            with open(os.path.join(base, name)) as f:
                compiled[name[:-len(".sql")]] = f.read()
    with open(os.path.join(FIXTURE, "expected-compiled.json"), "w") as f:
        json.dump(compiled, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(compiled, indent=1))


if __name__ == "__main__":
    main()
