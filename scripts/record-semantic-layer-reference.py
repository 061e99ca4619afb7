#!/usr/bin/env python3
"""Records what dbt-core 1.10 makes of Tests/Fixtures/semantic_layer (exposures, metrics, semantic models,
saved queries) into Tests/Fixtures/semantic_layer/expected.json: those manifest sections (without
`created_at`), their entries of `parent_map`/`child_map`, what `dbt ls` prints for a few selections, and the
error `dbt parse` reports for each broken variant below (a property file added to a copy).
dbt-sqlite profile with swiftdbt's default target (schema and database `main`); parse never connects.
Usage: python3 scripts/record-semantic-layer-reference.py [DBT]   (DBT: dbt-core 1.10 with dbt-sqlite 1.10)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "semantic_layer")
DBT = sys.argv[1] if len(sys.argv) > 1 else "dbt"
SECTIONS = ["exposures", "metrics", "semantic_models", "saved_queries"]

# Broken variants: a property file added to a copy of the fixture.
BROKEN = {
    "unknown_model": "semantic_models:\n  - name: ghosts\n    model: ref('ghost')\n",
    "unknown_measure": "metrics:\n  - name: ghost_total\n    label: x\n    type: simple\n    type_params:\n      measure: ghost_amount\n",
    "unknown_input_metric": "metrics:\n  - name: ghost_ratio\n    label: x\n    type: derived\n"
                            "    type_params:\n      expr: ghost * 2\n      metrics: [ghost]\n",
    "unknown_saved_query_metric": "saved_queries:\n  - name: ghost_query\n    query_params:\n      metrics: [ghost]\n",
    "ratio_without_denominator": "metrics:\n  - name: half_ratio\n    label: x\n    type: ratio\n"
                                 "    type_params:\n      numerator: revenue\n",
    "unknown_exposure_ref": "exposures:\n  - name: ghost_report\n    type: dashboard\n    owner: {name: Ana}\n"
                            "    depends_on: [ref('ghost')]\n",
    "unknown_exposure_metric": "exposures:\n  - name: ghost_report\n    type: dashboard\n    owner: {name: Ana}\n"
                               "    depends_on: [metric('ghost')]\n",
    "duplicate_metric": "metrics:\n  - name: revenue\n    label: x\n    type: simple\n    type_params:\n      measure: order_total\n",
    "unknown_metric_group": "metrics:\n  - name: grouped_revenue\n    label: x\n    type: simple\n    config:\n      group: finance\n"
                            "    type_params:\n      measure: order_total\n",
    "private_model_of_semantic_model": "groups:\n  - name: finance\n    owner: {name: Ana}\n"
                                       "models:\n  - name: customers\n    access: private\n    config: {group: finance}\n",
    "private_model_of_exposure": "groups:\n  - name: finance\n    owner: {name: Ana}\n"
                                 "models:\n  - name: orders\n    access: private\n    config: {group: finance}\n",
    "bad_window": "metrics:\n  - name: bad_window\n    label: x\n    type: cumulative\n"
                  "    type_params:\n      measure: order_total\n      cumulative_type_params:\n        window: seven days\n",
    # MetricFlow's checks at parse (dbt-semantic-interfaces' validations), the ones a user meets first.
    "simple_without_measure": "metrics:\n  - name: bare\n    label: x\n    type: simple\n    type_params: {}\n",
    "no_primary_entity": "semantic_models:\n  - name: refunds\n    model: ref('orders')\n    entities:\n"
                         "      - name: customer\n        type: foreign\n        expr: customer_id\n"
                         "    dimensions:\n      - name: is_refund\n        type: categorical\n",
    "duplicate_measure": "semantic_models:\n  - name: refunds\n    model: ref('orders')\n    entities:\n"
                         "      - name: refund\n        type: primary\n        expr: order_id\n"
                         "    measures:\n      - name: order_total\n        agg: sum\n        expr: amount\n"
                         "        agg_time_dimension: refunded_at\n"
                         "    dimensions:\n      - name: refunded_at\n        type: time\n"
                         "        type_params:\n          time_granularity: day\n",
    "duplicate_semantic_model": "semantic_models:\n  - name: customers\n    model: ref('customers')\n    entities:\n"
                                "      - name: customer\n        type: primary\n        expr: customer_id\n",
}
SELECTIONS = {"all": [], "parents_of_exposure": ["-s", "+exposure:weekly_report"], "metric_children": ["-s", "metric:revenue+"],
              "semantic_models": ["--resource-type", "semantic_model"], "saved_query": ["-s", "saved_query:*"]}


POSTGRES_PROFILE = """semantic_layer:
  target: dev
  outputs:
    dev: {type: postgres, host: localhost, port: 5432, user: x, password: x, dbname: analytics, schema: marts, threads: 1}
"""


def apply_changes(project, changes):
    """Each change [path, old, new] to a file of the project copy: `old` "" writes `new` as the whole file, `new`
    None deletes it, otherwise the one place `old` is written becomes `new`."""
    for path, old, new in changes:
        path = os.path.join(project, path)
        if new is None:
            os.remove(path)
            continue
        text = new
        if old:
            with open(path) as f:
                text = f.read()
            assert text.count(old) == 1, (path, old)
            text = text.replace(old, new)
        with open(path, "w") as f:
            f.write(text)


def project_copy(work, extra, postgres=False, changes=()):
    project = os.path.join(work, "semantic_layer")
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("expected.json"))
    # swiftdbt quotes every part of a relation name (README: relation names); dbt-sqlite leaves the schema
    # bare unless the project asks for it, as here (`node_relation.relation_name`).
    with open(os.path.join(project, "dbt_project.yml"), "a") as f:
        f.write("\nquoting:\n  schema: true\n")
    if extra:
        with open(os.path.join(project, "models", "broken.yml"), "w") as f:
            f.write("version: 2\n" + extra)
    apply_changes(project, changes)
    with open(os.path.join(project, "profiles.yml"), "w") as f:
        if postgres:
            f.write(POSTGRES_PROFILE)
            return project
        f.write(f"semantic_layer:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n"
                f"      database: main\n      schema: main\n      schemas_and_paths:\n        main: {work}/main.db\n"
                f"      schema_directory: {work}\n")
    return project


def dbt(arguments, extra=None, postgres=False, changes=()):
    with tempfile.TemporaryDirectory(prefix="swiftdbt-semantic-") as work:
        project = project_copy(work, extra, postgres, changes)
        done = subprocess.run([DBT] + arguments + ["--profiles-dir", ".", "--no-partial-parse", "--no-send-anonymous-usage-stats"],
                              cwd=project, capture_output=True, text=True)
        manifest = None
        if arguments[0] == "parse" and done.returncode == 0:
            with open(os.path.join(project, "target", "manifest.json")) as f:
                manifest = json.load(f)
        return done.returncode, done.stdout, manifest


def error_message(output):
    lines = [re.sub(r"^\x1b\[0m\d\d:\d\d:\d\d\s+", "", line) for line in output.splitlines()]
    if "Traceback (most recent call last):" in lines:
        # dbt-core 1.10 fails an assertion (a simple metric without a measure): its last line, the metric's
        # repr (which holds created_at) shortened to its name.
        last = [line.strip() for line in lines if line.strip()][-1]
        return [re.sub(r"Metric\(name='([^']*)'.*\) should", r"Metric(name='\1', ...) should", last)]
    found = [line.strip() for line in lines if line.strip() and not line.startswith(("Running with", "Registered adapter",
             "This version of dbt", "Encountered an error", "Performance info"))]
    # A YAML error names the temporary copy (FilePath(...)): keep what follows it.
    return [line.split(" - ", 1)[1] if line.startswith("Invalid window config given in FilePath(") and " - " in line else line
            for line in found]


def main():
    jobs = {"parse": (["parse"], None), "parse:postgres": (["parse"], None, True), "found": (["ls", "-s", "orders"], None)}
    jobs.update({f"ls:{name}": (["ls", "-q"] + arguments, None) for name, arguments in SELECTIONS.items()})
    jobs.update({f"broken:{name}": (["parse"], text) for name, text in BROKEN.items()})
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(jobs, pool.map(lambda job: dbt(*job), jobs.values())))
    _, _, manifest = results["parse"]
    ids = {key for section in SECTIONS for key in manifest[section]}
    expected = {
        "recorded_with": manifest["metadata"]["dbt_version"],
        "sections": {section: {key: {k: v for k, v in entry.items() if k != "created_at"}
                               for key, entry in manifest[section].items()} for section in SECTIONS},
        "parent_map": {key: value for key, value in manifest["parent_map"].items() if key in ids},
        "child_map": {key: value for key, value in manifest["child_map"].items()
                      if key in ids or any(child in ids for child in value)},
        # dbt's "Found 3 models, ..." line.
        "found": next((line[line.index("Found "):] for line in results["found"][1].splitlines() if "Found " in line), None),
        # The target's names where they appear (PostgreSQL profile: database analytics, schema marts).
        "postgres": {
            "node_relation": {key: entry["node_relation"] for key, entry in results["parse:postgres"][2]["semantic_models"].items()},
            "exports": {key: entry["exports"] for key, entry in results["parse:postgres"][2]["saved_queries"].items()},
        },
        "ls": {name.split(":", 1)[1]: sorted(line for line in output.splitlines() if line.strip())
               for name, (_, output, _) in results.items() if name.startswith("ls:")},
        "errors": {name.split(":", 1)[1]: {"code": code, "output": error_message(output)}
                   for name, (code, output, _) in results.items() if name.startswith("broken:")},
    }
    with open(os.path.join(FIXTURE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected["errors"], indent=1))
    print(json.dumps(expected["ls"], indent=1))


if __name__ == "__main__":
    main()
