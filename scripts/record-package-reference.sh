#!/bin/sh
# Records dbt-core's behaviour on Tests/Fixtures/packages/installed (the expected values of
# InstalledPackageTests): compiled SQL of a package model (var lookup order), the "run deps"
# message, and the require-dbt-version message. Needs dbt-core 1.10 with dbt-sqlite (DBT=path to dbt).
set -eu
DBT=${DBT:-dbt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$(dirname "$0")/../Tests/Fixtures/packages/installed" "$work/project"
cd "$work/project"
mkdir prof
printf 'consumer:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n      schemas_and_paths:\n        main: %s/main.db\n      schema_directory: %s\n' "$work" "$work" > prof/profiles.yml
"$DBT" compile --profiles-dir prof >/dev/null
echo "== compiled calendar_years"; cat target/compiled/calendar_tools/models/calendar_years.sql; echo
mv dbt_packages/text_tools "$work/text_tools"
echo "== text_tools not installed"; "$DBT" compile --profiles-dir prof 2>&1 | grep 'package(s)' || true
mv "$work/text_tools" dbt_packages/text_tools
sed -i.bak 's/">=1.5.0", "<2.0.0"/">=1.11.0"/' dbt_packages/calendar_tools/dbt_project.yml
echo "== require-dbt-version >=1.11.0"; "$DBT" compile --profiles-dir prof 2>&1 | grep -A3 'not supported' || true
