-- PostHog events, one row per event_id (retried deliveries removed), crawlers filtered out.
with numbered as (
    select
        *,
        row_number() over (partition by event_id order by event_timestamp) as delivery_number
    from {{ ref('raw_posthog_events') }}
)

select
    event_id,
    distinct_id,
    event,
    {{ as_timestamp('event_timestamp') }} as event_at,
    current_url,
    utm_source,
    utm_medium,
    utm_campaign,
    gclid,
    fbclid,
    msclkid,
    rdt_cid,
    li_fat_id,
    referring_domain,
    user_agent,
    user_id
from numbered
where delivery_number = 1
  and not {{ is_bot_user_agent('user_agent') }}
