-- Daily spend per ad platform.
select spend_date, platform, sum(spend) as spend
from {{ ref('stg_ads__spend') }}
group by spend_date, platform
