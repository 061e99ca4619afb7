{{ config(materialized='incremental', unique_key='id', on_schema_change=var('on_schema_change', 'ignore')) }}
select id, amount{% if var('extra', false) %}, amount * 2 as doubled{% endif %}
from {{ ref('events') }}
{% if is_incremental() %}
where id > (select max(id) from {{ this }})
{% endif %}
