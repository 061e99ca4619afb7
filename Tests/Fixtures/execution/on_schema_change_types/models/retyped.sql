{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}
{% if var('retyped', false) %}
select 2 as id, cast('two' as text) as amount, cast('abcdefghijkl' as varchar(20)) as code,
    cast(3000000000 as bigint) as total, cast('short' as varchar(5)) as note
{% else %}
select 1 as id, cast(10 as integer) as amount, cast('abc' as varchar(5)) as code, cast(7 as integer) as total,
    cast('a longer note' as varchar(20)) as note
{% endif %}
