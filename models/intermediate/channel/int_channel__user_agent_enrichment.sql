-- Every user agent seen (events, persons, backend requests) with device type, browser family,
-- in-app browser (Meta's and LinkedIn's apps) and bot flag.
with agents as (
    select user_agent from {{ ref('stg_posthog__events') }} where user_agent is not null
    union
    select initial_user_agent from {{ ref('stg_posthog__person_identity') }} where initial_user_agent is not null
    union
    select user_agent from {{ ref('stg_backend__http_user_agent') }} where user_agent is not null
)

select
    user_agent,
    {{ device_type('user_agent') }} as device_type,
    {{ browser_family('user_agent') }} as browser_family,
    {{ in_app_browser('user_agent') }} as in_app_browser,
    case
        when {{ in_app_browser('user_agent') }} in ('facebook', 'instagram') then 'meta'
        when {{ in_app_browser('user_agent') }} = 'linkedin' then 'linkedin'
    end as in_app_platform,
    {{ is_bot_user_agent('user_agent') }} as is_bot
from agents
