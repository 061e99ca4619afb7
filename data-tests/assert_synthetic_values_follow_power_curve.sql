-- Synthetic retention values follow the power curve: activity on the day after signup is worth the whole scale,
-- later days less, and no user's values add up to more than the curve's value at the end of the window.
{%- set scale = var('retention_value_scale') %}
{%- set ceiling = scale * var('retention_window_days') ** var('retention_value_exponent') %}
select user_id, 'day 1 is not worth the scale' as failure
from {{ ref('int_conversion_events__synthetic_daily') }}
where days_since_signup = 1 and abs(conversion_value - {{ scale }}) > 0.000001
union all
select user_id, 'a later day is worth as much as day 1' as failure
from {{ ref('int_conversion_events__synthetic_daily') }}
where days_since_signup > 1 and conversion_value >= {{ scale }}
union all
select user_id, 'values add up past the curve' as failure
from {{ ref('int_conversion_events__synthetic_daily') }}
group by user_id
having sum(conversion_value) > {{ ceiling }} + 0.000001
