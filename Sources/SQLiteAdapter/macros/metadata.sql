{#- SQLite's listing of a schema's relations: the tables and views of the schema's file (its `sqlite_master`). -#}
{% macro sqlite__list_relations_without_caching(schema_relation) %}
    {%- call statement('list_relations_without_caching', fetch_result=True) -%}
        select '{{ escape_single_quotes(schema_relation.database) }}' as database, name,
               '{{ escape_single_quotes(schema_relation.schema) }}' as schema, type
        from {{ adapter.quote(schema_relation.schema) }}.sqlite_master where type in ('table', 'view')
    {%- endcall -%}
    {{- return(load_result('list_relations_without_caching').table) -}}
{% endmacro %}
