with base as (
    select * from {{ ref('eph_base') }}
)
select distinct user_id from base
