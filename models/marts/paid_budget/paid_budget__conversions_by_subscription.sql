-- Paid subscriptions credited by first touch: one row per subscription whose subscriber's first touch is paid,
-- with the subscription's own product and revenue (a user with two subscriptions counts twice).
select
    subscriptions.subscription_id,
    attributed.user_id,
    subscriptions.started_at as converted_at,
    {{ to_date('subscriptions.started_at') }} as conversion_date,
    subscriptions.product,
    subscriptions.amount_usd as revenue_usd,
    attributed.channel,
    attributed.platform,
    attributed.click_id_type,
    attributed.utm_campaign,
    {{ campaign_type('attributed.utm_campaign') }} as campaign_type
from {{ ref('stg_backend__subscriptions') }} as subscriptions
inner join {{ ref('int_user__attribution_resolved') }} as attributed
    on subscriptions.user_id = attributed.user_id
where attributed.channel in ('Paid Search', 'Paid Social')
