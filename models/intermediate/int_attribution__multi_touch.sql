-- Fractional credit for every touchpoint before a conversion, under three models:
-- linear (equal shares), time_decay (halving every {{ var('time_decay_half_life_days') }} days before
-- the conversion) and position_based (40% first, 40% last, 20% shared by the middle).
with touches as (
    select
        h.user_id,
        h.touchpoint_id,
        h.channel,
        h.posthog_created_at,
        row_number() over (partition by h.user_id order by h.posthog_created_at, h.touchpoint_id) as position,
        count(*) over (partition by h.user_id) as touch_count,
        power(0.5, 1.0 * {{ dbt.datediff('h.posthog_created_at', 'c.converted_at', 'day') }} / {{ var('time_decay_half_life_days') }}) as decay_weight
    from {{ ref('int_user_id__attribution_history') }} h
    join {{ ref('int_conversion_events__posthog') }} c on c.user_id = h.user_id
    where h.posthog_created_at <= c.converted_at
),

weighted as (
    select
        *,
        sum(decay_weight) over (partition by user_id) as decay_total
    from touches
)

select user_id, touchpoint_id, channel, 'linear' as model_type, 1.0 / touch_count as credit
from weighted
union all
select user_id, touchpoint_id, channel, 'time_decay', decay_weight / decay_total
from weighted
union all
select user_id, touchpoint_id, channel, 'position_based',
    case
        when touch_count = 1 then 1.0
        when touch_count = 2 then 0.5
        when position = 1 or position = touch_count then 0.4
        else 0.2 / (touch_count - 2)
    end
from weighted
