-- Credited conversions per day, channel and product under each attribution model, with a
-- divergence score where the choice of model changes the answer.
with first_touch as (
    select {{ as_date('converted_at') }} as conversion_date, channel, product, count(*) as conversions
    from {{ ref('paid_budget__conversions') }}
    group by 1, 2, 3
),

last_touch as (
    select {{ as_date('converted_at') }} as conversion_date, channel, product, count(*) as conversions
    from {{ ref('paid_budget__conversions_last_touch') }}
    group by 1, 2, 3
),

multi_touch as (
    select
        {{ as_date('s.started_at') }} as conversion_date,
        mt.channel,
        s.product,
        sum(case when mt.model_type = 'linear' then mt.credit else 0 end) as linear_credit,
        sum(case when mt.model_type = 'time_decay' then mt.credit else 0 end) as time_decay_credit,
        sum(case when mt.model_type = 'position_based' then mt.credit else 0 end) as position_based_credit
    from {{ ref('int_attribution__multi_touch') }} mt
    join {{ ref('stg_backend__subscriptions') }} s on s.user_id = mt.user_id
    group by 1, 2, 3
),

keys as (
    select conversion_date, channel, product from first_touch
    union
    select conversion_date, channel, product from last_touch
    union
    select conversion_date, channel, product from multi_touch
)

select
    k.conversion_date,
    k.channel,
    k.product,
    coalesce(ft.conversions, 0) as first_touch_conversions,
    coalesce(lt.conversions, 0) as last_touch_conversions,
    coalesce(mt.linear_credit, 0) as linear_credit,
    coalesce(mt.time_decay_credit, 0) as time_decay_credit,
    coalesce(mt.position_based_credit, 0) as position_based_credit,
    1.0 * abs(coalesce(ft.conversions, 0) - coalesce(lt.conversions, 0))
        / (case when coalesce(ft.conversions, 0) > coalesce(lt.conversions, 0) then ft.conversions
                when coalesce(lt.conversions, 0) > 0 then lt.conversions else 1 end) as divergence_score
from keys k
left join first_touch ft on ft.conversion_date = k.conversion_date and ft.channel = k.channel and ft.product = k.product
left join last_touch lt on lt.conversion_date = k.conversion_date and lt.channel = k.channel and lt.product = k.product
left join multi_touch mt on mt.conversion_date = k.conversion_date and mt.channel = k.channel and mt.product = k.product
