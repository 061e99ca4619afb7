#!/usr/bin/env python3
"""Records what dbt-adapters' relation and column objects give in templates, for
Tests/Fixtures/reference/runtime-values.json, and what agate's print_table() prints for result
tables typed by dbt's own type tester as run_query types a cursor's rows (whole numbers Integer, other
numbers Number, strings Text), for
Tests/Fixtures/reference/print-table.json. Each case's template is rendered by
Jinja2 (configured as dbt configures it) with `api.Relation` and `api.Column` the adapter's own
classes (dbt-postgres' and dbt-sqlite's); `expected` is the output, or `error: true`.
Usage: python3 scripts/record-runtime-reference.py  (in a venv with
`pip install "dbt-core==1.10.*" "dbt-postgres==1.9.*" "dbt-sqlite==1.10.*"`)."""
import json
import os

import jinja2
from dbt.adapters.base.column import Column
from dbt.adapters.postgres import PostgresColumn, PostgresRelation
from dataclasses import dataclass, field

from dbt.adapters.sqlite.relation import SQLiteQuotePolicy, SQLiteRelation


@dataclass
class QuotedSchemaPolicy(SQLiteQuotePolicy):
    """dbt-sqlite leaves the schema unquoted; swiftdbt quotes it (README: relation names), as
    dbt-sqlite does for a project with `quoting: {schema: true}`."""
    schema: bool = True


@dataclass(frozen=True, eq=False, repr=False)
class SchemaQuotingSQLiteRelation(SQLiteRelation):
    quote_policy: QuotedSchemaPolicy = field(default_factory=QuotedSchemaPolicy)


ADAPTERS = {
    "postgres": {"Relation": PostgresRelation, "Column": PostgresColumn, "database": "db"},
    "sqlite": {"Relation": SchemaQuotingSQLiteRelation, "Column": Column, "database": "main"},
}

# Each template sees `api` and `r`, a table relation `database.analytics.orders`.
TEMPLATES = [
    "{{ r }}|{{ r.database }}|{{ r.schema }}|{{ r.identifier }}|{{ r.name }}|{{ r.type }}",
    "{{ r.is_table }}|{{ r.is_view }}|{{ r.is_cte }}|{{ r.is_materialized_view }}",
    "{{ r.include(database=false) }}|{{ r.include(schema=false, database=false) }}|{{ r.render() }}",
    "{{ r.quote(identifier=false) }}|{{ r.quote(schema=false).include(database=false) }}",
    "{{ r.incorporate(path={'identifier': 'items'}) }}|{{ r.incorporate(type='view').is_view }}|{{ r.incorporate(type='view').type }}",
    "{{ r.replace_path(identifier='x', schema='y') }}|{{ r.without_identifier() }}",
    "{{ r is mapping }}|{{ r.get('metadata', {}).get('type', '').endswith('Relation') }}|{{ r['identifier'] }}|{{ r.get('nope', 7) }}",
    "{% set same = api.Relation.create(database=r.database, schema='analytics', identifier='orders', type='table') %}"
    "{{ r == same }}|{{ r != same }}|{{ r == r.incorporate(type='view') }}|{{ {r: 1}[same] }}|{{ same in [r] }}",
    "{{ api.Relation.create(schema='s', identifier='t') }}|{{ api.Relation.create(identifier='t') }}|{{ api.Relation.create(schema='s', identifier='t').type }}",
    "{% set c = api.Column('amount', 'numeric', numeric_precision=10, numeric_scale=2) %}"
    "{{ c.name }}|{{ c.quoted }}|{{ c.dtype }}|{{ c.data_type }}|{{ c.is_number() }}|{{ c.is_numeric() }}|{{ c.is_float() }}|{{ c.literal('1.5') }}",
    "{% for t in ['text', 'character varying', 'varchar', 'character', 'TEXT'] %}{% set c = api.Column('a', t) %}"
    "{{ c.data_type }},{{ c.is_string() }},{{ c.string_size() }};{% endfor %}",
    "{% set c = api.Column('a', 'character varying', char_size=20) %}{{ c.data_type }}|{{ c.string_size() }}|{{ c.char_size }}",
    "{% for t in ['integer', 'bigint', 'int8', 'float8', 'double precision', 'real', 'decimal', 'boolean', 'date'] %}"
    "{% set c = api.Column('a', t) %}{{ c.is_integer() }}{{ c.is_float() }}{{ c.is_numeric() }}{{ c.is_number() }}{{ c.is_string() }} {{ c.data_type }};{% endfor %}",
    "{{ api.Column.create('n', 'STRING').data_type }}|{{ api.Column.create('n', 'integer').dtype }}|{{ api.Column('a', 'text') }}",
    "{{ api.Column('a', 'integer').string_size() }}",
    "{{ api.Column('a', 'integer') == api.Column('a', 'integer') }}|{{ api.Column('a', 'integer') == api.Column('a', 'text') }}",
    "{{ r.information_schema() }}|{{ r.information_schema('columns') }}|{{ r.include(database=false).information_schema('tables') }}"
    "|{{ api.Relation.create(identifier='t').information_schema('columns') }}",
]


# Result tables: column names, rows, and print_table()'s limits.
TABLES = [
    (["id", "name", "score"], [[1, "Ada", 90.5], [20, "Brian", 1234.25], [3, None, None]], {}),
    (["n", "label"], [[i, "row %d" % i] for i in range(5)], {"max_rows": 2}),
    (["long", "neg"], [["a" * 30, -1234567]], {}),
    (list("abcdefgh"), [list(range(8))], {}),
    (list("abc"), [[1, 2, 3]], {"max_columns": 2}),
    (["x", "y"], [], {}),
    (["f", "mixed"], [[1e20, 1], [0.125, 2.5], [-2.5, 3], [1e-7, None], [-1e-7, 1234.5]], {}),
]


def print_table_cases():
    import contextlib
    import io

    from dbt_common.clients.agate_helper import table_from_data_flat
    cases = []
    for names, rows, limits in TABLES:
        table = table_from_data_flat([dict(zip(names, row)) for row in rows], names)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            table.print_table(output=out, **limits)
        cases.append({"columns": names, "rows": rows, "limits": limits, "lines": out.getvalue().splitlines()})
    return cases


def main():
    env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
    cases = []
    for adapter, classes in ADAPTERS.items():
        relation = classes["Relation"].create(database=classes["database"], schema="analytics", identifier="orders", type="table")
        api = {"Relation": classes["Relation"], "Column": classes["Column"]}
        for template in TEMPLATES:
            case = {"adapter": adapter, "template": template}
            try:
                case["expected"] = env.from_string(template).render(api=api, r=relation)
            except Exception:
                case["error"] = True
            cases.append(case)
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "reference", "runtime-values.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write("\n")
    path = os.path.join(os.path.dirname(path), "print-table.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(print_table_cases(), f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
