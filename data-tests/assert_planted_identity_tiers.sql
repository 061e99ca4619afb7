-- Planted identity cases resolve through the expected tier, and ambiguous matches stay unresolved:
-- p_plant_amb_phone shares a fingerprint with two users, p_plant_dup's email belongs to two backend accounts.
with expected as (
    select 'p_plant_first_paid' as person_id, 'u_plant_first_paid' as user_id, 'strong_id' as resolution_tier
    union all select 'p_plant_stale', 'u_plant_stale', 'distinct_id'
    union all select 'p_plant_gap', 'u_plant_gap', 'email'
    union all select 'p_plant_merged_old', 'u_plant_merged', 'merged_person'
    union all select 'p_plant_mobile_phone', 'u_plant_mobile', 'device_graph'
    union all select 'p_plant_amb_phone', null, 'unresolved_posthog'
    union all select 'p_plant_dup', null, 'unresolved_posthog'
)

select expected.*, resolution.user_id as actual_user_id, resolution.resolution_tier as actual_tier
from expected
left join {{ ref('int_identity__resolution') }} as resolution
    on expected.person_id = resolution.person_id
where resolution.person_id is null
    or resolution.resolution_tier <> expected.resolution_tier
    or coalesce(resolution.user_id, '-') <> coalesce(expected.user_id, '-')
