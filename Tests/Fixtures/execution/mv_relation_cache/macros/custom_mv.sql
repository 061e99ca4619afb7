{#- A materialization as packages write them (dbt-labs' materialized views package): it asks
    adapter.get_relation what holds the model's name, refreshes a materialized view it finds, and with the
    `rebuild` var drops it through adapter.drop_relation and creates it again. -#}
{% materialization custom_mv, adapter='postgres' %}
    {%- set existing = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier) -%}
    {%- set target = this.incorporate(type='materialized_view') -%}
    {%- do log("mv found: " ~ (existing.type ~ " " ~ existing.is_materialized_view if existing is not none else "none"), info=True) -%}
    {%- if existing is not none and existing.is_materialized_view and not var('rebuild', false) -%}
        {%- call statement('main') -%}refresh materialized view {{ target }}{%- endcall -%}
    {%- else -%}
        {%- if existing is not none -%}{{ adapter.drop_relation(existing) }}{%- endif -%}
        {%- call statement('main') -%}create materialized view {{ target }} as {{ sql }}{%- endcall -%}
    {%- endif -%}
    {{ adapter.commit() }}
    {{ return({'relations': [target]}) }}
{% endmaterialization %}
