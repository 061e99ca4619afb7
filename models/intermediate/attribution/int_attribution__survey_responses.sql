-- Self-reported attribution: each user's free-text customer_source mapped onto the channel taxonomy by the
-- survey_answer_channels seed (LIKE patterns; the lowest priority number wins). Answers no pattern matches
-- are Unknown; users who skipped the question are No Answer.
with users as (
    select user_id, signed_up_at, signup_week, customer_source from {{ ref('canonical_users') }}
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
        on lower(users.customer_source) like patterns.answer_pattern
)

select
    users.user_id,
    users.signed_up_at,
    users.signup_week,
    users.customer_source,
    matches.answer_pattern as matched_pattern,
    case
        when users.customer_source is null then 'No Answer'
        else coalesce(matches.survey_channel, 'Unknown')
    end as survey_channel,
    {{ flag('users.customer_source is not null') }} as has_answer
from users
left join matches
    on users.user_id = matches.user_id
    and matches.preference = 1
