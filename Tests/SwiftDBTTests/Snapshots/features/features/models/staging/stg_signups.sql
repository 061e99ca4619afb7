select user_id, 'default' as loaded_by
from "landing"."signups_v2"