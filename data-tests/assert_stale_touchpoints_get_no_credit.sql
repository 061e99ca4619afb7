-- Touchpoints older than their staleness window (platform_lookback_days for paid ones, else
-- attribution_lookback_days) are flagged stale and get no credit under any model.
select history.touchpoint_id, history.days_before_conversion
from {{ ref('int_user_id__attribution_history') }} as history
where history.is_stale <> case when history.days_before_conversion > history.lookback_days then 1 else 0 end
union all
select credits.attribution_credit_id, history.days_before_conversion
from {{ ref('int_attribution__multi_touch') }} as credits
inner join {{ ref('int_user_id__attribution_history') }} as history
    on credits.touchpoint_id = history.touchpoint_id
where history.is_stale = 1
union all
select attributed.user_id, history.days_before_conversion
from {{ ref('int_user__attribution_resolved') }} as attributed
inner join {{ ref('int_user_id__attribution_history') }} as history
    on attributed.touchpoint_id = history.touchpoint_id
where history.is_stale = 1
union all
select last_touch.user_id, history.days_before_conversion
from {{ ref('int_attribution__last_touch') }} as last_touch
inner join {{ ref('int_user_id__attribution_history') }} as history
    on last_touch.touchpoint_id = history.touchpoint_id
where history.is_stale = 1
