{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='occurred_at',
          batch_size='day', begin='2024-01-01', unique_key='id') }}
-- Each batch reads its day of events (events has an event_time) and says which batch wrote it.
select id, occurred_at, amount * {{ var('factor', 1) }} as amount, '{{ model.batch.id }}' as batch_id
from {{ ref('events') }}
