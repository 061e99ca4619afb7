#!/usr/bin/env python3
"""Records whether dbt-core accepts each `require-dbt-version` case for dbt 1.10.23 (the version swiftdbt
follows), into Tests/SwiftDBTTests/Fixtures/version-requirements.json: `ok`, or `invalid` for text dbt refuses
to parse. Usage: python3 scripts/record-version-requirements.py (needs `pip install "dbt-core==1.10.*"`)."""
import json
import os

from dbt_common.exceptions import SemverError
from dbt_common.semver import VersionSpecifier
from dbt.config.project import _parse_versions

CASES = [
    ">=1.0.0", ">=1.3.0,<2.0.0", [">=1.3.0", "<2.0.0"], ">=1.10.0", ">1.10.0", "<=1.10.0", "<1.10.0", "1.10.0",
    "=1.10.0", "=1.10.1", ">=1.10.1", ">=2.0.0", "<1.9.9", [">=1.5.0", "<1.10.0"], ">=1.10.0-rc1", "<1.10.0-b2",
    ">=1.10.0+build.7", ">=0.0.0", "1.10", ">=1.2", "v1.10.0", ">=01.0.0", "~=1.10.0", "", " >=1.0.0", ">=1.10.6", "<1.10.23", "1.10.23",
]


def record(case):
    try:
        specs = _parse_versions(case)
    except SemverError:
        return {"require": case, "invalid": True}
    installed = VersionSpecifier.from_version_string("=1.10.23")
    ok = all(_meets(installed, spec) for spec in specs)
    return {"require": case, "ok": ok, "text": [s.to_version_string() for s in specs]}


def _meets(installed, spec):
    from dbt_common.semver import versions_compatible
    return versions_compatible(installed, spec)


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "SwiftDBTTests", "Fixtures", "version-requirements.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump([record(c) for c in CASES], f, indent=1)
        f.write("\n")
    print(f"{path}: {len(CASES)} cases")


if __name__ == "__main__":
    main()
