-- Every distinct id of every person (merged persons carry several).
select person_id, distinct_id
from {{ ref('stg_posthog__person_identity') }}
