-- Touchpoints older than the lookback window get no credit under any model.
select credits.attribution_credit_id, history.days_before_conversion
from {{ ref('int_attribution__multi_touch') }} as credits
inner join {{ ref('int_user_id__attribution_history') }} as history
    on credits.touchpoint_id = history.touchpoint_id
where history.is_stale = 1
union all
select first_touch.user_id, first_touch.days_before_conversion
from {{ ref('int_attribution__first_touch') }} as first_touch
where first_touch.days_before_conversion > {{ var('attribution_lookback_days') }}
