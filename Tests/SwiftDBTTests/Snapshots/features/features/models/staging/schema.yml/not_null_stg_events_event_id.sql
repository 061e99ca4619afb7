
select event_id
from "main"."stg_events"
where event_id is null
