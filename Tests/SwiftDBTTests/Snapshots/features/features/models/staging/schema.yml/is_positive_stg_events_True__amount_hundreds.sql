
select *
from (select * from "main"."stg_events" where user_id > 0) dbt_subquery
where amount_hundreds < 0
