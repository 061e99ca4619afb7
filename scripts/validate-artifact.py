#!/usr/bin/env python3
"""Validates dbt artifacts (manifest.json, run_results.json, ...) against dbt's published JSON schemas.

usage: scripts/validate-artifact.py SCHEMA.json ARTIFACT.json [ARTIFACT.json ...]

Prints one line per violation (`artifact: $.json.path: message`) and exits 1 when there is any,
0 when every artifact validates, 3 when the `jsonschema` package is missing
(`python3 -m pip install jsonschema`).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate-artifact: the Python package jsonschema is missing (python3 -m pip install jsonschema)",
          file=sys.stderr)
    sys.exit(3)


def json_path(path):
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


def leaves(error):
    """The errors worth reading: for a node that matches none of the `anyOf` shapes, those of the
    shape it comes closest to among those whose `resource_type` it has."""
    if error.validator != "anyOf" or not error.context:
        return [error]
    branches = {}
    for inner in error.context:
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    matching = [errors for errors in branches.values()
                if not any(list(inner.relative_path) == ["resource_type"] for inner in errors)]
    if not matching:
        return [error]
    closest = min(matching, key=len)  # tests: generic or singular, the shape they come closest to
    return [leaf for inner in closest for leaf in leaves(inner)]


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as file:
        schema = json.load(file)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema)
    failed = False
    for artifact in arguments[1:]:
        with open(artifact, encoding="utf-8") as file:
            document = json.load(file)
        errors = [leaf for error in validator.iter_errors(document) for leaf in leaves(error)]
        for error in sorted(errors, key=lambda error: list(map(str, error.absolute_path))):
            failed = True
            message = error.message if len(error.message) < 300 else error.message[:300] + "..."
            print(f"{artifact}: {json_path(error.absolute_path)}: {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
