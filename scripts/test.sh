#!/usr/bin/env bash
# The whole test suite (the README's test command). Starts a throwaway PostgreSQL server
# for the PostgreSQL tests unless PGHOST already points at one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PGHOST:-}" ]; then
    . scripts/postgres.sh start
    trap '. scripts/postgres.sh stop' EXIT
fi
swift build --build-tests
swift test
