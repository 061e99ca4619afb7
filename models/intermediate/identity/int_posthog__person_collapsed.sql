-- One row per user with PostHog persons: the user's earliest person (first-touch preservation, as MIN_BY would
-- pick it) and that person's initial attribution properties.
with user_persons as (
    select
        user_persons.user_id,
        user_persons.person_id,
        user_persons.tier_rank,
        persons.created_at,
        persons.initial_referring_domain,
        persons.initial_utm_source,
        persons.initial_utm_medium,
        persons.initial_utm_campaign,
        persons.initial_click_id_type,
        persons.initial_user_agent,
        row_number() over (
            partition by user_persons.user_id order by persons.created_at, user_persons.person_id
        ) as person_order
    from {{ ref('int_user_id__to_person_id') }} as user_persons
    inner join {{ ref('stg_posthog__person_identity') }} as persons
        on user_persons.person_id = persons.person_id
),

counts as (
    select user_id, count(*) as person_count, min(tier_rank) as best_tier_rank
    from user_persons
    group by user_id
)

select
    user_persons.user_id,
    user_persons.person_id as primary_person_id,
    counts.person_count,
    counts.best_tier_rank,
    user_persons.created_at as first_seen_at,
    user_persons.initial_referring_domain,
    user_persons.initial_utm_source,
    user_persons.initial_utm_medium,
    user_persons.initial_utm_campaign,
    user_persons.initial_click_id_type,
    user_persons.initial_user_agent
from user_persons
inner join counts on user_persons.user_id = counts.user_id
where user_persons.person_order = 1
