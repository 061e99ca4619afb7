-- Subscriptions credited to their user's last touch before converting (Direct without one).
select
    s.subscription_id,
    s.user_id,
    s.product,
    s.started_at as converted_at,
    s.amount,
    coalesce(lt.channel, 'Direct') as channel,
    lt.platform
from {{ ref('stg_backend__subscriptions') }} s
left join {{ ref('int_attribution__last_touch') }} lt on lt.user_id = s.user_id
