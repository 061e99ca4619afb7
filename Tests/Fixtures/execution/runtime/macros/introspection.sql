{#- Introspective macros of the kinds packages write, built on adapter methods and statements. -#}

{#- The relation's columns, quoted, without those in `except` (case-insensitive). -#}
{% macro star_except(relation, except=[]) -%}
    {%- if not execute -%}{{ return('*') }}{%- endif -%}
    {%- set skipped = except | map('lower') | list -%}
    {%- set kept = [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) if column.name | lower not in skipped -%}
        {%- do kept.append(column.quoted) -%}
    {%- endfor -%}
    {{ return(kept | join(', ')) }}
{%- endmacro %}

{#- A union of relations whose columns differ: a column a relation lacks is null there. -#}
{% macro union_all(relations) -%}
    {%- if not execute -%}{{ return('select 1') }}{%- endif -%}
    {%- set names = [] -%}
    {%- set columns_by_relation = {} -%}
    {%- for relation in relations -%}
        {%- set columns = adapter.get_columns_in_relation(relation) -%}
        {%- do columns_by_relation.update({relation: columns | map(attribute='name') | list}) -%}
        {%- for column in columns if column.name not in names -%}{%- do names.append(column.name) -%}{%- endfor -%}
    {%- endfor -%}
    {%- for relation in relations %}
    select {% for name in names -%}
        {%- if name in columns_by_relation[relation] %}{{ adapter.quote(name) }}{% else %}null{% endif %} as {{ adapter.quote(name) }}
        {%- if not loop.last %}, {% endif -%}
    {%- endfor %} from {{ relation }}
    {% if not loop.last %}union all{% endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- The distinct values of a column, in order, from `run_query`. -#}
{% macro distinct_values(relation, column) -%}
    {%- set result = run_query('select distinct ' ~ adapter.quote(column) ~ ' from ' ~ relation ~ ' order by 1') -%}
    {%- if execute -%}{{ return(result.columns[0].values() | list) }}{%- else -%}{{ return([]) }}{%- endif -%}
{%- endmacro %}

{#- The first value of the first row of `sql`, through a named statement and `load_result`. -#}
{% macro single_value(sql, default=none) -%}
    {%- call statement('single_value', fetch_result=true) -%}{{ sql }}{%- endcall -%}
    {%- set result = load_result('single_value') -%}
    {%- if result is none or result['data'] | length == 0 -%}{{ return(default) }}{%- endif -%}
    {{ return(result['data'][0][0]) }}
{%- endmacro %}

{#- Whether `obj` is a relation, as packages tell one from a string. -#}
{% macro is_relation(obj) -%}
    {{ return(obj is mapping and obj.get('metadata', {}).get('type', '').endswith('Relation')) }}
{%- endmacro %}
