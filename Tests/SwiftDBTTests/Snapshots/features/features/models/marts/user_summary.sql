
with __dbt__cte__eph_base as (
select event_id, user_id from "main"."stg_events"
), __dbt__cte__eph_users as (
with base as (
    select * from __dbt__cte__eph_base
)
select distinct user_id from base
), users as (
    select * from __dbt__cte__eph_users
)
select
    users.user_id,
    (select count(*) from __dbt__cte__eph_base b where b.user_id = users.user_id) as events
from users
