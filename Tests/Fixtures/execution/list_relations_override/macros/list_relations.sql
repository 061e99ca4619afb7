{#- The project's listing of a schema's relations: the built-in one without the relations whose names start with
    `hidden_`, so the run's relation cache does not know them. -#}
{% macro list_relations_without_caching(schema_relation) %}
    {%- set kept = [] -%}
    {%- for row in dbt.list_relations_without_caching(schema_relation) if not row[1].startswith('hidden_') -%}
        {%- do kept.append(row) -%}
    {%- endfor -%}
    {{ return(kept) }}
{% endmacro %}
