-- Identity resolution: each PostHog person matched to at most one backend user, through the best of five tiers,
-- plus the users no person matched. A tier only counts a match that is unique (the person matches exactly one
-- user in that tier). Tiers, best first:
--   1 strong_id       the person's user_id property is a backend user_id
--   2 distinct_id     one of the person's distinct IDs is a backend user_id
--   3 email           the person's email property, or one of its distinct IDs, is a backend email
--   4 merged_person   the person was merged away; its distinct IDs now point to a person matched in tiers 1-3
--   5 device_graph    one of its distinct IDs is an anonymous device linked to a user by int_identity__device_graph
--   6 unresolved_posthog   a person no tier matched
--   7 unresolved_kilocode  a backend user no person matched
with persons as (
    select person_id, user_id, email from {{ ref('stg_posthog__person_identity') }}
),

users as (
    select user_id, email from {{ ref('stg_backend__kilocode_users') }}
),

links as (
    select * from {{ ref('stg_posthog__person_distinct_ids') }}
),

current_links as (
    select distinct_id, person_id from links where is_current = 1
),

strong_id as (
    select persons.person_id, users.user_id, 'strong_id' as resolution_tier, 1 as tier_rank
    from persons
    inner join users on persons.user_id = users.user_id
),

distinct_id as (
    select current_links.person_id, users.user_id, 'distinct_id' as resolution_tier, 2 as tier_rank
    from current_links
    inner join users on current_links.distinct_id = users.user_id
),

email as (
    select persons.person_id, users.user_id, 'email' as resolution_tier, 3 as tier_rank
    from persons
    inner join users on persons.email = users.email
    union
    select current_links.person_id, users.user_id, 'email' as resolution_tier, 3 as tier_rank
    from current_links
    inner join users on lower(current_links.distinct_id) = users.email
),

direct_candidates as (
    select * from strong_id
    union all
    select * from distinct_id
    union all
    select * from email
),

-- Unique matches only: a person counts in a tier when that tier gives it exactly one user.
direct_unique as (
    select person_id, resolution_tier, tier_rank, min(user_id) as user_id
    from direct_candidates
    group by person_id, resolution_tier, tier_rank
    having count(distinct user_id) = 1
),

direct_best as (
    select person_id, user_id
    from (
        select
            person_id,
            user_id,
            row_number() over (partition by person_id order by tier_rank) as preference
        from direct_unique
    ) ranked
    where preference = 1
),

-- Persons merged away: an old link of a distinct ID points to another person than its current link.
merges as (
    select
        old_links.person_id as merged_person_id,
        current_links.person_id as surviving_person_id
    from links as old_links
    inner join current_links
        on old_links.distinct_id = current_links.distinct_id
    where old_links.is_current = 0
        and old_links.person_id <> current_links.person_id
),

-- The surviving person's user, carried to each merged person by a window over the surviving person (a join
-- here runs as a nested loop on SQLite).
merge_users as (
    select
        merged_person_id,
        max(user_id) over (partition by surviving_person_id) as user_id
    from (
        select surviving_person_id, merged_person_id, cast(null as {{ dbt.type_string() }}) as user_id
        from merges
        union all
        select person_id as surviving_person_id, cast(null as {{ dbt.type_string() }}) as merged_person_id, user_id
        from direct_best
    ) surviving
),

merged_person as (
    select merged_person_id as person_id, user_id, 'merged_person' as resolution_tier, 4 as tier_rank
    from merge_users
    where merged_person_id is not null and user_id is not null
),

device_graph as (
    select person_id, user_id, 'device_graph' as resolution_tier, 5 as tier_rank
    from {{ ref('int_identity__device_graph') }}
    where person_id is not null
),

candidates as (
    select * from direct_unique
    union all
    select person_id, resolution_tier, tier_rank, min(user_id) as user_id
    from merged_person
    group by person_id, resolution_tier, tier_rank
    having count(distinct user_id) = 1
    union all
    select person_id, resolution_tier, tier_rank, min(user_id) as user_id
    from device_graph
    group by person_id, resolution_tier, tier_rank
    having count(distinct user_id) = 1
),

-- Every person once more with no match (rank 6), so the best row per person exists without a join.
ranked_candidates as (
    select person_id, user_id, resolution_tier, tier_rank from candidates
    union all
    select person_id, cast(null as {{ dbt.type_string() }}) as user_id, 'unresolved_posthog' as resolution_tier, 6 as tier_rank
    from persons
),

resolved_persons as (
    select person_id, user_id, resolution_tier, tier_rank
    from (
        select
            *,
            row_number() over (partition by person_id order by tier_rank) as preference
        from ranked_candidates
    ) ranked
    where preference = 1
),

-- Users no person resolved to: an anti-join written as an aggregate, which stays linear on SQLite.
unresolved_users as (
    select
        cast(null as {{ dbt.type_string() }}) as person_id,
        user_id,
        'unresolved_kilocode' as resolution_tier,
        7 as tier_rank
    from (
        select user_id, 0 as is_matched from users
        union all
        select user_id, 1 as is_matched from resolved_persons where user_id is not null
    ) matches
    group by user_id
    having max(is_matched) = 0
)

select
    {{ dbt.concat(["'person:'", 'person_id']) }} as identity_key,
    person_id,
    user_id,
    resolution_tier,
    tier_rank,
    1 - {{ flag('user_id is null') }} as is_resolved
from resolved_persons
union all
select
    {{ dbt.concat(["'user:'", 'user_id']) }} as identity_key,
    person_id,
    user_id,
    resolution_tier,
    tier_rank,
    0 as is_resolved
from unresolved_users
