#!/usr/bin/env python3
"""Records how dbt-core 1.10 parses and runs the Python models of Tests/Fixtures/python_models into
Tests/Fixtures/python_models/expected.json, for dbt-sqlite and (when PGHOST is set, `. scripts/postgres.sh start`)
dbt-postgres: each Python model's manifest fields (language, refs, sources, depends_on.nodes, materialized, tags,
checksum), `dbt run`'s exit code and each node's status and message in run_results.json, and `dbt parse`'s exit
code and error lines when a model has a Python syntax error (`syntax_error`) or more than one `def model`
(`two_models`).
Usage: python3 scripts/record-python-models.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10, dbt-postgres 1.9)."""
import json
import os
import re

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "python_models")
FIELDS = ("language", "refs", "sources", "checksum")
BROKEN = {
    "syntax_error": "def model(dbt, session):\n    return dbt.ref('customers'\n",
    "two_models": "def model(dbt, session):\n    return 1\n\n\ndef model(dbt, session):\n    return 2\n",
    "not_literal": "def model(dbt, session):\n    name = 'customers'\n    return dbt.ref(name)\n",
}


def python_nodes(project):
    with open(project + "/target/manifest.json") as f:
        nodes = json.load(f)["nodes"]
    return {key: {**{field: node[field] for field in FIELDS}, "depends_on": node["depends_on"]["nodes"],
                  "materialized": node["config"]["materialized"], "tags": node["config"]["tags"]}
            for key, node in nodes.items() if node.get("language") == "python"}


def record(adapter):
    schema = dbt_reference.new_schema()
    with dbt_reference.project_copy(FIXTURE, "python_models",
                                    lambda p: dbt_reference.profile("python_models", adapter, p, schema)) as project:
        os.remove(project + "/expected.json") if os.path.exists(project + "/expected.json") else None
        done = dbt_reference.run_dbt(project, ["run"])
        results = {r["unique_id"]: {"status": r["status"], "message": r["message"]}
                   for r in dbt_reference.run_results(project)}
        recorded = {"manifest": python_nodes(project), "run": {"exit": done.returncode, "results": results}}
        for case, code in BROKEN.items():
            with open(project + "/models/broken.py", "w") as f:
                f.write(code)
            parsed = dbt_reference.run_dbt(project, ["--no-use-colors", "parse", "--no-partial-parse"])
            lines = [dbt_reference.ANSI.sub("", re.sub(r"^\d\d:\d\d:\d\d  ", "", line))
                     for line in parsed.stdout.splitlines()]
            recorded[case] = {"exit": parsed.returncode,
                              "lines": lines[next((i for i, l in enumerate(lines) if "Error" in l), len(lines)):]}
            os.remove(project + "/models/broken.py")
    if adapter != "sqlite":
        dbt_reference.drop_schemas(schema)
    return recorded


by_adapter = {"sqlite": record("sqlite")}
if os.environ.get("PGHOST"):
    by_adapter["postgres"] = record("postgres")
dbt_reference.write_reference(os.path.join(FIXTURE, "expected.json"), **by_adapter)
