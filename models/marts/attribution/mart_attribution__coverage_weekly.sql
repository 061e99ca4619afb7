-- Weekly attribution health in long format, one row per (week, metric), each metric on its own XmR chart:
-- moving range, mean, natural process limits (mean ± 2.66 × mean moving range) and an out-of-limits flag that
-- marks weeks whose value is a signal rather than noise (a tracking break, a lost click ID, an identity bug).
{%- set rates = [
    ('behavioral_coverage_rate', 'conversions_with_touchpoint', 'conversions'),
    ('click_id_or_utm_rate', 'conversions_with_click_id_or_utm', 'conversions'),
    ('direct_only_rate', 'direct_only_conversions', 'conversions'),
    ('identity_resolved_rate', 'conversions - conversions_unresolved_kilocode', 'conversions'),
    ('click_id_capture_rate', 'click_id_sessions', 'click_id_platform_sessions'),
] %}
{%- for platform in click_id_platforms() %}
    {%- do rates.append((platform ~ '_click_id_capture_rate', platform ~ '_click_id_sessions', platform ~ '_paid_sessions')) %}
{%- endfor %}
with weekly as (
    select
        coverage_week,
        sum(conversions) as conversions,
        sum(conversions_with_touchpoint) as conversions_with_touchpoint,
        sum(conversions_with_click_id_or_utm) as conversions_with_click_id_or_utm,
        sum(direct_only_conversions) as direct_only_conversions,
        sum(conversions_unresolved_kilocode) as conversions_unresolved_kilocode,
        sum(click_id_sessions) as click_id_sessions,
        sum(click_id_platform_sessions) as click_id_platform_sessions,
        {%- for platform in click_id_platforms() %}
        sum({{ platform }}_click_id_sessions) as {{ platform }}_click_id_sessions,
        sum({{ platform }}_paid_sessions) as {{ platform }}_paid_sessions{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('mart_attribution__coverage_daily') }}
    group by coverage_week
),

metrics as (
    {%- for name, numerator, denominator in rates %}
    select
        coverage_week as week_start,
        '{{ name }}' as metric_name,
        {{ numerator }} as numerator,
        {{ denominator }} as denominator,
        {{ safe_divide(numerator, denominator) }} as metric_value
    from weekly
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

charted as (
    {{ xmr('metrics', 'metric_value', 'week_start', 'xmr', partition_by='metric_name') }}
)

select
    {{ surrogate_key(['week_start', 'metric_name']) }} as metric_week_key,
    week_start,
    metric_name,
    numerator,
    denominator,
    metric_value,
    xmr_moving_range as moving_range,
    xmr_mean as process_mean,
    xmr_mean_moving_range as mean_moving_range,
    xmr_upper_limit as upper_natural_process_limit,
    xmr_lower_limit as lower_natural_process_limit,
    xmr_out_of_limits as is_out_of_limits
from charted
