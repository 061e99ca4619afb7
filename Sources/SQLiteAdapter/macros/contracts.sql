{#- SQLite's part of model contracts: as dbt-sqlite, none is enforced. A contracted table or view is
    built from its query as any other, with a warning. -#}

{% macro sqlite__create_view_as(relation, sql) -%}
{%- if contract_enforced() -%}
    {{ exceptions.warn("Model contracts cannot be enforced by sqlite!") }}
{%- endif -%}
create view {{ relation }} as
{{ sql }}
{%- endmacro %}
