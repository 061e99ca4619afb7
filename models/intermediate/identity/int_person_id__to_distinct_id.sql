-- Step 2 of the mapping chain: each distinct ID and the person it points to now.
select
    distinct_id,
    person_id
from {{ ref('stg_posthog__person_distinct_ids') }}
where is_current = 1
