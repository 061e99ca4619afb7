{{ config(materialized='incremental', indexes=[{'columns': ['name'], 'unique': true}]) }}
{% if is_incremental() %}
select 3 as id, 'c' as name where {{ 'true' if var('more', false) else 'false' }}
{% else %}
select 1 as id, 'a' as name
union all
select 2, 'b'
{% endif %}
