-- The PostHog person of each identified user, where exactly one person matches.
select ud.user_id, min(pi.person_id) as person_id
from {{ ref('int_user_id__to_distinct_id') }} ud
join {{ ref('stg_posthog__person_identity') }} pi on pi.distinct_id = ud.distinct_id
group by ud.user_id
having count(distinct pi.person_id) = 1
