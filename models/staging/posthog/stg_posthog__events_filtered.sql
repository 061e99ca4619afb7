-- Human events only, each on the person its distinct ID points to now (after merges).
with events as (
    select * from {{ ref('stg_posthog__events') }}
    where is_bot = 0
),

current_links as (
    select distinct_id, person_id
    from {{ ref('stg_posthog__person_distinct_ids') }}
    where is_current = 1
)

select
    events.event_uuid,
    events.distinct_id,
    coalesce(current_links.person_id, events.ingested_person_id) as person_id,
    events.ingested_person_id,
    events.event_name,
    events.event_at,
    events.current_url,
    events.utm_source,
    events.utm_medium,
    events.utm_campaign,
    {%- for column in click_id_columns() %}
    events.{{ column }},
    {%- endfor %}
    {{ click_id_type('events.') }} as click_id_type,
    events.referring_domain,
    events.user_agent
from events
left join current_links
    on events.distinct_id = current_links.distinct_id
