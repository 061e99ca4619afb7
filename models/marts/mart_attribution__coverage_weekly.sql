-- Weekly Google click-ID capture with an XmR chart: natural process limits at the mean
-- ± 2.66 × the mean moving range; weeks outside them are flagged.
with weekly as (
    select
        {{ week_start('started_at') }} as week,
        1.0 * sum(case when gclid is not null then 1 else 0 end) / count(*) as google_click_id_capture_rate,
        count(*) as google_paid_sessions
    from {{ ref('int_sessions__detected') }}
    where platform = 'google' and lower(utm_medium) = 'cpc'
    group by 1
),

moving as (
    select
        *,
        abs(google_click_id_capture_rate - lag(google_click_id_capture_rate) over (order by week)) as moving_range
    from weekly
),

limits as (
    select
        *,
        avg(google_click_id_capture_rate) over () as process_mean,
        avg(moving_range) over () as mean_moving_range
    from moving
)

select
    week,
    google_paid_sessions,
    google_click_id_capture_rate,
    moving_range,
    process_mean,
    mean_moving_range,
    process_mean + 2.66 * mean_moving_range as upper_natural_limit,
    process_mean - 2.66 * mean_moving_range as lower_natural_limit,
    case
        when google_click_id_capture_rate > process_mean + 2.66 * mean_moving_range
          or google_click_id_capture_rate < process_mean - 2.66 * mean_moving_range then 1
        else 0
    end as outside_limits
from limits
