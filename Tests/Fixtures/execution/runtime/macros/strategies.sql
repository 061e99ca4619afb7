{#- A custom incremental strategy, found by adapter.get_incremental_strategy_macro(context, 'append'). -#}
{% macro get_incremental_append_sql(arg_dict) -%}
    insert into {{ arg_dict['target_relation'] }} select * from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
