-- Daily attribution health: how many signups have behavioural data at all, how many carry a click ID or UTM,
-- how many are Direct only, how often paid visits keep their click ID (overall and per platform), and which
-- identity tier resolved the signups. The click-ID capture rate gets XmR limits (capture_rate_*).
{%- set tiers = ['strong_id', 'distinct_id', 'email', 'merged_person', 'device_graph', 'unresolved_kilocode'] %}
with signups as (
    select
        first_touch.user_id,
        first_touch.conversion_date,
        first_touch.has_touchpoint,
        users.resolution_tier
    from {{ ref('int_user__attribution_resolved') }} as first_touch
    inner join {{ ref('canonical_users') }} as users
        on first_touch.user_id = users.user_id
),

user_signals as (
    select
        user_id,
        max({{ flag('has_click_id = 1 or has_utm = 1') }}) as has_click_id_or_utm,
        max({{ flag("channel <> 'Direct'") }}) as has_non_direct
    from {{ ref('int_user_id__attribution_history') }}
    where is_stale = 0
    group by user_id
),

daily_conversions as (
    select
        signups.conversion_date as coverage_date,
        count(*) as conversions,
        sum(signups.has_touchpoint) as conversions_with_touchpoint,
        sum(coalesce(user_signals.has_click_id_or_utm, 0)) as conversions_with_click_id_or_utm,
        sum({{ flag('coalesce(user_signals.has_non_direct, 0) = 0') }}) as direct_only_conversions,
        {%- for tier in tiers %}
        sum({{ flag("signups.resolution_tier = '" ~ tier ~ "'") }}) as conversions_{{ tier }}{{ ',' if not loop.last }}
        {%- endfor %}
    from signups
    left join user_signals on signups.user_id = user_signals.user_id
    group by signups.conversion_date
),

daily_sessions as (
    select
        {{ to_date('session_started_at') }} as coverage_date,
        count(*) as sessions,
        sum(is_paid) as paid_sessions,
        sum({{ flag("platform in (" ~ quoted_list(click_id_platforms()) ~ ")") }}) as click_id_platform_sessions,
        sum({{ flag("platform in (" ~ quoted_list(click_id_platforms()) ~ ") and has_click_id = 1") }}) as click_id_sessions,
        {%- for platform in click_id_platforms() %}
        sum({{ flag("platform = '" ~ platform ~ "'") }}) as {{ platform }}_paid_sessions,
        sum({{ flag("platform = '" ~ platform ~ "' and has_click_id = 1") }}) as {{ platform }}_click_id_sessions{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('int_sessions__detected') }}
    group by {{ to_date('session_started_at') }}
),

dates as (
    select coverage_date from daily_conversions
    union
    select coverage_date from daily_sessions
),

daily as (
    select
        dates.coverage_date,
        {{ to_date(dbt.date_trunc('week', 'dates.coverage_date')) }} as coverage_week,
        coalesce(daily_conversions.conversions, 0) as conversions,
        coalesce(daily_conversions.conversions_with_touchpoint, 0) as conversions_with_touchpoint,
        coalesce(daily_conversions.conversions_with_click_id_or_utm, 0) as conversions_with_click_id_or_utm,
        coalesce(daily_conversions.direct_only_conversions, 0) as direct_only_conversions,
        {%- for tier in tiers %}
        coalesce(daily_conversions.conversions_{{ tier }}, 0) as conversions_{{ tier }},
        {%- endfor %}
        coalesce(daily_sessions.sessions, 0) as sessions,
        coalesce(daily_sessions.paid_sessions, 0) as paid_sessions,
        coalesce(daily_sessions.click_id_platform_sessions, 0) as click_id_platform_sessions,
        coalesce(daily_sessions.click_id_sessions, 0) as click_id_sessions,
        {%- for platform in click_id_platforms() %}
        coalesce(daily_sessions.{{ platform }}_paid_sessions, 0) as {{ platform }}_paid_sessions,
        coalesce(daily_sessions.{{ platform }}_click_id_sessions, 0) as {{ platform }}_click_id_sessions,
        {%- endfor %}
        {{ safe_divide('daily_conversions.conversions_with_touchpoint', 'daily_conversions.conversions') }} as behavioral_coverage_rate,
        {{ safe_divide('daily_conversions.conversions_with_click_id_or_utm', 'daily_conversions.conversions') }} as click_id_or_utm_rate,
        {{ safe_divide('daily_conversions.direct_only_conversions', 'daily_conversions.conversions') }} as direct_only_rate,
        {{ safe_divide('daily_conversions.conversions - daily_conversions.conversions_unresolved_kilocode', 'daily_conversions.conversions') }} as identity_resolved_rate,
        {%- for platform in click_id_platforms() %}
        {{ safe_divide('daily_sessions.' ~ platform ~ '_click_id_sessions', 'daily_sessions.' ~ platform ~ '_paid_sessions') }} as {{ platform }}_click_id_capture_rate,
        {%- endfor %}
        {{ safe_divide('daily_sessions.click_id_sessions', 'daily_sessions.click_id_platform_sessions') }} as click_id_capture_rate
    from dates
    left join daily_conversions on dates.coverage_date = daily_conversions.coverage_date
    left join daily_sessions on dates.coverage_date = daily_sessions.coverage_date
)

{{ xmr('daily', 'click_id_capture_rate', 'coverage_date', 'capture_rate') }}
