#!/usr/bin/env python3
"""Records what dbt-core 1.10 writes to logs/dbt.log for `deps` (no packages.yml) and then `clean` (with a
profile), into Tests/Fixtures/reference/deps-clean-log.json: for each, its exit code and
the level and message of each line it appends after its header, but for the lines swiftdbt does not write
(dbt's arguments, resource report, timing and usage lines, and its own deprecation note). Also dbt's clean without
a profile: with `--profiles-dir` naming a folder that does not exist (`clean_without_profile`), naming an empty
folder (`clean_empty_profiles_dir`), and with neither `--profiles-dir` nor a `~/.dbt` folder (`clean_without_home_dbt`):
its exit code, whether it appended to dbt.log, its `Error:` line and whether the target folder is gone.
Usage: python3 scripts/record-deps-clean-log.py (needs dbt-core 1.10 with dbt-sqlite 1.10; `dbt` on PATH or DBT=...)."""
import json
import os
import re
import subprocess
import tempfile

DBT = os.environ.get("DBT", "dbt")
SKIPPED = ("running dbt with arguments", "Resource report", "Command `dbt", "Flushing usage events",
           "An error was encountered while trying to flush", "This version of dbt is deprecated")


def invoke(folder, arguments, home=None):
    log = os.path.join(folder, "logs", "dbt.log")
    before = open(log).read() if os.path.exists(log) else ""
    os.makedirs(os.path.join(folder, "target"), exist_ok=True)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DBT_")}
    done = subprocess.run([DBT] + arguments, cwd=folder, capture_output=True, text=True,
                          env={**environment, "HOME": home or os.environ.get("HOME", ""),
                               "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "NO_COLOR": "1"})
    error = next((line for line in (done.stdout + done.stderr).splitlines() if line.startswith("Error: ")), None)
    after = open(log).read() if os.path.exists(log) else ""
    added = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in after[len(before):].splitlines()]
    lines = []
    for line in added:
        match = re.match(r"^\d\d:\d\d:\d\d\.\d{6} \[(\w+) ?\] \[[^\]]+\]: (.*)$", line)
        if match and not match.group(2).startswith(SKIPPED):
            lines.append([match.group(1), match.group(2)])
    return {"exit_code": done.returncode, "appended": bool(added), "lines": lines,
            "error": error.replace(folder, "<project>") if error else None,
            "cleaned": not os.path.exists(os.path.join(folder, "target")),
            "header": [re.sub(r"\d\d:\d\d:\d\d\.\d{6}", "HH:MM:SS.ffffff", re.sub(r"[0-9a-f-]{36}", "<id>", l))
                       for l in added if l.startswith("=")]}


def main():
    expected = {}
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "dbt_project.yml"), "w") as f:
            f.write("name: refq\nversion: '1.0'\nprofile: refq\nclean-targets: [target]\n")
        os.makedirs(os.path.join(folder, "target"))
        expected["deps"] = invoke(folder, ["deps"])
        expected["clean_without_profile"] = invoke(folder, ["clean", "--profiles-dir", os.path.join(folder, "none")])
        os.makedirs(os.path.join(folder, "home"))
        expected["clean_without_home_dbt"] = invoke(folder, ["clean"], home=os.path.join(folder, "home"))
        expected["clean_empty_profiles_dir"] = invoke(folder, ["clean", "--profiles-dir", os.path.join(folder, "home")])
        with open(os.path.join(folder, "profiles.yml"), "w") as f:
            f.write("refq:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n"
                    f"      schema: main\n      schemas_and_paths:\n        main: {folder}/main.db\n      schema_directory: {folder}\n")
        expected["clean"] = invoke(folder, ["clean", "--profiles-dir", "."])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "reference", "deps-clean-log.json")
    with open(path, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(expected, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
