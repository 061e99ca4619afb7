#!/usr/bin/env python3
"""Writes a synthetic dbt project of N models for benchmarks.

Realistic rather than trivial: every model has a config() call, two or three refs to earlier
models (a layered DAG), calls to project macros, a Jinja loop, and YAML with unique, not_null
and accepted_values tests. Deterministic for a given --models and --seed.

Usage: python3 Benchmarks/generate_project.py --models 10000 --out /tmp/bench_10k [--seed 7]
"""
import argparse
import os
import random
import shutil

MACROS = """{% macro cents_to_dollars(column, precision=2) -%}
    round(1.0 * {{ column }} / 100, {{ precision }})
{%- endmacro %}

{% macro status_case(column, statuses) -%}
    case
    {%- for status in statuses %}
        when {{ column }} = '{{ status }}' then {{ loop.index }}
    {%- endfor %}
        else 0
    end
{%- endmacro %}
"""

MODEL = """{{{{ config(materialized='{materialized}', tags=['layer_{layer}', 'bench']) }}}}
{{% set statuses = ['placed', 'shipped', 'completed', 'returned'] %}}

with {ctes}

select
    base.id,
    base.amount,
    {{{{ cents_to_dollars('base.amount') }}}} as amount_dollars,
    {{{{ status_case('base.status', statuses) }}}} as status_rank,
    {{% for status in statuses -%}}
    case when base.status = '{{{{ status }}}}' then 1 else 0 end as is_{{{{ status }}}}{{{{ ',' if not loop.last }}}}
    {{% endfor %}}
from {first} as base
{joins}
"""

SCHEMA_ENTRY = """  - name: {name}
    description: Synthetic model {name}
    columns:
      - name: id
        data_tests:
          - unique
          - not_null
      - name: status_rank
        data_tests:
          - accepted_values:
              arguments:
                values: [0, 1, 2, 3, 4]
                quote: false
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-folder", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "macros"))
    os.makedirs(os.path.join(args.out, "seeds"))
    with open(os.path.join(args.out, "dbt_project.yml"), "w") as f:
        f.write("name: bench\nversion: '1.0'\nprofile: bench\ntest-paths: ['data-tests']\n"
                "models:\n  bench:\n    +materialized: view\n")
    with open(os.path.join(args.out, "macros", "helpers.sql"), "w") as f:
        f.write(MACROS)
    with open(os.path.join(args.out, "seeds", "raw_orders.csv"), "w") as f:
        f.write("id,amount,status\n")
        for i in range(1, 101):
            f.write(f"{i},{rng.randint(100, 10000)},{rng.choice(['placed', 'shipped', 'completed', 'returned'])}\n")
    schema = {}
    for i in range(args.models):
        name = f"model_{i:06d}"
        folder = f"models/group_{i // args.per_folder:04d}"
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
        if i == 0:
            parents = []
        else:
            window = list(range(max(0, i - 50), i))
            parents = sorted(set(rng.sample(window, min(len(window), rng.choice([2, 3])))))
        refs = [f"{{{{ ref('model_{p:06d}') }}}}" for p in parents] or ["{{ ref('raw_orders') }}"]
        ctes = ",\n".join(f"parent_{k} as (\n    select * from {ref}\n)" for k, ref in enumerate(refs))
        joins = "\n".join(f"left join parent_{k} on parent_{k}.id = base.id" for k in range(1, len(refs)))
        sql = MODEL.format(materialized="view", layer=i // args.per_folder, ctes=ctes, first="parent_0", joins=joins)
        with open(os.path.join(args.out, folder, name + ".sql"), "w") as f:
            f.write(sql)
        schema.setdefault(folder, []).append(SCHEMA_ENTRY.format(name=name))
    for folder, entries in schema.items():
        with open(os.path.join(args.out, folder, "schema.yml"), "w") as f:
            f.write("version: 2\n\nmodels:\n" + "".join(entries))
    print(f"wrote {args.models} models to {args.out}")


if __name__ == "__main__":
    main()
