with __dbt__cte__eph_base as (
select event_id, user_id from "main"."stg_events"
), base as (
    select * from __dbt__cte__eph_base
)
select distinct user_id from base