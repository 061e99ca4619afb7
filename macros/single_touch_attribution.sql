{#- First touch (order 'asc') or last touch ('desc'): one row per user, the touchpoint ranked first among the
    non-stale touchpoints before the signup, else Direct with no touchpoint. -#}
{% macro single_touch_attribution(order) -%}
with eligible as (
    select
        *,
        row_number() over (partition by user_id order by touchpoint_at {{ order }}, touchpoint_id {{ order }}) as pick
    from {{ ref('int_user_id__attribution_history') }}
    where is_stale = 0
),

eligible_counts as (
    select user_id, count(*) as touchpoint_count
    from eligible
    group by user_id
)

select
    users.user_id,
    eligible.touchpoint_id,
    eligible.touchpoint_at,
    coalesce(eligible.channel, 'Direct') as channel,
    eligible.platform,
    eligible.click_id_type,
    eligible.utm_campaign,
    eligible.referring_domain,
    eligible.device_type,
    eligible.resolution_tier as touchpoint_resolution_tier,
    eligible.days_before_conversion,
    users.signed_up_at as converted_at,
    users.signup_date as conversion_date,
    users.product,
    coalesce(eligible_counts.touchpoint_count, 0) as touchpoint_count,
    {{ flag('eligible.touchpoint_id is not null') }} as has_touchpoint
from {{ ref('canonical_users') }} as users
left join eligible
    on users.user_id = eligible.user_id
    and eligible.pick = 1
left join eligible_counts
    on users.user_id = eligible_counts.user_id
{%- endmacro %}


{#- The staleness window in days of a touchpoint on `platform` (a column): the platform's entry in the
    platform_lookback_days var, else attribution_lookback_days. -#}
{% macro lookback_days(platform) -%}
    case {{ platform }}
    {%- for name, days in var('platform_lookback_days').items() %}
        when '{{ name }}' then {{ days }}
    {%- endfor %}
        else {{ var('attribution_lookback_days') }}
    end
{%- endmacro %}
