-- Touchpoints in long format: every session of a resolved user, numbered in time order.
select
    session_id as touchpoint_id,
    user_id,
    started_at as posthog_created_at,
    channel,
    platform,
    row_number() over (partition by user_id order by started_at, session_id) as touch_number
from {{ ref('int_sessions__detected') }}
where user_id is not null
