-- Milestones per user: first seen, signed up, converted.
select
    r.user_id,
    min(e.event_at) as first_seen_at,
    min(case when e.event = 'signed_up' then e.event_at end) as signed_up_at,
    min(case when e.event = 'subscription_started' then e.event_at end) as converted_at
from {{ ref('stg_posthog__events_filtered') }} e
join {{ ref('int_identity__resolution') }} r on r.distinct_id = e.distinct_id
where r.user_id is not null
group by r.user_id
