select c.day_number, s.user_id
from "main"."utils_calendar" c
cross join "marts"."users" s