-- Ad spend unified across the six platforms per day, platform, campaign type and product.
select
    {{ surrogate_key(['spend_date', 'platform', 'campaign_type', 'product']) }} as ad_spend_key,
    spend_date,
    platform,
    campaign_type,
    product,
    sum(spend) as spend,
    sum(impressions) as impressions,
    sum(clicks) as clicks
from (
    select
        spend_date,
        platform,
        {{ campaign_type('campaign_name') }} as campaign_type,
        {{ campaign_product('campaign_name') }} as product,
        spend,
        impressions,
        clicks
    from {{ ref('stg_ad_platforms__ad_spend') }}
) classified
group by spend_date, platform, campaign_type, product
