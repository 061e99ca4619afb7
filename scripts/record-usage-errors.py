#!/usr/bin/env python3
"""Records how dbt-core 1.10's command line (click) refuses what it cannot parse, into
Tests/Fixtures/resource_types/expected-usage-errors.json: for each case its arguments, the exit code and the lines
dbt prints (the usage line, the help hint, an empty line and `Error: ...`; click writes them to standard error).
The cases: an unknown option, an integer option given a word, a choice option given a value it does not offer
(`--log-format`, `--resource-type`), an option missing its value at the end of the line, an unknown command and a
flag given a value. None gets as far as reading a project, so it runs in an empty temporary folder.
Usage: python3 scripts/record-usage-errors.py [DBT]   (DBT: dbt-core 1.10)."""
import os
import subprocess
import tempfile

import dbt_reference

OUTPUT = os.path.join(dbt_reference.ROOT, "Tests", "Fixtures", "resource_types", "expected-usage-errors.json")

CASES = {
    "unknown_option": ["run", "--bogus"],
    "not_an_integer": ["run", "--threads", "abc"],
    "not_a_log_format": ["run", "--log-format", "bad"],
    "not_a_resource_type": ["ls", "--resource-type", "bogus"],
    "not_an_excluded_resource_type": ["build", "--exclude-resource-type", "all"],
    "missing_value": ["run", "--threads"],
    "unknown_command": ["bogus"],
    "flag_with_a_value": ["run", "--empty=3"],
}


def record(arguments):
    with tempfile.TemporaryDirectory() as folder:
        clean = {key: value for key, value in os.environ.items() if not key.startswith("DBT_")}
        done = subprocess.run([dbt_reference.DBT] + arguments, cwd=folder, capture_output=True, text=True,
                              env=dict(clean, DBT_SEND_ANONYMOUS_USAGE_STATS="false"))
        return {"arguments": arguments, "code": done.returncode, "stderr": done.stderr.splitlines(),
                "stdout": done.stdout.splitlines()}


def main():
    dbt_reference.write_reference(OUTPUT, cases={name: record(arguments) for name, arguments in CASES.items()})


if __name__ == "__main__":
    main()
