-- Which PostHog person each distinct_id belongs to.
select distinct person_id, distinct_id
from {{ ref('raw_posthog_person_distinct_ids') }}
