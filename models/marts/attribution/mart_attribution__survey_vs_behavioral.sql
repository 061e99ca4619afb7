-- Weekly confusion matrix of self-reported channel (survey) against behavioural first-touch channel, for users
-- who answered the survey. Cells on the diagonal (is_agreement = 1) are users whose answer matches their data.
with answers as (
    select user_id, signup_week, survey_channel
    from {{ ref('int_attribution__survey_responses') }}
    where has_answer = 1
),

cells as (
    select
        answers.signup_week,
        answers.survey_channel,
        first_touch.channel as behavioral_channel,
        count(*) as users
    from answers
    inner join {{ ref('int_user__attribution_resolved') }} as first_touch
        on answers.user_id = first_touch.user_id
    group by answers.signup_week, answers.survey_channel, first_touch.channel
)

select
    {{ surrogate_key(['signup_week', 'survey_channel', 'behavioral_channel']) }} as matrix_cell_key,
    signup_week,
    survey_channel,
    behavioral_channel,
    users,
    {{ flag('survey_channel = behavioral_channel') }} as is_agreement,
    {{ safe_divide('users', 'sum(users) over (partition by signup_week)') }} as share_of_week,
    {{ safe_divide('users', 'sum(users) over (partition by signup_week, survey_channel)') }} as share_of_survey_channel
from cells
