{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at',
          batch_size='day', begin='2024-01-01', unique_key='id') }}
-- The batch of 2024-01-02 reads a table that exists only once the test (or the reference script) creates it.
select id, occurred_at, amount
from {{ ref('events') }}
{% if model.batch.id == '20240102' %}
where id not in (select id from {{ target.schema }}.flaky_repairs)
{% endif %}
