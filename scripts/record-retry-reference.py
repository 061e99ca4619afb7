#!/usr/bin/env python3
"""Records what dbt-core 1.10 does when `retry` follows `run-operation` or `compile`, into
Tests/Fixtures/reference/retry-reference.json: for a macro that fails (`--args '{x: 2}'`), one that succeeds, and a
`compile -s m1+`, the exit code, the `log()` lines and notes of the command and of the retry after it, and the
`run_results.json` each writes (its results' fields but times and thread, and `args.which`, `args.macro`, `args.args`).
Usage: python3 scripts/record-retry-reference.py (needs dbt-core 1.10 with dbt-sqlite 1.10; `dbt` on PATH or DBT=...)."""
import json
import os
import subprocess
import tempfile

FILES = {
    "dbt_project.yml": "name: refp\nversion: '1.0'\nprofile: refp\n",
    "seeds/people.csv": "id,name\n1,a\n",
    "models/m1.sql": "select * from {{ ref('people') }}\n",
    "models/m2.sql": "select * from {{ ref('m1') }}\n",
    "macros/hello.sql": ("{% macro hello(x=1) %}{{ log('hi ' ~ x, info=true) }}"
                         "{% if x == 2 %}{{ exceptions.raise_compiler_error('boom') }}{% endif %}{% endmacro %}\n"),
}
SEQUENCES = {"failing": ["run-operation", "hello", "--args", "{x: 2}"], "passing": ["run-operation", "hello"],
             "compile": ["compile", "-s", "m1+"]}


def invoke(folder, arguments):
    done = subprocess.run([os.environ.get("DBT", "dbt"), "--log-format", "json"] + arguments + ["--profiles-dir", "."],
                          cwd=folder, capture_output=True, text=True,
                          env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "NO_COLOR": "1"})
    events = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    with open(os.path.join(folder, "target", "run_results.json")) as f:
        results = json.load(f)
    return {"exit_code": done.returncode,
            "logged": [e["info"]["msg"] for e in events if e["info"]["name"] == "JinjaLogInfo"
                       or e["info"]["msg"].startswith("Nothing to do")],
            "args": {k: results["args"].get(k) for k in ["which", "macro", "args"]},
            "results": [{**{k: v for k, v in r.items() if k not in ("timing", "execution_time", "thread_id")},
                         "timing": [t["name"] for t in r["timing"]]} for r in results["results"]]}


def main():
    expected = {}
    for label, arguments in SEQUENCES.items():
        with tempfile.TemporaryDirectory() as folder:
            for path, text in FILES.items():
                os.makedirs(os.path.dirname(os.path.join(folder, path)) or folder, exist_ok=True)
                with open(os.path.join(folder, path), "w") as f:
                    f.write(text)
            with open(os.path.join(folder, "profiles.yml"), "w") as f:
                f.write("refp:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n"
                        f"      schema: main\n      schemas_and_paths:\n        main: {folder}/main.db\n      schema_directory: {folder}\n")
            expected[label] = {"operation": invoke(folder, arguments), "retry": invoke(folder, ["retry"])}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "reference", "retry-reference.json")
    with open(path, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
