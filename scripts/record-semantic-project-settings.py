#!/usr/bin/env python3
"""Records what dbt-core 1.10 makes of `exposures:` / `metrics:` / `semantic-models:` / `saved-queries:` settings in
dbt_project.yml for Tests/Fixtures/semantic_layer into Tests/Fixtures/semantic_layer/expected-settings.json:
each variant's lines are appended to a copy's dbt_project.yml; for a parse that succeeds, the `config` of
every exposure, metric, semantic model and saved query, the exposures' `tags`, `meta` and `unrendered_config`,
what `ls -s tag:ci` lists, and the `disabled` entries (without `created_at`); for one that fails, dbt's message.
Usage: python3 scripts/record-semantic-project-settings.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "semantic_layer")
DBT = sys.argv[1] if len(sys.argv) > 1 else "dbt"
SECTIONS = ["exposures", "metrics", "semantic_models", "saved_queries"]

# Lines appended to dbt_project.yml (kept identical in SemanticProjectSettingsTests).
VARIANTS = {
    "settings": "metrics:\n  semantic_layer:\n    +meta: {team: finance}\n    buyers:\n      +enabled: false\n"
                "semantic-models:\n  +meta: {owner: ana}\n"
                "saved-queries:\n  semantic_layer:\n    +enabled: false\n",
    "disabled_input_metric": "metrics:\n  semantic_layer:\n    orders_count:\n      +enabled: false\n",
    "disabled_semantic_model": "semantic-models:\n  semantic_layer:\n    customers:\n      enabled: false\n",
    "exposure_settings": "exposures:\n  +tags: [ci]\n  +meta: {team: bi}\n  semantic_layer:\n"
                         "    weekly_report:\n      +meta: {tier: 1}\n",
    "exposure_string_tag": "exposures:\n  semantic_layer:\n    +tags: weekly\n",
    "exposure_disabled": "exposures:\n  semantic_layer:\n    weekly_report:\n      enabled: false\n",
}


def parse(extra):
    with tempfile.TemporaryDirectory(prefix="swiftdbt-semantic-settings-") as work:
        project = os.path.join(work, "semantic_layer")
        shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("expected*.json"))
        with open(os.path.join(project, "dbt_project.yml"), "a") as f:
            f.write("\n" + extra)
        with open(os.path.join(project, "profiles.yml"), "w") as f:
            f.write(f"semantic_layer:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                    f"      database: main\n      schema: main\n      schemas_and_paths:\n        main: {work}/main.db\n"
                    f"      schema_directory: {work}\n")
        done = subprocess.run([DBT, "parse", "--profiles-dir", ".", "--no-partial-parse", "--no-send-anonymous-usage-stats"],
                              cwd=project, capture_output=True, text=True)
        if done.returncode != 0:
            lines = [re.sub(r"^\x1b\[0m\d\d:\d\d:\d\d\s+", "", line).strip() for line in done.stdout.splitlines()]
            return {"code": done.returncode, "output": [line for line in lines if line][-2:]}
        with open(os.path.join(project, "target", "manifest.json")) as f:
            manifest = json.load(f)
        listed = subprocess.run([DBT, "-q", "ls", "-s", "tag:ci", "--profiles-dir", ".", "--no-partial-parse",
                                 "--no-send-anonymous-usage-stats"], cwd=project, capture_output=True, text=True)
        return {"code": 0, "listed": listed.stdout.split(),
                "exposures": {key: {field: entry[field] for field in ["tags", "meta", "unrendered_config"]}
                              for key, entry in manifest["exposures"].items()},
                "configs": {section: {key: entry["config"] for key, entry in manifest[section].items()}
                                       for section in SECTIONS},
                "disabled": {key: [{k: v for k, v in entry.items() if k != "created_at"} for entry in entries]
                             for key, entries in manifest["disabled"].items()}}


def main():
    expected = {name: parse(extra) for name, extra in VARIANTS.items()}
    with open(os.path.join(FIXTURE, "expected-settings.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
