{#- Builds a table but never calls adapter.commit(): as in dbt, the node's transaction is rolled
    back when the materialization ends, and the table is not kept. -#}
{% materialization uncommitted, default %}
    {%- set target_relation = this.incorporate(type='table') -%}
    {% call statement('main') -%}
        {{ get_create_table_as_sql(false, target_relation, sql) }}
    {%- endcall %}
    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
