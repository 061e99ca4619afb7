-- Device fingerprints seen at login (user_id set) and on anonymous visits (user_id null).
select distinct fingerprint_id, user_id, distinct_id, device_type
from {{ ref('raw_stytch_fingerprints') }}
