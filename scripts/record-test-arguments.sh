#!/bin/sh
# Records dbt-core's results on Tests/Fixtures/execution/test_arguments (the expected lines of
# TestArgumentRenderingTests): generic tests whose arguments hold Jinja calling project macros.
# Needs dbt-core 1.10 with dbt-sqlite (DBT=path to dbt).
set -eu
DBT=${DBT:-dbt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$(dirname "$0")/../Tests/Fixtures/execution/test_arguments" "$work/project"
cd "$work/project"
mkdir prof
printf 'test_arguments:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n      schemas_and_paths:\n        main: %s/main.db\n      schema_directory: %s\n' "$work" "$work" > prof/profiles.yml
"$DBT" build --profiles-dir prof --no-use-colors 2>&1 | sed 's/^[0-9:]*  //' | grep -E ' of [0-9]+ (OK|PASS|WARN|FAIL|ERROR)|^ *Got |^Done\.' || true
for file in $(find target/compiled -name '*.sql' | sort); do
  printf '== %s\n' "$(basename "$file")"
  cat "$file"
  printf '\n'
done
