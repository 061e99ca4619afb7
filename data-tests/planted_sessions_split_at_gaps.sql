-- Planted users browse with pages 29 minutes apart (one session) and sessions 31 minutes or
-- more apart (new sessions): the touches before signup must match the planted count.
select p.user_id, p.sessions as planted_sessions, count(h.touchpoint_id) as detected_sessions
from {{ ref('planted_truths') }} p
join {{ ref('canonical_users') }} cu on cu.user_id = p.user_id
left join {{ ref('int_user_id__attribution_history') }} h
    on h.user_id = p.user_id and h.posthog_created_at < cu.signed_up_at
group by p.user_id, p.sessions
having count(h.touchpoint_id) <> p.sessions
