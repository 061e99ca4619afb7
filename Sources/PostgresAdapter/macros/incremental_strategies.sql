{#- dbt-postgres's microbatch: the batch merged into the table on its unique_key, which it requires. -#}
{% macro postgres__get_incremental_microbatch_sql(arg_dict) -%}
    {%- if not arg_dict['unique_key'] -%}
        {{ exceptions.raise_compiler_error("dbt-postgres 'microbatch' requires a `unique_key` config") }}
    {%- endif -%}
    {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}
