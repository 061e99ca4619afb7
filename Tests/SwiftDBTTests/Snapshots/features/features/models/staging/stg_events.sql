
select
    event_id,
    user_id,
    case
        when channel like 'paid%' then 'PAID'
        when channel like 'organic%' then 'ORGANIC'
        else 'OTHER'
    end as channel,
    case when 100 = 0 then null else amount / 100 end as amount_hundreds,
    'feat_stg_events' as label,
    occurred_at
from "main"."events"
where occurred_at >= '2024-01-01'