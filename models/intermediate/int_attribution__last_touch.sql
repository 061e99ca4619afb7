-- Last-touch attribution: each converting user's most recent touchpoint before converting.
with ranked as (
    select
        h.user_id,
        h.touchpoint_id,
        h.channel,
        h.platform,
        h.posthog_created_at,
        c.converted_at,
        row_number() over (partition by h.user_id order by h.posthog_created_at desc, h.touchpoint_id desc) as recency
    from {{ ref('int_user_id__attribution_history') }} h
    join {{ ref('int_conversion_events__posthog') }} c on c.user_id = h.user_id
    where h.posthog_created_at <= c.converted_at
)

select user_id, touchpoint_id, channel, platform, posthog_created_at as touched_at, converted_at
from ranked
where recency = 1
