select
    subscription_id,
    user_id,
    product,
    {{ as_timestamp('started_at') }} as started_at,
    amount
from {{ ref('raw_subscriptions') }}
