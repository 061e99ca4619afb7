{#- A package's own `table` for SQLite: dbt-core uses it only when the root project sets
    `flags: require_explicit_package_overrides_for_builtin_materializations: false`. -#}
{% materialization table, adapter='sqlite' %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set existing = load_relation(this) -%}
    {{ drop_relation_if_exists(existing) }}
    {% call statement('main') -%}
        {{ get_create_table_as_sql(false, target_relation, "select *, 'table_override' as built_by from (" ~ sql ~ ") as built") }}
    {%- endcall %}
    {{ adapter.commit() }}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
