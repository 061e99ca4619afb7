{#- Looking relations up from templates, by the names dbt's projects call. -#}

{#- The relation as the database has it (with its type), or none when it does not exist. -#}
{% macro load_cached_relation(relation) -%}
    {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{%- endmacro %}

{#- The older name of load_cached_relation. -#}
{% macro load_relation(relation) -%}
    {{ return(load_cached_relation(relation)) }}
{%- endmacro %}
