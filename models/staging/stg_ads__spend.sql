select
    {{ as_date('spend_date') }} as spend_date,
    platform,
    campaign,
    spend
from {{ ref('raw_ad_spend') }}
