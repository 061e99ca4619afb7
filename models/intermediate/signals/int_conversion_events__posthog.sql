-- Conversion events as PostHog saw them: each signup and subscription event (conversion_event_types), on the
-- person its distinct ID points to and the user that person resolves to (NULL when no identity tier matched).
with events as (
    select * from {{ ref('stg_posthog__events_filtered') }}
    where event_name in ({{ quoted_list(conversion_event_types().keys() | list) }})
),

user_persons as (
    select person_id, user_id, resolution_tier from {{ ref('int_user_id__to_person_id') }}
)

select
    events.event_uuid,
    {{ conversion_type('events.event_name') }} as conversion_type,
    events.event_name,
    events.distinct_id,
    events.person_id,
    user_persons.user_id,
    coalesce(user_persons.resolution_tier, 'unresolved_posthog') as resolution_tier,
    events.event_at as converted_at,
    {{ to_date('events.event_at') }} as conversion_date,
    row_number() over (
        partition by events.person_id, events.event_name order by events.event_at, events.event_uuid
    ) as occurrence
from events
left join user_persons on events.person_id = user_persons.person_id
