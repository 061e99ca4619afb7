{#- The `indexes` config (`columns`, `unique`, `type`): one index's `create index`, dispatched by adapter.
    Tables and incremental models get theirs when they are (re)built, materialized views when created;
    an adapter without indexes (the default) writes nothing. -#}
{% macro get_create_index_sql(relation, index_dict) -%}
    {{ return(adapter.dispatch('get_create_index_sql', 'dbt')(relation, index_dict)) }}
{%- endmacro %}

{% macro default__get_create_index_sql(relation, index_dict) -%}
    {{ return('') }}
{%- endmacro %}
