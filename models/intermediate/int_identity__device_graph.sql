-- Anonymous distinct ids bridged to a user through a device fingerprint that belongs to exactly
-- one authenticated user.
with fingerprint_owner as (
    select fingerprint_id, min(user_id) as user_id
    from {{ ref('stg_backend__stytch_fingerprints') }}
    where user_id is not null
    group by fingerprint_id
    having count(distinct user_id) = 1
)

select distinct fp.distinct_id, owner.user_id, fp.fingerprint_id
from {{ ref('stg_backend__stytch_fingerprints') }} fp
join fingerprint_owner owner on owner.fingerprint_id = fp.fingerprint_id
where fp.user_id is null
