{#- Date helpers with one implementation per database; models never write dialect SQL themselves. -#}

{% macro as_timestamp(column) -%}
    {{ return(adapter.dispatch('as_timestamp')(column)) }}
{%- endmacro %}

{% macro default__as_timestamp(column) -%}
    cast({{ column }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro sqlite__as_timestamp(column) -%}
    datetime({{ column }})
{%- endmacro %}

{% macro as_date(column) -%}
    {{ return(adapter.dispatch('as_date')(column)) }}
{%- endmacro %}

{% macro default__as_date(column) -%}
    cast({{ column }} as date)
{%- endmacro %}

{% macro sqlite__as_date(column) -%}
    date({{ column }})
{%- endmacro %}

{% macro week_start(column) -%}
    {{ as_date(dbt.date_trunc('week', as_timestamp(column))) }}
{%- endmacro %}

{% macro month_start(column) -%}
    {{ as_date(dbt.date_trunc('month', as_timestamp(column))) }}
{%- endmacro %}
