select c.day_number, s.user_id
from {{ ref('utils', 'utils_calendar') }} c
cross join {{ ref('user_summary') }} s
