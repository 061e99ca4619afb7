-- One user_id per distinct_id, from the strongest tier that matches uniquely:
-- strong_id ($identify), person_merge (same PostHog person), device_graph (shared fingerprint);
-- distinct ids matching nobody, or several users, are unresolved.
with candidates as (
    select distinct_id, user_id, 'strong_id' as tier, 1 as tier_rank
    from {{ ref('int_user_id__to_distinct_id') }}
    union all
    select pd.distinct_id, up.user_id, 'person_merge', 2
    from {{ ref('int_user_id__to_person_id') }} up
    join {{ ref('int_person_id__to_distinct_id') }} pd on pd.person_id = up.person_id
    union all
    select distinct_id, user_id, 'device_graph', 3
    from {{ ref('int_identity__device_graph') }}
),

best_tier as (
    select distinct_id, min(tier_rank) as tier_rank
    from candidates
    group by distinct_id
),

unique_matches as (
    select c.distinct_id, min(c.user_id) as user_id, min(c.tier) as tier
    from candidates c
    join best_tier b on b.distinct_id = c.distinct_id and b.tier_rank = c.tier_rank
    group by c.distinct_id
    having count(distinct c.user_id) = 1
),

all_distinct_ids as (
    select distinct distinct_id from {{ ref('stg_posthog__events_filtered') }}
)

select
    a.distinct_id,
    m.user_id,
    coalesce(m.tier, 'unresolved') as tier
from all_distinct_ids a
left join unique_matches m on m.distinct_id = a.distinct_id
