-- Per distinct_id: in-app browser, device type and bot signature, from the user agent.
select
    distinct_id,
    max(case
        when user_agent like '%FBAN%' or user_agent like '%FBAV%' then 'facebook'
        when user_agent like '%LinkedInApp%' then 'linkedin'
        when user_agent like '%Instagram%' then 'instagram'
    end) as in_app_browser,
    max(case when user_agent like '%iPhone%' or user_agent like '%Android%' then 'mobile' else 'desktop' end) as device_type,
    max(case when {{ is_bot_user_agent('user_agent') }} then 1 else 0 end) as is_bot
from {{ ref('stg_backend__http_user_agent') }}
group by distinct_id
