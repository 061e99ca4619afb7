{#- What materialization macros build with, written to the behaviour of dbt's own: the SQL that
    creates tables and views, dispatched by adapter, and the names of temporary relations. -#}

{#- `create table ... as`, the statement a table materialization runs. -#}
{% macro get_create_table_as_sql(temporary, relation, sql) -%}
    {{ return(adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
    {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
    {%- if language != 'sql' -%}
        {{ exceptions.raise_compiler_error("create_table_as builds from SQL only, not " ~ language) }}
    {%- endif -%}
    {{ return(adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code)) }}
{%- endmacro %}

{% macro default__create_table_as(temporary, relation, sql) -%}
create {% if temporary %}temporary {% endif %}table {{ relation }} as (
{{ sql }}
)
{%- endmacro %}

{#- `create view ... as`. -#}
{% macro get_create_view_as_sql(relation, sql) -%}
    {{ return(adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_view_as_sql(relation, sql) -%}
    {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
    {{ return(adapter.dispatch('create_view_as', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro default__create_view_as(relation, sql) -%}
create view {{ relation }} as
{{ sql }}
{%- endmacro %}

{#- Relations named after `base_relation`, for building beside it before a swap: its name and `suffix`, dispatched
    (PostgreSQL shortens the name so that the whole fits its limit). -#}
{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') -%}
    {{ return(adapter.dispatch('make_temp_relation', 'dbt')(base_relation, suffix)) }}
{%- endmacro %}

{% macro default__make_temp_relation(base_relation, suffix) -%}
    {{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix})) }}
{%- endmacro %}

{#- The relation built beside `base_relation` in its schema (PostgreSQL's `make_temp_relation`, like dbt-postgres's,
    names a temporary table of no schema). -#}
{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') -%}
    {{ return(adapter.dispatch('make_intermediate_relation', 'dbt')(base_relation, suffix)) }}
{%- endmacro %}

{% macro default__make_intermediate_relation(base_relation, suffix) -%}
    {{ return(make_temp_relation(base_relation, suffix)) }}
{%- endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') -%}
    {{ return(make_intermediate_relation(base_relation, suffix).incorporate(type=backup_relation_type)) }}
{%- endmacro %}

{% macro drop_relation_if_exists(relation) -%}
    {%- if relation is not none -%}
        {{ adapter.drop_relation(relation) }}
    {%- endif -%}
{%- endmacro %}
