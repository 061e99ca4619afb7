-- Multi-touch attribution: each converting user's non-stale touchpoints share one conversion, at
-- (user_id, touchpoint_id, model_type) grain, under three models:
--   linear          1/n each
--   time_decay      weight 2^(-days before signup / {{ var('time_decay_half_life_days') }}), normalised per user
--   position_based  40% first, 40% last, 20% shared by the middle (one touch: 100%; two: 50/50)
with touchpoints as (
    select
        *,
        count(*) over (partition by user_id) as touchpoint_count,
        row_number() over (partition by user_id order by touchpoint_at, touchpoint_id) as position
    from {{ ref('int_user_id__attribution_history') }}
    where is_stale = 0
),

weighted as (
    select
        *,
        {{ decay_weight('days_before_conversion', var('time_decay_half_life_days')) }} as decay_weight
    from touchpoints
),

credits as (
    select
        *,
        'linear' as model_type,
        1.0 / touchpoint_count as credit
    from weighted
    union all
    select
        *,
        'time_decay' as model_type,
        decay_weight / sum(decay_weight) over (partition by user_id) as credit
    from weighted
    union all
    select
        *,
        'position_based' as model_type,
        case
            when touchpoint_count = 1 then 1.0
            when touchpoint_count = 2 then 0.5
            when position = 1 or position = touchpoint_count then 0.4
            else 0.2 / (touchpoint_count - 2)
        end as credit
    from weighted
)

select
    {{ surrogate_key(['user_id', 'touchpoint_id', 'model_type']) }} as attribution_credit_id,
    user_id,
    touchpoint_id,
    model_type,
    credit,
    touchpoint_at,
    position as touchpoint_position,
    touchpoint_count,
    channel,
    platform,
    days_before_conversion,
    converted_at,
    conversion_date
from credits
