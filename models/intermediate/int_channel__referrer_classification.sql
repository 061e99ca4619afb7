-- Every referring domain seen, with the channel the referrer seed gives it (unknown domains are referrals).
select distinct
    lower(e.referring_domain) as referring_domain,
    coalesce(rdc.channel, 'Referral') as channel
from {{ ref('stg_posthog__events_filtered') }} e
left join {{ ref('referrer_domain_channels') }} rdc on rdc.domain = lower(e.referring_domain)
where e.referring_domain is not null
