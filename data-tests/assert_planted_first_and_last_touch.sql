-- Planted users whose first and last touch are known (see Sources/attribution-data/Planted.swift):
--   u_plant_first_paid  Google Ads click, then organic Google, then a newsletter visit that signs up
--   u_plant_stale       a Meta click 133 days before signup (stale), then Hacker News, then a direct signup
--   u_plant_gap         DuckDuckGo, then two sessions continuing on our own site
--   u_plant_mobile      an Instagram ad on the phone, linked to the desktop signup only by the device graph
--   u_plant_inapp       LinkedIn's in-app browser with no click ID, UTM or referrer
--   u_plant_merged      GitHub in a second browser whose person was later merged into the signing-up one
with expected as (
    select 'u_plant_first_paid' as user_id, 'Paid Search' as first_channel, 'google' as first_platform, 'Email' as last_channel
    union all select 'u_plant_stale', 'Referral', null, 'Direct'
    union all select 'u_plant_gap', 'Organic Search', null, 'Direct'
    union all select 'u_plant_mobile', 'Paid Social', 'meta', 'Direct'
    union all select 'u_plant_inapp', 'Organic Social', null, 'Organic Social'
    union all select 'u_plant_merged', 'Referral', null, 'Direct'
)

select
    expected.*,
    first_touch.channel as actual_first_channel,
    first_touch.platform as actual_first_platform,
    last_touch.channel as actual_last_channel
from expected
left join {{ ref('int_user__attribution_resolved') }} as first_touch on expected.user_id = first_touch.user_id
left join {{ ref('int_attribution__last_touch') }} as last_touch on expected.user_id = last_touch.user_id
where first_touch.user_id is null
    or first_touch.channel <> expected.first_channel
    or coalesce(first_touch.platform, '-') <> coalesce(expected.first_platform, '-')
    or last_touch.channel <> expected.last_channel
