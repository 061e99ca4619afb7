-- The planted visitor p_plant_gap has pageviews at 10:00, 10:10 (delivered twice), 10:39, 11:10, 11:15, 11:45
-- and 12:16 and signs up at 12:20 on 2025-03-18. A gap of more than 30 minutes starts a session, exactly 30
-- does not: three sessions of 3, 3 and 2 events (the duplicate delivery counted once).
with expected as (
    select 1 as session_number, '2025-03-18 10:00:00' as started_at, 3 as event_count
    union all select 2, '2025-03-18 11:10:00', 3
    union all select 3, '2025-03-18 12:16:00', 2
),

actual as (
    select session_number, session_started_at, event_count
    from {{ ref('int_sessions__detected') }}
    where person_id = 'p_plant_gap'
)

select expected.session_number, expected.started_at, expected.event_count,
       actual.session_started_at as actual_started_at, actual.event_count as actual_event_count
from expected
left join actual on expected.session_number = actual.session_number
where actual.session_number is null
    or cast(actual.session_started_at as {{ dbt.type_string() }}) not like expected.started_at || '%'
    or actual.event_count <> expected.event_count
union all
select actual.session_number, null, null, actual.session_started_at, actual.event_count
from actual
where actual.session_number not in (select session_number from expected)
