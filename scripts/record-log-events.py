#!/usr/bin/env python3
"""Records what dbt-core 1.10 writes of a build, for swiftdbt's structured logs and run_results.json:
the events of `--log-format json` (name, code, level, thread, the keys of `info`, of `data` and of
`data.node_info`) of a build, of an `ls`, of a run stopped by a load error,
the `ShowNode`/`CompiledNode` events of `show`, `compile --inline` and `compile -s` (and the first event,
`MainReportVersion`), what text-format `compile` prints of its SQL, the debug-level events `logs/dbt.log` adds, the shape of a `logs/dbt.log` line in
the default (text) file format, and `run_results.json`'s `args` (keys and values) and result keys for
two invocations. The project is made here: a seed, a table model, a view on it, a model that fails and
its skipped child, two data tests that pass and one that warns. Output: Tests/Fixtures/reference/log-events.json.
Usage: python3 scripts/record-log-events.py (needs `pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"`
and `dbt` on PATH, or DBT=/path/to/dbt)."""
import json
import os
import re
import subprocess
import tempfile

FILES = {
    "dbt_project.yml": "name: refp\nversion: '1.0'\nprofile: refp\n",
    "seeds/people.csv": "id,name\n1,a\n2,b\n3,\n",
    "models/m1.sql": "{{ config(materialized='table') }}\nselect * from {{ ref('people') }}\n",
    "models/m2.sql": "{{ config(materialized='view') }}\nselect * from {{ ref('m1') }}\n",
    "models/bad.sql": "{{ config(materialized='table') }}\nselect no_such_column from {{ ref('m1') }}\n",
    "models/after_bad.sql": "select * from {{ ref('bad') }}\n",
    "models/schema.yml": ("version: 2\nmodels:\n  - name: m1\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n"
                          "      - name: name\n        data_tests:\n          - not_null:\n              config: {severity: warn}\n"),
}

# (label, command line after `dbt`); each runs in a fresh copy of the project.
INVOCATIONS = [
    ("build_json", ["--log-format", "json", "build", "--profiles-dir", "."]),
    ("run_flags", ["run", "--profiles-dir", ".", "-s", "m1+", "--exclude", "m2", "--full-refresh", "--fail-fast",
                   "--threads", "1", "--target", "dev", "--vars", "{a: 1}"]),
    ("ls_json", ["--log-format", "json", "ls", "--profiles-dir", ".", "-s", "m1", "--output", "name"]),
    ("load_error_json", ["--log-format", "json", "run", "--profiles-dir", "."]),
    ("show_json", ["--log-format", "json", "show", "--profiles-dir", ".", "--inline", "select 2 as x"]),
    ("show_node_json", ["--log-format", "json", "show", "--profiles-dir", ".", "-s", "people"]),
    ("compile_inline_json", ["--log-format", "json", "compile", "--profiles-dir", ".", "--inline", "select 2 as x"]),
    ("compile_node_json", ["--log-format", "json", "compile", "--profiles-dir", ".", "-s", "m1"]),
    ("compile_node_text", ["compile", "--profiles-dir", ".", "-s", "m1+"]),
    ("compile_node_quiet", ["--quiet", "compile", "--profiles-dir", ".", "-s", "m1"]),
    ("compile_inline_text", ["compile", "--profiles-dir", ".", "--inline", "select 2 as x"]),
]
# Invocations whose output is one event (show's preview, compile's SQL): recorded whole, but for its times and IDs.
OUTPUT_EVENTS = {"ShowNode", "CompiledNode"}

# Files an invocation adds to the project: a model whose Jinja does not parse stops the load.
EXTRA_FILES = {"load_error_json": {"models/broken.sql": "select {{ 1 +  }}\n"}}


def profile(folder):
    return ("refp:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n"
            f"      schema: main\n      schemas_and_paths:\n        main: {folder}/main.db\n      schema_directory: {folder}\n")


def events(lines):
    """One entry per event name, in first-seen order."""
    found = {}
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        info, data = event["info"], event["data"]
        entry = found.setdefault(info["name"], {"code": info["code"], "level": info["level"], "threads": [],
                                                "info_keys": sorted(info), "data_keys": sorted(data)})
        if info["thread"] not in entry["threads"]:
            entry["threads"].append(info["thread"])
        if "node_info" in data:
            entry["node_info_keys"] = sorted(data["node_info"])
            entry["node_relation_keys"] = sorted(data["node_info"].get("node_relation") or {})
    return found


def run(label, arguments):
    with tempfile.TemporaryDirectory() as folder:
        for path, text in {**FILES, **EXTRA_FILES.get(label, {})}.items():
            os.makedirs(os.path.dirname(os.path.join(folder, path)), exist_ok=True)
            with open(os.path.join(folder, path), "w") as f:
                f.write(text)
        with open(os.path.join(folder, "profiles.yml"), "w") as f:
            f.write(profile(folder))
        done = subprocess.run([os.environ.get("DBT", "dbt")] + arguments, cwd=folder, capture_output=True, text=True,
                              env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "NO_COLOR": "1"})
        with open(os.path.join(folder, "logs", "dbt.log")) as f:
            log = f.read().splitlines()
        record = {"exit_code": done.returncode, "command": arguments}
        if "ls" in arguments:
            # ls writes no run results; what it lists comes as events of their own.
            record["stdout_events"] = events(done.stdout.splitlines())
            record["listed"] = [json.loads(line)["data"].get("msg") for line in done.stdout.splitlines()
                                if line.startswith("{") and json.loads(line)["info"]["name"] == "PrintEvent"]
            return label, record
        if label.startswith("compile") and "json" not in arguments:
            # The SQL is printed as is, without the time in front of log lines.
            record["printed"] = [line for line in done.stdout.splitlines() if not re.match(r"^(\x1b\[0m)?\d\d:\d\d:\d\d ", line)]
            return label, record
        if label.startswith(("show", "compile")):
            first = json.loads(done.stdout.splitlines()[0])
            record["first_event"] = {"name": first["info"]["name"], "code": first["info"]["code"],
                                     "level": first["info"]["level"], "msg": first["info"]["msg"], "data": first["data"]}
            record["output_events"] = [{"name": e["info"]["name"], "code": e["info"]["code"], "level": e["info"]["level"],
                                        "msg": e["info"]["msg"], "data": e["data"]}
                                       for e in map(json.loads, done.stdout.splitlines()) if e["info"]["name"] in OUTPUT_EVENTS]
            return label, record
        if label in EXTRA_FILES:
            # The error that stops the invocation is an event on standard output, as every other line.
            record["stdout_events"] = events(done.stdout.splitlines())
            record["error_events"] = [{"msg": e["info"]["msg"], "data": e["data"]} for e in map(json.loads, done.stdout.splitlines())
                                      if e["info"]["level"] == "error"]
            record["stderr"] = done.stderr
            return label, record
        with open(os.path.join(folder, "target", "run_results.json")) as f:
            results = json.load(f)
        args = {k: (v.replace(folder, "<project>") if isinstance(v, str) else v) for k, v in results["args"].items()}
        record.update({"args": args, "result_keys": sorted(results["results"][0]),
                       "results": [{"unique_id": r["unique_id"], "status": r["status"], "thread_id": r["thread_id"],
                                    "timing_names": [t["name"] for t in r["timing"]],
                                    "adapter_response_keys": sorted(r["adapter_response"]),
                                    "message": r["message"], "failures": r["failures"], "compiled": r["compiled"],
                                    "has_compiled_code": r["compiled_code"] is not None,
                                    "relation_name": r["relation_name"]} for r in results["results"]]})
        if "json" in arguments:
            record["stdout_events"] = events(done.stdout.splitlines())
            record["file_events"] = events(log)
        else:
            # A text line of logs/dbt.log: "HH:MM:SS.ffffff [level] [thread]: message", levels padded to 5.
            # dbt colours the file too (use_colors_file): the escape codes are taken off first.
            plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in log]
            record["file_line_shapes"] = sorted({re.sub(r"^\d\d:\d\d:\d\d\.\d{6} \[(\w+ ?)\] \[([^\]]+)\]: .*", r"[\1] [\2]", line)
                                                for line in plain if re.match(r"^\d\d:\d\d:\d\d\.\d{6} ", line)})
            record["file_sample"] = [re.sub(r"^\d\d:\d\d:\d\d\.\d{6}", "HH:MM:SS.ffffff", line) for line in plain[:6]]
            record["stdout_sample"] = [re.sub(r"^\d\d:\d\d:\d\d", "HH:MM:SS", l) for l in done.stdout.splitlines()[:3]]
        return label, record


def main():
    expected = dict(run(label, arguments) for label, arguments in INVOCATIONS)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "reference", "log-events.json")
    with open(path, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True)[:3000])


if __name__ == "__main__":
    main()
