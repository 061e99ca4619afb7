{#- PostgreSQL's arrays shown as JSON text, SQLite's arrays being JSON already. -#}
{%- set built = dbt.array_concat(dbt.array_append(dbt.array_construct(['1', '2']), '3'), dbt.array_construct(['4', '5'])) -%}
{%- set empty = dbt.array_construct([], dbt.type_int()) -%}
{%- if target.type == 'postgres' -%}
select array_to_json({{ built }})::text as built, array_to_json({{ empty }})::text as empty
{%- else -%}
select {{ built }} as built, {{ empty }} as empty
{%- endif %}
