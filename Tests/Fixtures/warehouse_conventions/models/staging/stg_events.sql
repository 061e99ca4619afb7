select id, user_id from {{ source('telemetry', 'events') }}
