{#- The relations of one schema, as the run's relation cache fills itself when a project or package overrides this
    macro (or its adapter's variant): a table of rows (database, name, schema, type), `type` one of `table`, `view`,
    `materialized_view`. Nothing overriding it, the runner lists the schema in Swift and never calls it. -#}
{% macro list_relations_without_caching(schema_relation) %}
    {{- return(adapter.dispatch('list_relations_without_caching', 'dbt')(schema_relation)) -}}
{% endmacro %}

{% macro default__list_relations_without_caching(schema_relation) %}
    {{- exceptions.raise_not_implemented('list_relations_without_caching is not implemented for adapter ' ~ adapter.type()) -}}
{% endmacro %}
