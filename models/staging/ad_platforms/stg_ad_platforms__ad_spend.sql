-- Daily campaign spend across the six ad platforms.
select
    {{ surrogate_key(['spend_date', 'platform', 'campaign_id']) }} as ad_spend_id,
    {{ to_date('spend_date') }} as spend_date,
    {{ clean_text('platform') }} as platform,
    campaign_id,
    {{ clean_text('campaign_name') }} as campaign_name,
    cast(spend as {{ dbt.type_numeric() }}) as spend,
    impressions,
    clicks
from {{ ref('raw_ad_spend') }}
