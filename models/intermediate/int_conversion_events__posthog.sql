-- Conversions: the first subscription_started event of each user.
select
    user_id,
    min(event_at) as converted_at,
    min(event_id) as conversion_event_id
from {{ ref('stg_posthog__events_filtered') }}
where event = 'subscription_started'
  and user_id is not null
group by user_id
