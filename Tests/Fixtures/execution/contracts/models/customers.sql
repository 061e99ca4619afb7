{{ config(materialized='table') }}
select 1 as id, 'ann' as name
union all
select 2, 'bob'
{% if var('bad_row', false) %}
union all
select -3, 'eve'
{% endif %}
