-- Paid subscriptions: the revenue conversions.
select
    subscription_id,
    user_id,
    {{ clean_text('product') }} as product,
    started_at,
    cast(amount_usd as {{ dbt.type_numeric() }}) as amount_usd,
    {{ clean_text('status') }} as status
from {{ ref('raw_subscriptions') }}
