-- Sessions: a person's events split wherever {{ var('session_timeout_minutes') }} minutes pass without one.
-- session_id is the person and the session's number, so rebuilding gives the same IDs. Each session carries
-- the attribution of its first event (FIRST_VALUE) and the channel that entry earns.
with events as (
    select * from {{ ref('stg_posthog__events_filtered') }}
),

gaps as (
    select
        *,
        lag(event_at) over (partition by person_id order by event_at, event_uuid) as previous_event_at
    from events
),

starts as (
    select
        *,
        case
            when previous_event_at is null then 1
            when {{ dbt.datediff('previous_event_at', 'event_at', 'second') }} > {{ var('session_timeout_minutes') * 60 }} then 1
            else 0
        end as is_session_start
    from gaps
),

numbered as (
    select
        *,
        sum(is_session_start) over (
            partition by person_id order by event_at, event_uuid rows between unbounded preceding and current row
        ) as session_number
    from starts
),

entries as (
    select
        *,
        {%- for column in ['distinct_id', 'current_url', 'utm_source', 'utm_medium', 'utm_campaign', 'click_id_type']
                           + click_id_columns() + ['referring_domain', 'user_agent'] %}
        first_value({{ column }}) over session_window as entry_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from numbered
    window session_window as (
        partition by person_id, session_number order by event_at, event_uuid
        rows between unbounded preceding and unbounded following
    )
),

sessions as (
    select
        person_id,
        session_number,
        min(event_at) as session_started_at,
        max(event_at) as session_ended_at,
        count(*) as event_count,
        sum({{ flag("event_name = '$pageview'") }}) as pageview_count,
        max({{ flag("event_name = 'user_signed_up'") }}) as has_signup,
        {%- for column in ['distinct_id', 'current_url', 'utm_source', 'utm_medium', 'utm_campaign', 'click_id_type']
                           + click_id_columns() + ['referring_domain', 'user_agent'] %}
        min(entry_{{ column }}) as entry_{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from entries
    group by person_id, session_number
),

click_platforms as (
    select click_id_type, platform, channel from {{ ref('click_id_platforms') }}
),

utm_platforms as (
    select utm_source, platform from {{ ref('utm_source_platforms') }}
),

classified as (
    select
        sessions.*,
        referrers.referrer_channel,
        agents.in_app_browser,
        coalesce(agents.device_type, 'unknown') as device_type,
        click_platforms.platform as click_id_platform,
        utm_platforms.platform as utm_platform,
        {{ classify_channel('click_platforms.channel', 'sessions.entry_utm_source', 'sessions.entry_utm_medium',
                            'referrers.referrer_channel', 'agents.in_app_browser') }} as channel
    from sessions
    left join {{ ref('int_channel__referrer_classification') }} as referrers
        on sessions.entry_referring_domain = referrers.referring_domain
    left join {{ ref('int_channel__user_agent_enrichment') }} as agents
        on sessions.entry_user_agent = agents.user_agent
    left join click_platforms
        on sessions.entry_click_id_type = click_platforms.click_id_type
    left join utm_platforms
        on sessions.entry_utm_source = utm_platforms.utm_source
)

select
    {{ surrogate_key(['person_id', 'session_number']) }} as session_id,
    person_id,
    session_number,
    session_started_at,
    session_ended_at,
    {{ dbt.datediff('session_started_at', 'session_ended_at', 'second') }} as session_duration_seconds,
    event_count,
    pageview_count,
    has_signup,
    entry_distinct_id,
    entry_current_url,
    entry_utm_source,
    entry_utm_medium,
    entry_utm_campaign,
    entry_click_id_type,
    {%- for column in click_id_columns() %}
    entry_{{ column }},
    {%- endfor %}
    entry_referring_domain,
    entry_user_agent,
    referrer_channel,
    in_app_browser,
    device_type,
    channel,
    {{ paid_platform('channel', 'click_id_platform', 'utm_platform') }} as platform,
    {{ flag("channel in ('Paid Search', 'Paid Social')") }} as is_paid,
    {{ flag('entry_click_id_type is not null') }} as has_click_id,
    {{ flag('entry_utm_source is not null or entry_utm_medium is not null') }} as has_utm
from classified
