#!/usr/bin/env python3
"""Records how dbt reads YAML documents with a key written twice, for
Tests/Fixtures/reference/yaml-duplicates.json: each document is loaded by dbt-core's own
`checked_load` (PyYAML's SafeLoader, as dbt reads schema files and dbt_project.yml), which gives
the value (the last one written wins, in the first one's place) and a `duplicate_key` failure per
repeated key, whose line and column are recorded (1-based, as swiftdbt reports them; sorted, as
PyYAML reports a nested mapping's only when it builds it). The documents are ones
swiftdbt's fast reader declines (anchors, flow mappings, block scalars, ...), so they exercise
the composer built on libYAML's events. Usage: python3 scripts/record-yaml-duplicates.py
(in a venv with `pip install "dbt-core==1.10.*"`)."""
import json
import os
import re

from dbt.clients.checked_load import checked_load

DOCUMENTS = [
    "a: 1\nb: &x [1, 2]\na: *x\n",
    "{a: 1, b: 2, a: 3}\n",
    "models:\n  - name: m\n    description: |\n      first\n    description: >\n      second\n      line\n",
    "outer:\n  inner: {k: 1, k: 2}\n  inner: {k: 3}\nlast: 'x'\n",
    "base: &b\n  x: 1\n  x: 2\ncopy: *b\n",
    "version: 2\nsources:\n  - name: s\n    tables:\n      - name: t\n        meta: {owner: a, owner: b}\n    tables:\n      - name: u\n",
    "'quoted': 1\n\"quoted\": 2\nplain: \"multi\n  line\"\nplain: ~\n",
    "--- \nname: p\nvars:\n  v: 1\n  v: [a, b]\nvars:\n  w: 2\n",
]


def main():
    cases = []
    for document in DOCUMENTS:
        value, failures = checked_load(document)
        # checked_load keeps its failures on a class; each call starts a new class.
        lines = []
        for failure in failures:
            match = re.search(r"line (\d+), column (\d+)", failure.message)
            lines.append([int(match.group(1)), int(match.group(2))])
        # The value as compact JSON text, keys in PyYAML's order (a JSON object would lose it when decoded).
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        cases.append({"document": document, "value": text, "duplicates": sorted(lines)})
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "reference", "yaml-duplicates.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
