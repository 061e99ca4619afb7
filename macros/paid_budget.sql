{#- Campaign type and product, read from the campaign naming convention (<platform>_<type>_..._<product>). -#}
{% macro campaign_type(campaign_name) -%}
    case
        when {{ campaign_name }} like '%brand%' then 'brand'
        when {{ campaign_name }} like '%search%' then 'search'
        when {{ campaign_name }} like '%retargeting%' then 'retargeting'
        when {{ campaign_name }} like '%prospecting%' then 'prospecting'
        else 'other'
    end
{%- endmacro %}

{% macro campaign_product(campaign_name) -%}
    case
        when {{ campaign_name }} like '%teams%' then 'teams'
        when {{ campaign_name }} like '%pro%' then 'pro'
        else 'all'
    end
{%- endmacro %}

{#- Paid conversions under one single-touch model ('first_touch' or 'last_touch'), read from `attribution_relation`
    (int_user__attribution_resolved or int_attribution__last_touch): one row per user whose attributed touchpoint
    is a paid channel, with the platform, the campaign and the revenue the user brought. -#}
{% macro paid_conversions(attribution_model, attribution_relation) -%}
select
    attributed.user_id,
    '{{ attribution_model }}' as attribution_model,
    attributed.converted_at,
    attributed.conversion_date,
    attributed.channel,
    attributed.platform,
    attributed.click_id_type,
    {{ flag('attributed.click_id_type is not null') }} as has_click_id,
    attributed.utm_campaign,
    {{ campaign_type('attributed.utm_campaign') }} as campaign_type,
    attributed.touchpoint_id,
    attributed.touchpoint_at,
    users.product,
    users.subscription_count,
    users.revenue_usd
from {{ attribution_relation }} as attributed
inner join {{ ref('canonical_users') }} as users
    on attributed.user_id = users.user_id
where attributed.channel in ('Paid Search', 'Paid Social')
{%- endmacro %}

{#- Spend, conversions, CAC and ROI per platform and period ('week' or 'month'). Conversions and revenue are
    counted in the period of the signup, under first touch (the reporting model) and last touch (for contrast). -#}
{% macro paid_performance(period) -%}
with spend as (
    select
        {{ to_date(dbt.date_trunc(period, 'spend_date')) }} as period_start,
        platform,
        sum(spend) as spend,
        sum(impressions) as impressions,
        sum(clicks) as clicks
    from {{ ref('int_paid_budget__ad_spend_by_platform') }}
    group by 1, 2
),

first_touch as (
    select
        {{ to_date(dbt.date_trunc(period, 'converted_at')) }} as period_start,
        platform,
        count(*) as conversions,
        sum({{ flag('subscription_count > 0') }}) as paying_customers,
        sum(revenue_usd) as revenue_usd
    from {{ ref('paid_budget__conversions') }}
    group by 1, 2
),

last_touch as (
    select
        {{ to_date(dbt.date_trunc(period, 'converted_at')) }} as period_start,
        platform,
        count(*) as conversions
    from {{ ref('paid_budget__conversions_last_touch') }}
    group by 1, 2
),

periods as (
    select period_start, platform from spend
    union
    select period_start, platform from first_touch
    union
    select period_start, platform from last_touch
),

joined as (
    select
        periods.period_start,
        periods.platform,
        coalesce(spend.spend, 0) as spend,
        coalesce(spend.impressions, 0) as impressions,
        coalesce(spend.clicks, 0) as clicks,
        coalesce(first_touch.conversions, 0) as conversions,
        coalesce(last_touch.conversions, 0) as last_touch_conversions,
        coalesce(first_touch.paying_customers, 0) as paying_customers,
        coalesce(first_touch.revenue_usd, 0) as revenue_usd
    from periods
    left join spend
        on periods.period_start = spend.period_start and periods.platform = spend.platform
    left join first_touch
        on periods.period_start = first_touch.period_start and periods.platform = first_touch.platform
    left join last_touch
        on periods.period_start = last_touch.period_start and periods.platform = last_touch.platform
)

select
    {{ surrogate_key(['period_start', 'platform']) }} as performance_key,
    period_start as {{ period }}_start,
    platform,
    spend,
    impressions,
    clicks,
    conversions,
    last_touch_conversions,
    paying_customers,
    revenue_usd,
    {{ safe_divide('spend', 'conversions') }} as cac,
    {{ safe_divide('spend', 'last_touch_conversions') }} as cac_last_touch,
    {{ safe_divide('revenue_usd - spend', 'spend') }} as roi,
    {{ safe_divide('revenue_usd', 'spend') }} as roas
from joined
{%- endmacro %}
