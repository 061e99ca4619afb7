{#- Spark's variants of the SQL materializations build with (dispatched from swiftdbt/macros/materializations.sql). -#}

{#- A table is written with the model's storage configs (`spark_create_table`, macros/materializations.sql); a
    temporary one is a temporary view, which Spark keeps for the session. -#}
{% macro spark__create_table_as(temporary, relation, sql) -%}
{%- if temporary -%}
create or replace temporary view {{ relation.include(schema=false) }} as
{{ sql }}
{%- else -%}
{{ spark_create_table(relation, sql) }}
{%- endif -%}
{%- endmacro %}

{#- Spark replaces a view in place. -#}
{% macro spark__create_view_as(relation, sql) -%}
create or replace view {{ relation }} as
{{ sql }}
{%- endmacro %}
