-- Synthetic retention conversions: one per user and day on which the user was active in PostHog within
-- {{ var('retention_window_days') }} days after signing up, valued on a power curve (power_curve_value: scale
-- {{ var('retention_value_scale') }}, exponent {{ var('retention_value_exponent') }}), with the user's
-- first-touch attribution so ad platforms can be sent a value signal earlier than revenue arrives.
with activity as (
    select
        user_persons.user_id,
        {{ to_date('events.event_at') }} as activity_date,
        count(*) as event_count
    from {{ ref('stg_posthog__events_filtered') }} as events
    inner join {{ ref('int_user_id__to_person_id') }} as user_persons
        on events.person_id = user_persons.person_id
    group by user_persons.user_id, {{ to_date('events.event_at') }}
),

retained as (
    select
        activity.user_id,
        activity.activity_date,
        activity.event_count,
        {{ dbt.datediff('users.signup_date', 'activity.activity_date', 'day') }} as days_since_signup
    from activity
    inner join {{ ref('canonical_users') }} as users
        on activity.user_id = users.user_id
)

select
    {{ surrogate_key(['retained.user_id', 'retained.activity_date']) }} as synthetic_conversion_id,
    retained.user_id,
    retained.activity_date,
    retained.days_since_signup,
    retained.event_count,
    {{ power_curve_value('retained.days_since_signup', var('retention_value_scale'), var('retention_value_exponent')) }}
        as conversion_value,
    attributed.channel,
    attributed.platform,
    attributed.click_id_type
from retained
inner join {{ ref('int_user__attribution_resolved') }} as attributed
    on retained.user_id = attributed.user_id
where retained.days_since_signup between 1 and {{ var('retention_window_days') }}
