{{ config(materialized='checked_table', min_rows=1) }}
{% if var('break') %}
select id from no_such_table
{% else %}
select {{ var('batch') }} as id
{% endif %}
