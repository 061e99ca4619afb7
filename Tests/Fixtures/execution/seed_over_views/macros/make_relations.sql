{#- What holds the seeds' names before they are seeded: a view `s_view`, on PostgreSQL a materialized view `s_mv`. -#}
{% macro make_relations() %}
    {%- do run_query('create view ' ~ api.Relation.create(database=target.database, schema=target.schema, identifier='s_view')
                     ~ ' as select 1 as id') -%}
    {%- if target.type == 'postgres' -%}
        {%- do run_query('create materialized view ' ~ api.Relation.create(database=target.database, schema=target.schema,
                                                                          identifier='s_mv') ~ ' as select 1 as id') -%}
    {%- endif -%}
{% endmacro %}
