#!/usr/bin/env python3
"""Validates a JSON file against a JSON Schema (dbt's artifact schemas in Tests/Fixtures/dbt-schemas).
Usage: python3 scripts/validate-json-schema.py SCHEMA FILE  (needs `jsonschema`: apt python3-jsonschema).
Exit 0 when FILE is valid; 1 with every violation (path: message) on standard error when not."""
import json
import sys

import jsonschema


def main(schema_path, file_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(file_path, encoding="utf-8") as f:
        document = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{file_path}: {where}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
