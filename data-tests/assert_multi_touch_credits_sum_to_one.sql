-- Every converting user's credits sum to exactly one conversion under each multi-touch model, and every user
-- with a non-stale touchpoint gets credit under all three models.
with sums as (
    select user_id, model_type, sum(credit) as total_credit
    from {{ ref('int_attribution__multi_touch') }}
    group by user_id, model_type
),

converting_users as (
    select user_id
    from {{ ref('int_user_id__attribution_history') }}
    where is_stale = 0
    group by user_id
),

models as (
    select 'linear' as model_type
    union all select 'time_decay'
    union all select 'position_based'
)

select converting_users.user_id, models.model_type, sums.total_credit
from converting_users
cross join models
left join sums
    on converting_users.user_id = sums.user_id
    and models.model_type = sums.model_type
where sums.total_credit is null
    or abs(sums.total_credit - 1.0) > 0.000001
