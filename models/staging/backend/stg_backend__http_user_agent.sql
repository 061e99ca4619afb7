-- User agents the backend saw per user.
select
    {{ surrogate_key(['user_id', 'user_agent']) }} as user_agent_observation_id,
    user_id,
    user_agent,
    first_seen_at,
    request_count
from {{ ref('raw_http_user_agents') }}
