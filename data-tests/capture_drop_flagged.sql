-- The planted week in which most Google Ads clicks lost their gclid falls outside the XmR limits.
select week, google_click_id_capture_rate, lower_natural_limit
from {{ ref('mart_attribution__coverage_weekly') }}
where week = {{ as_date("'2024-02-19'") }}
  and outside_limits = 0
union all
select {{ as_date("'2024-02-19'") }}, null, null
where not exists (
    select 1 from {{ ref('mart_attribution__coverage_weekly') }} where week = {{ as_date("'2024-02-19'") }}
)
