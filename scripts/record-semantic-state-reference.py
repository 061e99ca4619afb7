#!/usr/bin/env python3
"""Records what dbt-core 1.10's `state:` selection makes of changes to the semantic layer of
Tests/Fixtures/semantic_layer into Tests/Fixtures/semantic_layer/expected-state.json: the fixture is parsed
as "production" (its manifest kept as the state), the edits below are applied to a copy, and `dbt ls` is
recorded for each state selector. The Swift test applies the same edits (read from the JSON) to swiftdbt.
Usage: python3 scripts/record-semantic-state-reference.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "semantic_layer")
DBT = sys.argv[1] if len(sys.argv) > 1 else "dbt"

# (file, text, replacement): one change of each kind dbt's same_contents looks at, and some it ignores.
EDITS = [
    # A metric's description (compared) and another's type_params (dbt does not compare them).
    ["models/semantic.yml", "description: Sum of order totals.", "description: Sum of all order totals."],
    ["models/semantic.yml", "window: 7 days", "window: 14 days"],
    # A metric's config (compared as unrendered config).
    ["models/semantic.yml", "    filter: \"{{ Dimension('order__is_food') }} = 1\"",
     "    filter: \"{{ Dimension('order__is_food') }} = 1\"\n    config:\n      meta:\n        reviewed: true"],
    # A semantic model's description and another's config.
    ["models/semantic.yml", "  - name: customers\n    model: ref('customers')",
     "  - name: customers\n    description: One row per customer.\n    model: ref('customers')"],
    ["models/semantic.yml", "    description: One row per order.\n    model: ref('orders')",
     "    description: One row per order.\n    model: ref('orders')\n    config:\n      meta:\n        team: sales"],
    # An exposure's owner, and a new exposure.
    ["models/semantic.yml", "    owner:\n      name: Ana", "    owner:\n      name: Bea"],
    ["models/semantic.yml", "exposures:\n", "exposures:\n  - name: monthly_report\n    type: analysis\n    owner:\n"
     "      name: Ana\n    depends_on:\n      - metric('revenue')\n"],
    # A saved query's label only (compared).
    ["models/semantic.yml", "    description: Revenue per day.", "    description: Revenue per day.\n    label: Daily revenue"],
]
SELECTORS = ["state:new", "state:old", "state:modified", "state:unmodified", "state:modified.body", "state:modified.configs",
             "state:modified.relation", "state:modified.persisted_descriptions", "state:modified.macros",
             "state:modified.contract"]
PROFILE = "semantic_layer:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n" \
          "      database: main\n      schema: main\n      schemas_and_paths:\n        main: {work}/main.db\n" \
          "      schema_directory: {work}\n"


def dbt(project, arguments):
    done = subprocess.run([DBT] + arguments + ["--profiles-dir", ".", "--no-partial-parse", "--no-send-anonymous-usage-stats"],
                          cwd=project, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    return done.stdout


def main():
    with tempfile.TemporaryDirectory(prefix="swiftdbt-semantic-state-") as work:
        project = os.path.join(work, "semantic_layer")
        shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("expected*.json"))
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(PROFILE.format(work=work))
        dbt(project, ["parse"])
        os.makedirs(os.path.join(project, "prod"))
        shutil.copy(os.path.join(project, "target", "manifest.json"), os.path.join(project, "prod", "manifest.json"))
        unchanged = {selector: sorted(dbt(project, ["ls", "-q", "-s", selector, "--state", "prod"]).split())
                     for selector in ["state:modified", "state:new"]}
        for path, text, replacement in EDITS:
            with open(os.path.join(project, path)) as f:
                content = f.read()
            if content.count(text) != 1:
                sys.exit(f"edit not found exactly once: {text!r}")
            with open(os.path.join(project, path), "w") as f:
                f.write(content.replace(text, replacement))
        listed = {selector: sorted(dbt(project, ["ls", "-q", "-s", selector, "--state", "prod"]).split())
                  for selector in SELECTORS}
        version = json.load(open(os.path.join(project, "target", "manifest.json")))["metadata"]["dbt_version"]
    expected = {"recorded_with": version, "edits": EDITS, "unchanged": unchanged, "ls": listed}
    with open(os.path.join(FIXTURE, "expected-state.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
