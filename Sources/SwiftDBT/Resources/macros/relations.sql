{#- Looking relations up from templates, by the names dbt's projects call. -#}

{#- The relation as the database has it (with its type), or none when it does not exist. -#}
{% macro load_cached_relation(relation) -%}
    {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{%- endmacro %}

{#- The older name of load_cached_relation. -#}
{% macro load_relation(relation) -%}
    {{ return(load_cached_relation(relation)) }}
{%- endmacro %}

{#- `[exists, relation]`: the relation the database has under that name (with its type), or a new
    relation of `type` that is not there yet. -#}
{% macro get_or_create_relation(database, schema, identifier, type) -%}
    {{ return(adapter.dispatch('get_or_create_relation', 'dbt')(database, schema, identifier, type)) }}
{%- endmacro %}

{% macro default__get_or_create_relation(database, schema, identifier, type) -%}
    {%- set found = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
    {%- if found -%}
        {{ return([true, found]) }}
    {%- endif -%}
    {{ return([false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type)]) }}
{%- endmacro %}
