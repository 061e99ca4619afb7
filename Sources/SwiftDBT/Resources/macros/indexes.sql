{#- The `indexes` config (`columns`, `unique`, `type`): one index's `create index`, dispatched by adapter.
    Tables and incremental models get theirs when they are (re)built, materialized views when created;
    an adapter without indexes (the default) writes nothing. -#}
{% macro get_create_index_sql(relation, index_dict) -%}
    {{ return(adapter.dispatch('get_create_index_sql', 'dbt')(relation, index_dict)) }}
{%- endmacro %}

{% macro default__get_create_index_sql(relation, index_dict) -%}
    {{ return('') }}
{%- endmacro %}

{#- Creates the `indexes` config's indexes on `relation`. -#}
{% macro create_indexes(relation) -%}
    {%- for index in config.get('indexes') or [] -%}
        {%- set create = get_create_index_sql(relation, index) -%}
        {%- if create | trim -%}
            {%- do adapter.execute(create) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}
