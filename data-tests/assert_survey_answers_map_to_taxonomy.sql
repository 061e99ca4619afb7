-- Survey answers map onto the channel taxonomy: the planted answers to the expected channel (case and
-- wording vary), and no answered survey falls outside the taxonomy (Unknown is allowed, No Answer is not).
with expected as (
    select 'u_plant_first_paid' as user_id, 'Paid Search' as survey_channel
    union all select 'u_plant_stale', 'Referral'
    union all select 'u_plant_gap', 'Organic Search'
    union all select 'u_plant_ref_google', 'Organic Search'
    union all select 'u_plant_ref_ddg', 'No Answer'
    union all select 'u_plant_ref_fb', 'Paid Social'
    union all select 'u_plant_ref_tco', 'Organic Social'
    union all select 'u_plant_ref_hn', 'Referral'
    union all select 'u_plant_ref_blog', 'Email'
    union all select 'u_plant_ref_own', 'Unknown'
    union all select 'u_plant_mobile', 'Paid Social'
    union all select 'u_plant_inapp', 'Organic Social'
    union all select 'u_plant_merged', 'Referral'
),

responses as (
    select * from {{ ref('int_attribution__survey_responses') }}
)

select expected.user_id, expected.survey_channel, responses.survey_channel as actual_channel
from expected
left join responses on expected.user_id = responses.user_id
where responses.user_id is null or responses.survey_channel <> expected.survey_channel
union all
select user_id, 'a taxonomy channel or Unknown', survey_channel
from responses
where has_answer = 1
    and survey_channel not in ({{ quoted_list(channel_taxonomy() + ['Unknown']) }})
