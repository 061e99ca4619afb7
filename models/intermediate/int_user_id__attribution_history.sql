-- Touchpoints in long format: every visit (a session that starts with a page view) of a resolved
-- user, numbered in time order; sessions opened by the signup or a purchase itself are not touches.
select
    session_id as touchpoint_id,
    user_id,
    started_at as posthog_created_at,
    channel,
    platform,
    row_number() over (partition by user_id order by started_at, session_id) as touch_number
from {{ ref('int_sessions__detected') }}
where user_id is not null
  and entry_event = '$pageview'
