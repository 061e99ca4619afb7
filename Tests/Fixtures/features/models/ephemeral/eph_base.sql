select event_id, user_id from {{ ref('stg_events') }}
