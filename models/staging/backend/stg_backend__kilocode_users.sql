-- Backend users: normalised email, signup time and the survey answer, regex-classified onto the channel
-- taxonomy by the survey_answer_channels seed (the lowest priority number wins; no match is Unknown, no
-- answer No Answer).
with users as (
    select
        user_id,
        {{ clean_text('email') }} as email,
        created_at as signed_up_at,
        {{ clean_text('organization_name', keep_case=true) }} as organization_name,
        {{ clean_text('customer_source', keep_case=true) }} as customer_source
    from {{ ref('raw_backend_users') }}
),

matches as (
    select
        users.user_id,
        patterns.survey_channel,
        patterns.answer_pattern,
        row_number() over (
            partition by users.user_id order by patterns.priority, patterns.answer_pattern
        ) as preference
    from users
    inner join {{ ref('survey_answer_channels') }} as patterns
        on {{ regexp_matches('lower(users.customer_source)', 'patterns.answer_pattern') }}
)

select
    users.user_id,
    users.email,
    users.signed_up_at,
    users.organization_name,
    users.customer_source,
    matches.answer_pattern as customer_source_pattern,
    case
        when users.customer_source is null then 'No Answer'
        else coalesce(matches.survey_channel, 'Unknown')
    end as customer_source_channel
from users
left join matches
    on users.user_id = matches.user_id
    and matches.preference = 1
