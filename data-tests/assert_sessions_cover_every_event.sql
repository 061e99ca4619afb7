-- Sessionisation loses and invents no events: session event counts add up to the filtered events per person.
with from_sessions as (
    select person_id, sum(event_count) as events
    from {{ ref('int_sessions__detected') }}
    group by person_id
),

from_events as (
    select person_id, count(*) as events
    from {{ ref('stg_posthog__events_filtered') }}
    group by person_id
)

select from_events.person_id, from_events.events, from_sessions.events as session_events
from from_events
left join from_sessions on from_events.person_id = from_sessions.person_id
where from_sessions.events is null or from_sessions.events <> from_events.events
