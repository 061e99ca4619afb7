#!/usr/bin/env python3
"""Prints dbt-core's package-lock.yml `sha1_hash` for the specifications of
Tests/SwiftDBTTests/PackageLockTests.swift (run with the Python of a dbt-core 1.10 install)."""
import os
import yaml
from dbt_common.context import set_invocation_context
from dbt.config.project import package_config_from_data
from dbt.config.renderer import PackageRenderer
from dbt.task.deps import _create_sha1_hash

SPECIFICATIONS = [
    """
packages:
  - local: ../libpkg
  - git: "file:///tmp/pklock/bare.git"
    revision: v0.1.0
""",
    """
packages:
  - package: acme/calendar_tools
    version: [">=1.0.0", "<2.0.0"]
  - package: acme/text_tools
    version: 0.3.0
    install_prerelease: true
  - git: "https://{{ env_var('GIT_HOST', 'git.example.invalid') }}/acme/tools.git"
    revision: main
    subdirectory: packages/tools
    warn-unpinned: false
  - tarball: "https://example.invalid/archive.tar.gz"
    name: archived
""",
]

set_invocation_context(os.environ)
for text in SPECIFICATIONS:
    raw = yaml.safe_load(text)
    packages = package_config_from_data(PackageRenderer({}).render_data(raw), raw).packages
    print(_create_sha1_hash(packages))
