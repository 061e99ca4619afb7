-- Every version of every distinct-ID-to-person link; is_current marks the one in force.
with source as (
    select * from {{ ref('raw_posthog_person_distinct_ids') }}
),

ranked as (
    select
        distinct_id,
        person_id,
        version,
        {{ flag(dbt.cast_bool_to_text('is_deleted') ~ " = 'true'") }} as is_deleted,
        row_number() over (partition by distinct_id order by version desc) as recency
    from source
)

select
    {{ surrogate_key(['distinct_id', 'version']) }} as link_id,
    distinct_id,
    person_id,
    version,
    is_deleted,
    {{ flag('recency = 1 and is_deleted = 0') }} as is_current
from ranked
