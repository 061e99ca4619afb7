{#- PostgreSQL's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- A temporary table has no schema on PostgreSQL. -#}
{% macro postgres__create_table_as(temporary, relation, sql) -%}
create {% if temporary %}temporary {% endif %}table {{ relation.include(database=false, schema=false) if temporary else relation }} as (
{{ sql }}
)
{%- endmacro %}
