-- Self-reported attribution: each user's survey answer in the channel taxonomy of behavioural attribution
-- (classified in stg_backend__kilocode_users), with the signup week the survey-vs-behavioural mart groups by.
select
    users.user_id,
    users.signed_up_at,
    users.signup_week,
    answers.customer_source,
    answers.customer_source_pattern as matched_pattern,
    answers.customer_source_channel as survey_channel,
    {{ flag('answers.customer_source is not null') }} as has_answer
from {{ ref('canonical_users') }} as users
inner join {{ ref('stg_backend__kilocode_users') }} as answers
    on users.user_id = answers.user_id
