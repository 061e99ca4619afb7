{#- Macros for `run-operation`. -#}

{#- Creates a schema with a table in it, reports what it sees, then drops the schema. -#}
{% macro make_and_drop_schema(name) %}
    {%- set relation = api.Relation.create(database=target.database, schema=name, identifier='scratch') -%}
    {%- do adapter.create_schema(relation) -%}
    {%- call statement('make') -%}create table {{ relation }} (id integer){%- endcall -%}
    {%- do log('created ' ~ relation, info=true) -%}
    {%- do log('found: ' ~ adapter.get_relation(relation.database, name, 'scratch').type, info=true) -%}
    {%- do adapter.drop_schema(relation) -%}
    {%- do log('schema left: ' ~ adapter.check_schema_exists(relation.database, name), info=true) -%}
{% endmacro %}

{#- Creates a table, then fails: neither the table nor anything after the failure stays. -#}
{% macro fail_midway(table) %}
    {%- set first = api.Relation.create(database=target.database, schema=target.schema, identifier=table) -%}
    {%- call statement('first') -%}create table {{ first }} (id integer){%- endcall -%}
    {%- call statement('second') -%}select * from no_such_table{%- endcall -%}
    {%- call statement('third') -%}create table {{ first.incorporate(path={'identifier': table ~ '_after'}) }} (id integer){%- endcall -%}
{% endmacro %}

{#- Writes a row that stays: the operation commits when it succeeds. -#}
{% macro record(value) %}
    {%- set recorded = api.Relation.create(database=target.database, schema=target.schema, identifier='recorded') -%}
    {%- call statement('make') -%}create table if not exists {{ recorded }} (value text){%- endcall -%}
    {%- call statement('insert') -%}insert into {{ recorded }} values ('{{ value | replace("'", "''") }}'){%- endcall -%}
{% endmacro %}
