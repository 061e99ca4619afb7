{#- Two tables whose string columns differ in size, then adapter.expand_target_column_types from the wider one. -#}
{% macro expand_columns() %}
    {%- set narrow = api.Relation.create(database=target.database, schema=target.schema, identifier='narrow') -%}
    {%- set wide = api.Relation.create(database=target.database, schema=target.schema, identifier='wide') -%}
    {%- do run_query('create table ' ~ narrow ~ ' (code varchar(5), label text, n integer, note varchar(40))') -%}
    {%- do run_query("insert into " ~ narrow ~ " values ('ab', 'first', 1, 'kept')") -%}
    {%- do run_query('create table ' ~ wide ~ ' (code varchar(20), label varchar(300), n integer, note varchar(10), extra varchar(9))') -%}
    {%- do adapter.expand_target_column_types(from_relation=wide, to_relation=narrow) -%}
    {%- do adapter.commit() -%}
{% endmacro %}

{#- A table whose columns change type through alter_column_type. -#}
{% macro alter_types() %}
    {%- set altered = api.Relation.create(database=target.database, schema=target.schema, identifier='altered') -%}
    {%- do run_query('create table ' ~ altered ~ ' (code varchar(5), n integer, label text)') -%}
    {%- do run_query("insert into " ~ altered ~ " values ('ab', 7, 'kept')") -%}
    {%- do alter_column_type(altered, 'code', 'varchar(30)') -%}
    {%- do alter_column_type(altered, 'n', 'bigint') -%}
    {%- do adapter.commit() -%}
{% endmacro %}
