#!/usr/bin/env python3
"""Records what dbt's `set()` gives in templates, for Tests/Fixtures/reference/python-sets.json:
each template is rendered by Jinja2 (with the `do` extension, as dbt configures it) with `set` being
dbt-core's own context member. Python iterates a set of strings in a random order, so templates
print sets of several items only sorted. Usage: python3 scripts/record-python-sets.py
(in a venv with `pip install "dbt-core==1.10.*"`)."""
import json
import os

import jinja2
from dbt.context.base import BaseContext

TEMPLATES = [
    "{{ set(['a', 'b']) == set(['b', 'a', 'a']) }}|{{ set(['a']) != set(['a', 'b']) }}|{{ set([1]) == [1] }}|{{ set([]) == set([]) }}",
    "{{ set([1, 2, 2, 3]) | length }}|{{ 2 in set([1, 2]) }}|{{ 5 in set([1, 2]) }}|{{ set([3, 1, 2, 3]) | sort | join(',') }}",
    "{{ set(['x']) }}|{{ set([]) }}|{{ 'full' if set([0]) else 'empty' }}|{{ 'full' if set([]) else 'empty' }}",
    "{{ set([1, 2]).issubset([1, 2, 3]) }}|{{ set([1, 4]).issubset(set([1, 2])) }}|{{ set([1, 2, 3]).issuperset(set([1])) }}"
    "|{{ set([1]).isdisjoint([2]) }}|{{ set([1, 2]).isdisjoint([2]) }}",
    "{{ set([1, 2]).union([3], [4, 1]) | sort | join(',') }}|{{ set([1, 2, 3]).intersection([2, 3, 4]) | sort | join(',') }}"
    "|{{ set([1, 2, 3]).difference([2]) | sort | join(',') }}|{{ set([1, 2]).symmetric_difference([2, 3]) | sort | join(',') }}",
    "{% set s = set(['a']) %}{% do s.add('b') %}{% do s.add('a') %}{{ s | sort | join(',') }}|{{ s | length }}",
    "{{ set(5) }}|{{ set(5, default='none') }}|{{ set([[1]]) }}|{{ set([{'a': 1}], []) }}",
    "{{ set([1, 1.0, true]) | length }}|{{ set('abca') | sort | join }}|{{ set([(1, 2), (1, 2)]) | length }}",
    "{% set cols = ['ID', 'Name'] %}{{ set(cols | map('lower')) == set(['name', 'id']) }}|{{ set(cols | map('lower')) | list | length }}",
]


def main():
    env = jinja2.Environment(extensions=["jinja2.ext.do"])
    context = {"set": BaseContext._set}
    cases = [{"template": t, "expected": env.from_string(t).render(context)} for t in TEMPLATES]
    out = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "reference", "python-sets.json")
    with open(out, "w") as f:
        json.dump(cases, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
