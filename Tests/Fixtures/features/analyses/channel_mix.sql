{%- set re = modules.re -%}
{%- set parsed = fromjson('{"limit": 5}') -%}
select channel, count(*) as n
from {{ ref('stg_events') }}
group by channel
limit {{ parsed.limit }} -- {{ re.sub('[^a-z]', '_', 'Mix-Report') }}
