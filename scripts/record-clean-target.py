#!/usr/bin/env python3
"""Records what dbt-core 1.10's `dbt clean` deletes when clean-targets read `target`, for
Tests/Fixtures/reference/clean-target.json: clean loads dbt_project.yml without a profile, so `target.name` and
`target.type` render as ''. A project with clean-targets ["out_{{ target.name }}", "t{{ target.type }}x"] and the
folders out_, out_dev, tx and tsqlitex is cleaned; the folders left are recorded. deps reads the file the same
way: with packages-install-path "pk_{{ target.name }}" a local package is installed under pk_/. Usage:
python3 scripts/record-clean-target.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/clean-target.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"
TARGETS = ["out_{{ target.name }}", "t{{ target.type }}x"]
FOLDERS = ["out_", "out_dev", "tx", "tsqlitex"]
INSTALL_PATH = "pk_{{ target.name }}"


def main():
    work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
    try:
        with open(os.path.join(work, "dbt_project.yml"), "w") as f:
            f.write("name: cleaning\nversion: '1.0'\nconfig-version: 2\nprofile: cleaning\nclean-targets: "
                    + json.dumps(TARGETS) + "\n")
        for folder in FOLDERS:
            os.mkdir(os.path.join(work, folder))
        run = subprocess.run([DBT, "clean", "--no-clean-project-files-only", "--profiles-dir", work], cwd=work,
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        left = sorted(folder for folder in FOLDERS if os.path.isdir(os.path.join(work, folder)))
        os.mkdir(os.path.join(work, "lp"))
        with open(os.path.join(work, "lp", "dbt_project.yml"), "w") as f:
            f.write("name: lp\nversion: '1.0'\nconfig-version: 2\n")
        with open(os.path.join(work, "dbt_project.yml"), "a") as f:
            f.write("packages-install-path: " + json.dumps(INSTALL_PATH) + "\n")
        with open(os.path.join(work, "packages.yml"), "w") as f:
            f.write("packages:\n  - local: lp\n")
        run = subprocess.run([DBT, "deps", "--profiles-dir", work], cwd=work, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        installed = sorted(name for name in os.listdir(work) if name.startswith("pk_"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump({"clean_targets": TARGETS, "folders": FOLDERS, "left": left, "install_path": INSTALL_PATH,
                   "installed": installed}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
