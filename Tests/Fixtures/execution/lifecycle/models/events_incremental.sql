{{ config(materialized='incremental', unique_key='id', post_hook="insert into run_audit values ('post_hook', 'events')") }}
select id, batch, amount from {{ ref('events') }}
where batch <= {{ var('batch', 1) }}
{% if is_incremental() %}
  and id > (select max(id) from {{ this }})
{% endif %}
