{{ config(materialized='table') }}
select 10 as order_id, 1 as customer_id
{% if var('orphan', false) %}
union all
select 11, 99
{% endif %}
