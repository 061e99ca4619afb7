#!/usr/bin/env python3
"""Records what dbt-core 1.10 does with the fixture Tests/Fixtures/execution/contracts (model contracts and
constraints), for Tests/Fixtures/reference/contracts.json: for each step (a fresh copy of the fixture, dbt
commands), the exit codes, every table's rows (sorted), each failed node's message from run_results.json
and dbt's warnings about contracts and constraints (the lines of its output naming them). Runs dbt-sqlite
always, dbt-postgres when PGHOST is set (`. scripts/postgres.sh start`).
Usage (with a Python that has psycopg2, such as the venv's): python3 scripts/record-contracts-reference.py [path/to/dbt]  (default /tmp/dbt-venv/bin/dbt, a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "Tests/Fixtures/execution/contracts")
OUTPUT = os.path.join(ROOT, "Tests/Fixtures/reference/contracts.json")
DBT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dbt-venv/bin/dbt"

# The profile and table readers of the materialization recorder, with this fixture's profile name.
_spec = importlib.util.spec_from_file_location("materializations", os.path.join(ROOT, "scripts/record-materialization-reference.py"))
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

STEPS = [
    ("run_all", [["run"]]),
    ("violation", [["run", "--select", "customers"], ["run", "--select", "customers", "--vars", "bad_row: true"]]),
    ("incremental_twice", [["run", "--select", "customers", "contracted_incremental"],
                           ["run", "--select", "contracted_incremental"]]),
    ("foreign_key", [["run", "--select", "customers", "orders"], ["run", "--select", "orders", "--vars", "orphan: true"]]),
]
WARNING = re.compile(r"(contracts cannot be enforced|Constraint types are not supported|not enforced by|not supported by"
                     r"|unspecified precision)", re.I)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def profile(adapter, project, schema):
    """The shared profile under this fixture's profile name (its SQLite file keeps the shared name)."""
    return _shared.profile(adapter, project, schema).replace("custom_materializations:\n", "contracts:\n", 1)


def record(adapter):
    results = {}
    for name, runs in STEPS:
        work = tempfile.mkdtemp(prefix="swiftdbt-reference-")
        try:
            project = os.path.join(work, "contracts")
            shutil.copytree(FIXTURE, project)
            os.makedirs(project + "/target", exist_ok=True)
            schema = "ref_" + uuid.uuid4().hex[:8]
            with open(project + "/profiles.yml", "w") as f:
                f.write(profile(adapter, project, schema))
            codes, messages, warnings = [], [], []
            env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
            for arguments in runs:
                done = subprocess.run([DBT] + arguments + ["--profiles-dir", project], cwd=project, env=env,
                                      capture_output=True, text=True)
                codes.append(done.returncode)
                with open(project + "/target/run_results.json") as f:
                    run = json.load(f)
                messages.append({r["unique_id"].split(".")[-1]: r["message"] for r in run["results"] if r["status"] == "error"})
                warnings.append(sorted({ANSI.sub("", line).split("  ", 1)[-1].strip()
                                        for line in (done.stdout + done.stderr).splitlines() if WARNING.search(line)}))
            results[name] = {"runs": runs, "exit_codes": codes, "messages": messages, "warnings": warnings,
                             "tables": _shared.tables(adapter, project, schema)}
        finally:
            shutil.rmtree(work)
    return results


def main():
    version = subprocess.run([DBT, "--version"], capture_output=True, text=True).stdout
    reference = {"dbt": next((line.strip() for line in version.splitlines() if "installed" in line), ""),
                 "sqlite": record("sqlite")}
    if os.environ.get("PGHOST"):
        reference["postgres"] = record("postgres")
    with open(OUTPUT, "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
