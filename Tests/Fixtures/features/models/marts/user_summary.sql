{{ config(alias='users', materialized='incremental', unique_key='user_id') }}
with users as (
    select * from {{ ref('eph_users') }}
)
select
    users.user_id,
    (select count(*) from {{ ref('eph_base') }} b where b.user_id = users.user_id) as events
from users
{% if is_incremental() %}
where users.user_id > (select max(user_id) from {{ this }})
{% endif %}
