#!/bin/sh
# Records what dbt's type macros (dbt.type_string(), ...) compile to, for DataTypeMacroTests: dbt-core
# 1.10 with dbt-sqlite compiles them on Tests/Fixtures/execution/test_macro_config. dbt-postgres 1.9
# overrides none of them and its column class keeps dbt's labels (STRING -> TEXT), so PostgreSQL
# compiles the same. Needs dbt-core 1.10 with dbt-sqlite (DBT=path to dbt).
set -eu
DBT=${DBT:-dbt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$(dirname "$0")/../Tests/Fixtures/execution/test_macro_config" "$work/project"
cd "$work/project"
mkdir prof
printf 'test_macro_config:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n      schemas_and_paths:\n        main: %s/main.db\n      schema_directory: %s\n' "$work" "$work" > prof/profiles.yml
"$DBT" compile --profiles-dir prof --no-use-colors --inline \
  "{{ dbt.type_string() }}|{{ dbt.type_int() }}|{{ dbt.type_bigint() }}|{{ dbt.type_float() }}|{{ dbt.type_numeric() }}|{{ dbt.type_timestamp() }}|{{ dbt.type_boolean() }}" \
  | tail -1
