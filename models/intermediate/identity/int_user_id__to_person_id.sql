-- Step 1 of the mapping chain: each resolved person and the user it belongs to.
select
    person_id,
    user_id,
    resolution_tier,
    tier_rank
from {{ ref('int_identity__resolution') }}
where person_id is not null and user_id is not null
