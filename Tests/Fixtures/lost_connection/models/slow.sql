select version, (select 1 from pg_sleep({{ var('pause') }})) as slept
from {{ ref('first') }}
