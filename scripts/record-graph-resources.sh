#!/usr/bin/env bash
# Records what dbt-core 1.10's `graph` gives for exposures, groups, sources' freshness and the resource types swiftdbt
# does not read yet: compiles Tests/Fixtures/graph_resources/template.sql inline with dbt-sqlite in a
# temporary copy of the fixture, writing the output to Tests/Fixtures/graph_resources/expected.txt, and each model's
# `time_spine` and columns' `data_type` in dbt's manifest.json to expected-manifest.json.
# Usage: DBT=/path/to/venv/bin/dbt scripts/record-graph-resources.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/Tests/Fixtures/graph_resources" "$work/p"
cat > "$work/p/profiles.yml" <<YAML
graph_resources:
  target: dev
  outputs:
    dev:
      type: sqlite
      threads: 1
      database: main
      schema: main
      schemas_and_paths: {main: "$work/p/main.db"}
      schema_directory: "$work/p"
YAML
cd "$work/p"
"${DBT:-dbt}" compile --profiles-dir . --quiet --inline "$(cat template.sql)" > "$work/out.txt"
cp "$work/out.txt" "$repo/Tests/Fixtures/graph_resources/expected.txt"
python3 - "$work/p/target/manifest.json" "$repo/Tests/Fixtures/graph_resources/expected-manifest.json" <<'PY'
import json, sys
nodes = json.load(open(sys.argv[1]))["nodes"]
spines = {key: {"time_spine": node["time_spine"], "data_types": {name: column["data_type"] for name, column in node["columns"].items()}}
          for key, node in sorted(nodes.items()) if node["resource_type"] == "model"}
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(spines, f, indent=1, sort_keys=True)
    f.write("\n")
PY
