{#- A project's own collect_freshness (copied into the source_freshness fixture's macros/ by its test and recorder):
    it wins over the built-in one, and finds no rows, so every table is as old as the year 1. -#}
{% macro collect_freshness(source, loaded_at_field, filter) -%}
    {%- call statement('collect_freshness', fetch_result=True, auto_begin=False) -%}
        select max({{ loaded_at_field }}) as max_loaded_at, {{ current_timestamp() }} as snapshotted_at
        from {{ source }} where 1 = 0
    {%- endcall -%}
    {{ return(load_result('collect_freshness')) }}
{%- endmacro %}
