-- Stytch fingerprint observations: one row per fingerprint and device (visitor).
select
    {{ surrogate_key(['fingerprint_id', 'visitor_id']) }} as fingerprint_observation_id,
    fingerprint_id,
    visitor_id,
    {{ clean_text('user_id', keep_case=true) }} as user_id,
    {{ clean_text('distinct_id', keep_case=true) }} as distinct_id,
    {{ clean_text('device_type') }} as device_type,
    observed_at
from {{ ref('raw_stytch_fingerprints') }}
