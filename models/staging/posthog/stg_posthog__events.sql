-- PostHog events, one row per event: duplicate deliveries removed, values cleaned, crawlers flagged (not removed).
with source as (
    select * from {{ ref('raw_posthog_events') }}
),

deliveries as (
    select
        *,
        row_number() over (partition by event_uuid order by {{ adapter.quote('timestamp') }}, distinct_id) as delivery_number
    from source
)

select
    event_uuid,
    distinct_id,
    person_id as ingested_person_id,
    event as event_name,
    {{ adapter.quote('timestamp') }} as event_at,
    current_url,
    {{ clean_text('utm_source') }} as utm_source,
    {{ clean_text('utm_medium') }} as utm_medium,
    {{ clean_text('utm_campaign') }} as utm_campaign,
    {%- for column in click_id_columns() %}
    {{ clean_text(column, keep_case=true) }} as {{ column }},
    {%- endfor %}
    {{ normalize_domain('referring_domain') }} as referring_domain,
    user_agent,
    {{ is_bot_user_agent('user_agent') }} as is_bot
from deliveries
where delivery_number = 1
