-- Credited conversions per (signup date, channel, product) under five attribution models side by side, for
-- users with at least one touchpoint in the lookback. divergence_score is (max - min) / max across the five
-- models: 0 when model choice does not matter for that cell, near 1 when one model credits it and another not.
{%- set models = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] %}
{%- set credit_columns = [] %}
{%- for model in models %}{% do credit_columns.append(model ~ '_credit') %}{% endfor %}
with single_touch as (
    select conversion_date, channel, product, 'first_touch' as model_type, 1.0 as credit
    from {{ ref('int_user__attribution_resolved') }}
    where has_touchpoint = 1
    union all
    select conversion_date, channel, product, 'last_touch' as model_type, 1.0 as credit
    from {{ ref('int_attribution__last_touch') }}
    where has_touchpoint = 1
),

multi_touch as (
    select credits.conversion_date, credits.channel, users.product, credits.model_type, credits.credit
    from {{ ref('int_attribution__multi_touch') }} as credits
    inner join {{ ref('canonical_users') }} as users
        on credits.user_id = users.user_id
),

credits as (
    select * from single_touch
    union all
    select * from multi_touch
),

pivoted as (
    select
        conversion_date,
        channel,
        product,
        {%- for model in models %}
        sum(case when model_type = '{{ model }}' then credit else 0 end) as {{ model }}_credit{{ ',' if not loop.last }}
        {%- endfor %}
    from credits
    group by conversion_date, channel, product
)

select
    {{ surrogate_key(['conversion_date', 'channel', 'product']) }} as comparison_key,
    conversion_date,
    channel,
    product,
    first_touch_credit as first_touch_conversions,
    last_touch_credit as last_touch_conversions,
    linear_credit,
    time_decay_credit,
    position_based_credit,
    last_touch_credit - first_touch_credit as last_minus_first,
    {{ safe_divide(greatest_of(credit_columns) ~ ' - ' ~ least_of(credit_columns), greatest_of(credit_columns)) }} as divergence_score
from pivoted
