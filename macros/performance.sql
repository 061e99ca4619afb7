{#- Spend, first-touch conversions, revenue, CAC and ROI per platform and period (week or month). -#}
{% macro performance_by_period(period) -%}
{%- set start = week_start if period == 'week' else month_start -%}
with spend as (
    select {{ start('spend_date') }} as period_start, platform, sum(spend) as spend
    from {{ ref('int_paid_budget__ad_spend_by_platform') }}
    group by 1, 2
),

conversions as (
    select {{ start('converted_at') }} as period_start, platform, count(*) as conversions, sum(amount) as revenue
    from {{ ref('paid_budget__conversions') }}
    where platform is not null
    group by 1, 2
)

select
    s.period_start,
    s.platform,
    s.spend,
    coalesce(c.conversions, 0) as conversions,
    coalesce(c.revenue, 0) as revenue,
    case when coalesce(c.conversions, 0) > 0 then s.spend / c.conversions end as cac,
    case when s.spend > 0 then coalesce(c.revenue, 0) / s.spend end as roi
from spend s
left join conversions c on c.period_start = s.period_start and c.platform = s.platform
{%- endmacro %}
