-- Touchpoints in long format: every session of a user's persons (identity tiers and device graph included)
-- that started before the user's signup, with its channel and its age at the signup. Touchpoints older than their
-- staleness window (per ad platform for paid ones, platform_lookback_days; else {{ var('attribution_lookback_days') }}
-- days) are kept but flagged stale; attribution models skip them.
with sessions as (
    select * from {{ ref('int_sessions__detected') }}
),

user_persons as (
    select * from {{ ref('int_user_id__to_person_id') }}
),

signups as (
    select user_id, converted_at, conversion_date
    from {{ ref('int_conversion_events') }}
    where conversion_type = 'signup'
),

touchpoints as (
    select
        sessions.session_id as touchpoint_id,
        user_persons.user_id,
        sessions.person_id,
        user_persons.resolution_tier,
        sessions.session_started_at as touchpoint_at,
        sessions.channel,
        sessions.platform,
        sessions.is_paid,
        sessions.has_click_id,
        sessions.has_utm,
        sessions.entry_click_id_type as click_id_type,
        sessions.entry_utm_source as utm_source,
        sessions.entry_utm_medium as utm_medium,
        sessions.entry_utm_campaign as utm_campaign,
        sessions.entry_referring_domain as referring_domain,
        sessions.referrer_channel,
        sessions.in_app_browser,
        sessions.device_type,
        signups.converted_at,
        signups.conversion_date,
        {{ days_between('sessions.session_started_at', 'signups.converted_at') }} as days_before_conversion,
        {{ lookback_days('sessions.platform') }} as lookback_days
    from sessions
    inner join user_persons on sessions.person_id = user_persons.person_id
    inner join signups on user_persons.user_id = signups.user_id
    where sessions.session_started_at <= signups.converted_at
)

select
    *,
    {{ flag('days_before_conversion > lookback_days') }} as is_stale,
    row_number() over (partition by user_id order by touchpoint_at, touchpoint_id) as touchpoint_number
from touchpoints
