#!/usr/bin/env bash
# dbt-core's listing of projects with symbolic links in their model folders, the reference for
# Tests/SwiftDBTTests/SymbolicLinkDiscoveryTests.swift. Needs dbt-core 1.10 and dbt-sqlite on PATH
# (pip install "dbt-core==1.10.*" "dbt-sqlite==1.10.*"). Prints the models `dbt ls` finds per layout.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/other/sub"
echo 'select 2 as id' > "$work/other/b.sql"
echo 'select 3 as id' > "$work/other/sub/c.sql"

project() {
    mkdir -p "$work/$1"
    printf 'name: linked\nprofile: linked\nconfig-version: 2\n' > "$work/$1/dbt_project.yml"
    printf 'linked:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n      threads: 1\n      database: main\n      schema: main\n      schemas_and_paths:\n        main: %s/%s.sqlite\n      schema_directory: %s\n' \
        "$work" "$1" "$work" > "$work/$1/profiles.yml"
}

list() {
    echo "== $1"
    (cd "$work/$1" && dbt ls --profiles-dir . --resource-type model --quiet)
}

project folder_link; ln -s ../other "$work/folder_link/models"; list folder_link          # linked.b, linked.sub.c
project links_inside; mkdir "$work/links_inside/models"
echo 'select 1 as id' > "$work/links_inside/models/a.sql"
ln -s ../../other "$work/links_inside/models/linked"; ln -s .. "$work/links_inside/models/loop"
ln -s . "$work/links_inside/models/self"; ln -s ../../other/b.sql "$work/links_inside/models/d.sql"
list links_inside                                                                              # linked.a, linked.d
project self_link; ln -s . "$work/self_link/models"; echo 'select 1 as id' > "$work/self_link/top.sql"
list self_link                                                                                 # linked.top
