{#- User-agent heuristics, written with LIKE on the lowercased agent (no regular expressions: SQLite has none). -#}

{% macro is_bot_user_agent(user_agent) -%}
    case when {{ user_agent }} is null then 0
    {%- for marker in ['bot', 'crawler', 'spider', 'headless', 'python-requests', 'curl/', 'wget/', 'screaming frog', 'lighthouse'] %}
        when lower({{ user_agent }}) like '%{{ marker }}%' then 1
    {%- endfor %}
        else 0
    end
{%- endmacro %}

{#- facebook, instagram or linkedin when the agent is that app's in-app browser, else NULL. -#}
{% macro in_app_browser(user_agent) -%}
    case
        when lower({{ user_agent }}) like '%fban/%' or lower({{ user_agent }}) like '%fbav/%' then 'facebook'
        when lower({{ user_agent }}) like '%instagram%' then 'instagram'
        when lower({{ user_agent }}) like '%linkedinapp%' then 'linkedin'
    end
{%- endmacro %}

{% macro device_type(user_agent) -%}
    case
        when {{ is_bot_user_agent(user_agent) }} = 1 then 'bot'
        when lower({{ user_agent }}) like '%ipad%' or lower({{ user_agent }}) like '%tablet%' then 'tablet'
        when lower({{ user_agent }}) like '%mobile%' or lower({{ user_agent }}) like '%iphone%'
            or lower({{ user_agent }}) like '%android%' then 'mobile'
        when {{ user_agent }} is null then 'unknown'
        else 'desktop'
    end
{%- endmacro %}

{% macro browser_family(user_agent) -%}
    case
        when {{ in_app_browser(user_agent) }} is not null then 'In-App'
        when lower({{ user_agent }}) like '%edg/%' then 'Edge'
        when lower({{ user_agent }}) like '%firefox/%' then 'Firefox'
        when lower({{ user_agent }}) like '%chrome/%' then 'Chrome'
        when lower({{ user_agent }}) like '%safari/%' then 'Safari'
        else 'Other'
    end
{%- endmacro %}
