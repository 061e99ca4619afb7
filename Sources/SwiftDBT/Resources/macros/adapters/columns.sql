{#- Changes a column's type as dbt's adapters do by default: a new column of the type under a temporary name, the
    values copied into it, the old column dropped (cascade) and the new one renamed, so the column moves to the end. -#}
{% macro alter_column_type(relation, column_name, new_column_type) -%}
    {{ return(adapter.dispatch('alter_column_type', 'dbt')(relation, column_name, new_column_type)) }}
{%- endmacro %}

{% macro default__alter_column_type(relation, column_name, new_column_type) -%}
    {%- set table = relation.render() -%}
    {%- set column = adapter.quote(column_name) -%}
    {%- set staged = adapter.quote(column_name ~ '__dbt_alter') -%}
    {%- do run_query('alter table ' ~ table ~ ' add column ' ~ staged ~ ' ' ~ new_column_type) -%}
    {%- do run_query('update ' ~ table ~ ' set ' ~ staged ~ ' = ' ~ column) -%}
    {%- do run_query('alter table ' ~ table ~ ' drop column ' ~ column ~ ' cascade') -%}
    {%- do run_query('alter table ' ~ table ~ ' rename column ' ~ staged ~ ' to ' ~ column) -%}
{%- endmacro %}
