select e.id, u.name from {{ ref('stg_events') }} e join {{ source('telemetry', 'users') }} u on u.id = e.user_id
