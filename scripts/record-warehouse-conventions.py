#!/usr/bin/env python3
"""Records what dbt-core 1.10 parses from Tests/Fixtures/warehouse_conventions into its expected-parse.json: for
each target (dev, prod), `dbt parse --target T` on a copy with a dbt-sqlite profile, then every node's and
source's schema, fqn, tags, config meta and depends_on nodes from target/manifest.json (under "nodes"), and the
config paths dbt's warning names as unused (under "unused_config_paths", sorted: dbt lists them in set order).

Usage: python3 scripts/record-warehouse-conventions.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`)."""
import json
import os
import re
import subprocess

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "warehouse_conventions")
TARGETS = ("dev", "prod")


def profile(project):
    outputs = "".join(f"    {t}:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n"
                      f"      schemas_and_paths:\n        main: {project}/target/{t}.sqlite\n"
                      f"      schema_directory: {project}/target\n" for t in TARGETS)
    return f"warehouse_conventions:\n  target: dev\n  outputs:\n{outputs}"


def summary(manifest):
    out = {}
    for uid, node in {**manifest["nodes"], **manifest["sources"]}.items():
        out[uid] = {"schema": node["schema"], "fqn": node["fqn"], "tags": node["tags"],
                    "meta": node["config"].get("meta", {}), "depends_on": node.get("depends_on", {}).get("nodes", [])}
    return out


def main():
    expected = {"nodes": {}}
    with dbt_reference.project_copy(FIXTURE, "warehouse_conventions", profile) as project:
        env = dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        for target in TARGETS:
            run = subprocess.run([dbt_reference.DBT, "parse", "--profiles-dir", ".", "--no-partial-parse", "--target", target],
                                 cwd=project, env=env, check=True, capture_output=True, text=True)
            with open(os.path.join(project, "target", "manifest.json")) as f:
                expected["nodes"][target] = summary(json.load(f))
            unused = sorted(re.findall(r"^- (\S+)$", run.stdout.split("unused configuration paths:", 1)[-1], re.M))
            assert expected.setdefault("unused_config_paths", unused) == unused, "the unused paths differ by target"
    with open(os.path.join(FIXTURE, "expected-parse.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
