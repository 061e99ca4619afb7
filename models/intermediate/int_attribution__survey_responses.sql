-- What users said brought them, in the behavioural channel taxonomy (Unknown when unanswered).
select user_id, signed_up_at, customer_source, survey_channel
from {{ ref('stg_backend__kilocode_users') }}
