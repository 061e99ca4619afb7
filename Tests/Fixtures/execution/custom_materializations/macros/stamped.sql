{#- A table with a column saying which variant of the materialization built it: the adapter's
    own is chosen over the default one. -#}
{% macro build_stamped(stamp) %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {{ drop_relation_if_exists(load_relation(this)) }}
    {% call statement('main') -%}
        {{ get_create_table_as_sql(false, target_relation, "select *, '" ~ stamp ~ "' as built_by from (" ~ sql ~ ") as built") }}
    {%- endcall %}
    {{ adapter.commit() }}
    {{ return({'relations': [target_relation]}) }}
{% endmacro %}

{% materialization stamped, default %}
    {{ return(build_stamped('default')) }}
{% endmaterialization %}

{% materialization stamped, adapter='sqlite' %}
    {{ return(build_stamped('sqlite')) }}
{% endmaterialization %}

{% materialization stamped, adapter='postgres' %}
    {{ return(build_stamped('postgres')) }}
{% endmaterialization %}

{#- The root project's `table` for every adapter: dbt-sqlite declares its own `table` for SQLite,
    which a `default` one does not replace. -#}
{% materialization table, default %}
    {{ return(build_stamped('root default')) }}
{% endmaterialization %}
