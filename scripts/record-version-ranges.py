#!/usr/bin/env python3
"""Prints dbt-core's answers for the version-range cases of Tests/SwiftDBTTests/VersionRangeTests.swift
(run with the Python of a dbt-core 1.10 install: dbt_common.semver)."""
from dbt_common.semver import VersionSpecifier, reduce_versions, resolve_to_specific_version, filter_installable
from dbt_common.exceptions import VersionsNotCompatibleError

CASES = [
    ([">=1.0.0", "<2.0.0"], ["0.9.0", "1.0.0", "1.5.3", "2.0.0-b1", "2.0.0", "1.9.9"]),
    ([">1.0.0", "<=1.2.0"], ["1.0.0", "1.0.1", "1.2.0", "1.2.1"]),
    (["1.2.3"], ["1.2.2", "1.2.3", "1.2.4"]),
    (["=1.2.3"], ["1.2.3", "1.2.3-rc1"]),
    ([">=1.0.0"], ["1.1.0-rc.1", "1.1.0", "0.9.0"]),
    ([">=1.0.0", "<1.1.0"], ["1.1.0-rc.1", "1.0.5"]),
    ([">=1.0.0-b2"], ["1.0.0-b1", "1.0.0-b10", "1.0.0"]),
    ([">=1.0.0", "<2.0.0", ">=1.3.0", "<1.5.0"], ["1.2.9", "1.3.0", "1.4.9", "1.5.0"]),
]
CONFLICTS = [[">=2.0.0", "<1.5.0"], ["1.2.3", "1.2.4"], [">1.0.0", "<1.0.0"], [">=1.0.0", "<=1.0.0"]]
PRERELEASE = ["0.9.0", "1.0.0-rc1", "1.0.0", "1.1.0b1", "1.0.1"]

for specs, versions in CASES:
    r = reduce_versions(*specs)
    inside = [v for v in versions if resolve_to_specific_version(r, [v]) is not None]
    print(specs, "->", inside, "newest:", resolve_to_specific_version(r, versions))
for specs in CONFLICTS:
    try:
        reduce_versions(*specs)
        print(specs, "compatible")
    except VersionsNotCompatibleError:
        print(specs, "conflict")
print("installable without prereleases:", filter_installable(PRERELEASE, False))
print("installable with prereleases:", filter_installable(PRERELEASE, True))
for text in ["1.0", "01.0.0", "1.0.0.0", "v1.0.0", "1.0.0-a..b", "", "~=1.0.0"]:
    try:
        VersionSpecifier.from_version_string(text)
        print(repr(text), "a version")
    except Exception:
        print(repr(text), "not a version")
