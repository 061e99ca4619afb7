-- The user agents each distinct_id was seen with.
select distinct distinct_id, user_agent
from {{ ref('stg_posthog__events_filtered') }}
where user_agent is not null
