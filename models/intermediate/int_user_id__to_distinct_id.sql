-- Distinct ids a backend user identified as (PostHog $identify events carry the user_id).
select distinct user_id, distinct_id
from {{ ref('stg_posthog__events_filtered') }}
where event = '$identify'
  and user_id is not null
