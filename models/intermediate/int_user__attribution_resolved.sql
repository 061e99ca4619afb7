-- First-touch attribution: each user's first touchpoint within {{ var('first_touch_staleness_days') }}
-- days before signup; users with none are Direct.
with eligible as (
    select
        h.user_id,
        h.touchpoint_id,
        h.channel,
        h.platform,
        h.posthog_created_at,
        row_number() over (partition by h.user_id order by h.posthog_created_at, h.touchpoint_id) as rank_in_window
    from {{ ref('int_user_id__attribution_history') }} h
    join {{ ref('stg_backend__kilocode_users') }} u on u.user_id = h.user_id
    where h.posthog_created_at <= u.signed_up_at
      and {{ dbt.datediff('h.posthog_created_at', 'u.signed_up_at', 'day') }} <= {{ var('first_touch_staleness_days') }}
)

select
    u.user_id,
    e.touchpoint_id,
    coalesce(e.channel, 'Direct') as channel,
    e.platform,
    e.posthog_created_at as touched_at
from {{ ref('stg_backend__kilocode_users') }} u
left join eligible e on e.user_id = u.user_id and e.rank_in_window = 1
