-- Touchpoints older than their staleness window (platform_lookback_days for paid ones, else
-- attribution_lookback_days) are flagged stale and get no credit under any model.
select history.touchpoint_id as failing_key, history.days_before_conversion
from {{ ref('int_user_id__attribution_history') }} as history
where history.is_stale <> case when history.days_before_conversion > history.lookback_days then 1 else 0 end
{%- for model, key in [('int_attribution__multi_touch', 'attribution_credit_id'),
                       ('int_user__attribution_resolved', 'user_id'),
                       ('int_attribution__last_touch', 'user_id')] %}
union all
select credited.{{ key }}, history.days_before_conversion
from {{ ref(model) }} as credited
inner join {{ ref('int_user_id__attribution_history') }} as history
    on credited.touchpoint_id = history.touchpoint_id
where history.is_stale = 1
{%- endfor %}
