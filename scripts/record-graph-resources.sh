#!/usr/bin/env bash
# Records what dbt-core 1.10's `graph` gives for exposures, groups, sources' freshness and the resource types swiftdbt
# does not read yet: compiles Tests/Fixtures/graph_resources/template.sql inline with dbt-sqlite in a
# temporary copy of the fixture, writing the output to Tests/Fixtures/graph_resources/expected.txt.
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
