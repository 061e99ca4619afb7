select * from {{ ref('stg_events') }} where occurred_at > '2100-01-01'
