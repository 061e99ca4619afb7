-- Conversions: every signup (the conversion attribution models credit) and every paid subscription (revenue).
select
    {{ dbt.concat(["'signup:'", 'user_id']) }} as conversion_id,
    user_id,
    'signup' as conversion_type,
    signed_up_at as converted_at,
    {{ to_date('signed_up_at') }} as conversion_date,
    cast(null as {{ dbt.type_string() }}) as product,
    cast(0 as {{ dbt.type_numeric() }}) as revenue_usd
from {{ ref('canonical_users') }}
union all
select
    {{ dbt.concat(["'subscription:'", 'subscription_id']) }} as conversion_id,
    user_id,
    'subscription' as conversion_type,
    started_at as converted_at,
    {{ to_date('started_at') }} as conversion_date,
    product,
    amount_usd as revenue_usd
from {{ ref('stg_backend__subscriptions') }}
