#!/usr/bin/env python3
"""Records the SQL dbt-core 1.10 renders for `get_insert_overwrite_merge_sql` (the merge of dbt's insert_overwrite
strategy, which dbt-postgres and dbt-sqlite do not offer but packages may call), for
Tests/Fixtures/reference/insert-overwrite.json: each call in CALLS compiled with `dbt --quiet compile --inline` in a
copy of the fixture Tests/Fixtures/execution/microbatch, with dbt-postgres 1.9 and with dbt-sqlite 1.10. Tests compare
the text with its runs of whitespace made one space.

Usage: . scripts/postgres.sh start; python3 scripts/record-insert-overwrite-reference.py [path/to/dbt]
(default /tmp/dbt-venv/bin/dbt, a venv with `pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import os

import dbt_reference

FIXTURE = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/execution/microbatch")
OUTPUT = os.path.join(dbt_reference.ROOT, "Tests/Fixtures/reference/insert-overwrite.json")
RELATIONS = "api.Relation.create(identifier='orders'), api.Relation.create(identifier='orders__dbt_tmp')"
COLUMNS = "[{'name': 'id'}, {'name': 'amount'}, {'name': 'Day'}]"
CALLS = [
    "{{ get_insert_overwrite_merge_sql(%s, %s, none) }}" % (RELATIONS, COLUMNS),
    "{{ get_insert_overwrite_merge_sql(%s, %s, []) }}" % (RELATIONS, COLUMNS),
    "{{ get_insert_overwrite_merge_sql(%s, %s, [\"DBT_INTERNAL_DEST.day = '2024-01-01'\", 'DBT_INTERNAL_DEST.id > 0']) }}"
    % (RELATIONS, COLUMNS),
    "{{ get_insert_overwrite_merge_sql(%s, [{'name': 'id'}], ['true'], include_sql_header=true) }}" % RELATIONS,
    "{{ dbt.get_insert_overwrite_merge_sql(%s, %s, ['x = 1'], false) }}" % (RELATIONS, COLUMNS),
]


def record(adapter):
    with dbt_reference.project_copy(FIXTURE, "microbatch",
                                    lambda project: dbt_reference.profile("microbatch", adapter, project,
                                                                          "public")) as project:
        rendered = []
        for call in CALLS:
            done = dbt_reference.run_dbt(project, ["--quiet", "compile", "--inline", call])
            rendered.append({"call": call, "exit_code": done.returncode, "sql": done.stdout})
        return rendered


def main():
    dbt_reference.write_reference(OUTPUT, postgres=record("postgres"), sqlite=record("sqlite"))


if __name__ == "__main__":
    main()
