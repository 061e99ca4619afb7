select channel, count(*) as n
from "main"."stg_events"
group by channel
limit 5 -- _ix__eport