-- Planted referrers land in the right channel, both in the referrer classification and as the first touch of
-- the planted user who arrived from them (some-new-blog.dev is not in the seed: the rules call it Referral;
-- our own domain is Direct).
with expected as (
    select 'u_plant_ref_google' as user_id, 'www.google.com' as referring_domain, 'Organic Search' as channel
    union all select 'u_plant_ref_ddg', 'duckduckgo.com', 'Organic Search'
    union all select 'u_plant_ref_fb', 'l.facebook.com', 'Organic Social'
    union all select 'u_plant_ref_tco', 't.co', 'Organic Social'
    union all select 'u_plant_ref_hn', 'news.ycombinator.com', 'Referral'
    union all select 'u_plant_ref_blog', 'some-new-blog.dev', 'Referral'
    union all select 'u_plant_ref_own', 'kilocode.ai', 'Direct'
)

select
    expected.*,
    referrers.referrer_channel as classified_channel,
    first_touch.channel as first_touch_channel
from expected
left join {{ ref('int_channel__referrer_classification') }} as referrers
    on expected.referring_domain = referrers.referring_domain
left join {{ ref('int_user__attribution_resolved') }} as first_touch
    on expected.user_id = first_touch.user_id
where referrers.referring_domain is null
    or referrers.referrer_channel <> expected.channel
    or first_touch.channel is null
    or first_touch.channel <> expected.channel
