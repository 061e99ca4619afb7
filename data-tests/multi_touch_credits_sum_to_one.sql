-- Every converting user's credits sum to 1 under each multi-touch model.
select user_id, model_type, sum(credit) as total_credit
from {{ ref('int_attribution__multi_touch') }}
group by user_id, model_type
having abs(sum(credit) - 1.0) > 0.000001
