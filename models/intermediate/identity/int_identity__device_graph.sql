-- Cross-device links from Stytch fingerprints: an anonymous device (a distinct ID seen without a login) is linked
-- to a user when its fingerprint was seen with exactly one authenticated user. Shared fingerprints (offices,
-- families) link nobody.
with observations as (
    select * from {{ ref('stg_backend__stytch_fingerprints') }}
),

fingerprint_users as (
    select
        fingerprint_id,
        min(user_id) as user_id
    from observations
    where user_id is not null
    group by fingerprint_id
    having count(distinct user_id) = 1
),

anonymous_devices as (
    select
        fingerprint_id,
        distinct_id,
        min(device_type) as device_type,
        min(observed_at) as first_observed_at
    from observations
    where user_id is null and distinct_id is not null
    group by fingerprint_id, distinct_id
),

current_links as (
    select distinct_id, person_id
    from {{ ref('stg_posthog__person_distinct_ids') }}
    where is_current = 1
)

select
    {{ surrogate_key(['anonymous_devices.fingerprint_id', 'anonymous_devices.distinct_id']) }} as device_link_id,
    anonymous_devices.fingerprint_id,
    anonymous_devices.distinct_id,
    current_links.person_id,
    fingerprint_users.user_id,
    anonymous_devices.device_type,
    anonymous_devices.first_observed_at
from anonymous_devices
inner join fingerprint_users
    on anonymous_devices.fingerprint_id = fingerprint_users.fingerprint_id
left join current_links
    on anonymous_devices.distinct_id = current_links.distinct_id
