-- PostHog persons with their identity properties and initial attribution.
select
    person_id,
    created_at,
    {{ clean_text('email') }} as email,
    {{ clean_text('user_id', keep_case=true) }} as user_id,
    {{ normalize_domain('initial_referring_domain') }} as initial_referring_domain,
    {{ clean_text('initial_utm_source') }} as initial_utm_source,
    {{ clean_text('initial_utm_medium') }} as initial_utm_medium,
    {{ clean_text('initial_utm_campaign') }} as initial_utm_campaign,
    {%- for column in click_id_columns() %}
    {{ clean_text('initial_' ~ column, keep_case=true) }} as initial_{{ column }},
    {%- endfor %}
    {{ click_id_type('initial_') }} as initial_click_id_type,
    initial_user_agent,
    {{ is_bot_user_agent('initial_user_agent') }} as is_bot
from {{ ref('raw_posthog_persons') }}
