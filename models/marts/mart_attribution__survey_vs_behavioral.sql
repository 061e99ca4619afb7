-- Weekly confusion matrix: what users said brought them against their behavioural first touch.
select
    {{ week_start('cu.signed_up_at') }} as signup_week,
    cu.survey_channel,
    cu.first_touch_channel as behavioral_channel,
    count(*) as users,
    case when cu.survey_channel = cu.first_touch_channel then 1 else 0 end as agrees
from {{ ref('canonical_users') }} cu
group by 1, 2, 3, 5
