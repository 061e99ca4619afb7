#!/usr/bin/env bash
# The whole test suite (the README's test command). Starts a throwaway PostgreSQL server
# for the PostgreSQL tests unless PGHOST already points at one, and a Spark Connect server
# for the Spark tests unless SPARK_HOST already points at one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PGHOST:-}" ]; then
    . scripts/postgres.sh start
fi
if [ -z "${SPARK_HOST:-}" ]; then
    . scripts/spark.sh start
fi
trap '. scripts/postgres.sh stop; . scripts/spark.sh stop' EXIT
swift build --build-tests
swift test
