-- Every referring domain seen (on events and as persons' initial referrer) with its channel:
-- the referrer_domain_channels seed first, the classify_referrer_domain rules for domains it does not list.
with domains as (
    select referring_domain from {{ ref('stg_posthog__events') }}
    where referring_domain is not null
    union
    select initial_referring_domain from {{ ref('stg_posthog__person_identity') }}
    where initial_referring_domain is not null
),

mapping as (
    select
        {{ normalize_domain('referring_domain') }} as referring_domain,
        referrer_channel,
        referrer_source
    from {{ ref('referrer_domain_channels') }}
)

select
    domains.referring_domain,
    coalesce(mapping.referrer_channel, {{ classify_referrer_domain('domains.referring_domain') }}) as referrer_channel,
    coalesce(mapping.referrer_source, 'other') as referrer_source,
    case when mapping.referring_domain is not null then 'seed' else 'rule' end as classified_by
from domains
left join mapping
    on domains.referring_domain = mapping.referring_domain
