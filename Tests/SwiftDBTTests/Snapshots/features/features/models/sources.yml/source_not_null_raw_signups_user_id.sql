
select user_id
from "landing"."signups_v2"
where user_id is null
