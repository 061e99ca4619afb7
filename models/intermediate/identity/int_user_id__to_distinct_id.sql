-- Step 3 of the mapping chain: each distinct ID of a resolved person, with its user.
select
    person_distinct_ids.distinct_id,
    person_distinct_ids.person_id,
    user_persons.user_id,
    user_persons.resolution_tier
from {{ ref('int_person_id__to_distinct_id') }} as person_distinct_ids
inner join {{ ref('int_user_id__to_person_id') }} as user_persons
    on person_distinct_ids.person_id = user_persons.person_id
