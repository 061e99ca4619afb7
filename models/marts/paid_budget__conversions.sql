-- Subscriptions credited to their user's first touch.
select
    s.subscription_id,
    s.user_id,
    s.product,
    s.started_at as converted_at,
    s.amount,
    cu.first_touch_channel as channel,
    cu.first_touch_platform as platform
from {{ ref('stg_backend__subscriptions') }} s
join {{ ref('canonical_users') }} cu on cu.user_id = s.user_id
