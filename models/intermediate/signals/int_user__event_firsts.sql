-- Milestones per user from PostHog: when each user was first and last seen, first viewed a page, signed up and
-- subscribed (events of all the user's persons, so a device-graph or merged person's earlier visit counts).
with events as (
    select
        user_persons.user_id,
        events.event_name,
        events.event_at
    from {{ ref('stg_posthog__events_filtered') }} as events
    inner join {{ ref('int_user_id__to_person_id') }} as user_persons
        on events.person_id = user_persons.person_id
)

select
    user_id,
    min(event_at) as first_seen_at,
    max(event_at) as last_seen_at,
    min(case when event_name = '$pageview' then event_at end) as first_pageview_at,
    {%- for event, type in conversion_event_types().items() %}
    min(case when event_name = '{{ event }}' then event_at end) as first_{{ type }}_at,
    {%- endfor %}
    count(*) as event_count,
    sum({{ flag("event_name = '$pageview'") }}) as pageview_count,
    count(distinct {{ to_date('event_at') }}) as active_days
from events
group by user_id
