select user_id, '{{ target.name }}' as loaded_by
from {{ source('raw', 'signups') }}
