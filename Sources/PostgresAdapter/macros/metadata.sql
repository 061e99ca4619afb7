{#- PostgreSQL's listing of a schema's relations from pg_class: tables (partitioned and foreign ones too), views and
    materialized views. -#}
{% macro postgres__list_relations_without_caching(schema_relation) %}
    {%- call statement('list_relations_without_caching', fetch_result=True) -%}
        select '{{ escape_single_quotes(schema_relation.database) }}' as database, c.relname as name, n.nspname as schema,
               case c.relkind when 'v' then 'view' when 'm' then 'materialized_view' else 'table' end as type
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = '{{ escape_single_quotes(schema_relation.schema) }}' and c.relkind in ('r', 'p', 'f', 'v', 'm')
    {%- endcall -%}
    {{- return(load_result('list_relations_without_caching').table) -}}
{% endmacro %}
