-- One row per backend user: who they are, how well PostHog knows them, and the channel of their initial
-- attribution (their earliest person's $initial_* properties, through the same classify_channel hierarchy).
with users as (
    select * from {{ ref('stg_backend__kilocode_users') }}
),

collapsed as (
    select * from {{ ref('int_posthog__person_collapsed') }}
),

tiers as (
    select user_id, resolution_tier, tier_rank
    from {{ ref('int_identity__resolution') }}
    where user_id is not null
),

best_tier as (
    select user_id, resolution_tier
    from (
        select *, row_number() over (partition by user_id order by tier_rank) as preference
        from tiers
    ) ranked
    where preference = 1
),

subscriptions as (
    select user_id, count(*) as subscription_count, sum(amount_usd) as revenue_usd, min(started_at) as first_subscribed_at
    from {{ ref('stg_backend__subscriptions') }}
    group by user_id
),

first_products as (
    select user_id, product
    from (
        select user_id, product, row_number() over (partition by user_id order by started_at, subscription_id) as n
        from {{ ref('stg_backend__subscriptions') }}
    ) ranked
    where n = 1
)

select
    users.user_id,
    users.email,
    users.organization_name,
    users.signed_up_at,
    {{ to_date('users.signed_up_at') }} as signup_date,
    {{ to_date(dbt.date_trunc('week', 'users.signed_up_at')) }} as signup_week,
    users.customer_source,
    collapsed.primary_person_id,
    coalesce(collapsed.person_count, 0) as person_count,
    best_tier.resolution_tier,
    collapsed.first_seen_at,
    collapsed.initial_referring_domain,
    collapsed.initial_utm_source,
    collapsed.initial_utm_medium,
    collapsed.initial_click_id_type,
    referrers.referrer_channel as initial_referrer_channel,
    agents.in_app_browser as initial_in_app_browser,
    case when collapsed.user_id is not null then
        {{ classify_channel('click_platforms.channel', 'collapsed.initial_utm_source', 'collapsed.initial_utm_medium',
                            'referrers.referrer_channel', 'agents.in_app_browser') }}
    end as initial_channel,
    coalesce(first_products.product, 'free') as product,
    coalesce(subscriptions.subscription_count, 0) as subscription_count,
    coalesce(subscriptions.revenue_usd, 0) as revenue_usd,
    subscriptions.first_subscribed_at
from users
left join best_tier on users.user_id = best_tier.user_id
left join collapsed on users.user_id = collapsed.user_id
left join {{ ref('int_channel__referrer_classification') }} as referrers
    on collapsed.initial_referring_domain = referrers.referring_domain
left join {{ ref('int_channel__user_agent_enrichment') }} as agents
    on collapsed.initial_user_agent = agents.user_agent
left join {{ ref('click_id_platforms') }} as click_platforms
    on collapsed.initial_click_id_type = click_platforms.click_id_type
left join subscriptions on users.user_id = subscriptions.user_id
left join first_products on users.user_id = first_products.user_id
