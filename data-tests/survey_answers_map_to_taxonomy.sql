-- Typical survey answers map to the channel the taxonomy gives them.
with expected as (
    select 'Google search' as answer, 'Organic Search' as channel
    union all select 'Saw an ad on Google', 'Paid Search'
    union all select 'friend told me', 'Referral'
    union all select 'your newsletter', 'Email'
    union all select 'LinkedIn ad', 'Paid Social'
    union all select 'twitter', 'Organic Social'
)
select e.answer, e.channel, s.survey_channel
from expected e
join {{ ref('int_attribution__survey_responses') }} s on s.customer_source = e.answer
where s.survey_channel <> e.channel
