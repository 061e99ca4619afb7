-- One row per backend user with identity and first-touch facts: what every mart joins to.
select
    u.user_id,
    u.email,
    u.organization_id,
    u.signed_up_at,
    u.survey_channel,
    ft.channel as first_touch_channel,
    ft.platform as first_touch_platform,
    (select count(*) from {{ ref('int_identity__resolution') }} r where r.user_id = u.user_id) as distinct_id_count
from {{ ref('stg_backend__kilocode_users') }} u
left join {{ ref('int_user__attribution_resolved') }} ft on ft.user_id = u.user_id
