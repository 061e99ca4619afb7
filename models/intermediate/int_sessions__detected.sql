-- Sessions: a distinct_id's events split where {{ var('session_gap_minutes') }} minutes pass without
-- activity; entry-level attribution from each session's first event.
with ordered as (
    select
        e.*,
        lag(e.event_at) over (partition by e.distinct_id order by e.event_at, e.event_id) as previous_at
    from {{ ref('stg_posthog__events_filtered') }} e
),

flagged as (
    select
        *,
        case
            when previous_at is null then 1
            when {{ dbt.datediff('previous_at', 'event_at', 'second') }} > {{ var('session_gap_minutes') }} * 60 then 1
            else 0
        end as starts_session
    from ordered
),

numbered as (
    select
        *,
        sum(starts_session) over (partition by distinct_id order by event_at, event_id rows between unbounded preceding and current row) as session_number,
        row_number() over (partition by distinct_id order by event_at, event_id) as event_number
    from flagged
),

entries as (
    select
        *,
        first_value(event_id) over (partition by distinct_id, session_number order by event_at, event_id) as entry_event_id
    from numbered
),

sessions as (
    select
        distinct_id,
        session_number,
        min(event_at) as started_at,
        max(event_at) as ended_at,
        count(*) as event_count
    from entries
    group by distinct_id, session_number
)

select
    {{ dbt.concat(["s.distinct_id", "'-'", dbt.cast('s.session_number', dbt.type_string())]) }} as session_id,
    s.distinct_id,
    r.user_id,
    s.session_number,
    s.started_at,
    s.ended_at,
    s.event_count,
    e.event as entry_event,
    e.utm_source,
    e.utm_medium,
    e.utm_campaign,
    e.gclid,
    e.fbclid,
    e.msclkid,
    e.rdt_cid,
    e.li_fat_id,
    e.referring_domain,
    {{ classify_channel('e.gclid', 'e.fbclid', 'e.msclkid', 'e.rdt_cid', 'e.li_fat_id', 'e.utm_medium', 'e.referring_domain') }} as channel,
    coalesce({{ click_id_platform('e.gclid', 'e.fbclid', 'e.msclkid', 'e.rdt_cid', 'e.li_fat_id') }}, {{ utm_platform('e.utm_source') }}) as platform
from sessions s
join entries e
    on e.distinct_id = s.distinct_id and e.session_number = s.session_number and e.event_id = e.entry_event_id
left join {{ ref('int_identity__resolution') }} r on r.distinct_id = s.distinct_id
