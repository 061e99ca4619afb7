{#- Channel classification: ONE hierarchy used by every model that assigns a channel.
    click ID > UTM > referrer > in-app browser > Direct. The inputs are columns (or expressions) of the caller:
    the channel its click ID maps to (from the click_id_platforms seed), the UTM source and medium, the channel
    of its referring domain (from int_channel__referrer_classification) and its in-app browser, if any. -#}
{% macro classify_channel(click_id_channel, utm_source, utm_medium, referrer_channel, in_app_browser) -%}
    case
        when {{ click_id_channel }} is not null then {{ click_id_channel }}
        when lower({{ utm_medium }}) in ({{ quoted_list(paid_search_mediums()) }}) then 'Paid Search'
        when lower({{ utm_medium }}) in ({{ quoted_list(paid_social_mediums()) }}) then 'Paid Social'
        when lower({{ utm_medium }}) in ('email', 'newsletter') then 'Email'
        when lower({{ utm_medium }}) in ('social', 'organic_social') then 'Organic Social'
        when lower({{ utm_medium }}) = 'organic' then 'Organic Search'
        when {{ utm_source }} is not null or {{ utm_medium }} is not null then 'Referral'
        when {{ referrer_channel }} is not null and {{ referrer_channel }} <> 'Direct' then {{ referrer_channel }}
        when {{ in_app_browser }} is not null then 'Organic Social'
        else 'Direct'
    end
{%- endmacro %}

{#- The channels every channel column may hold. -#}
{% macro channel_taxonomy() -%}
    {{ return(['Paid Search', 'Paid Social', 'Organic Search', 'Organic Social', 'Referral', 'Email', 'Direct']) }}
{%- endmacro %}

{% macro paid_search_mediums() -%}{{ return(['cpc', 'ppc', 'paid_search', 'paidsearch', 'sem']) }}{%- endmacro %}
{% macro paid_social_mediums() -%}{{ return(['paid_social', 'paidsocial', 'social_paid', 'cpm', 'display']) }}{%- endmacro %}

{#- The click-ID parameters, in the order they win when a URL carries several. -#}
{% macro click_id_columns() -%}{{ return(['gclid', 'fbclid', 'msclkid', 'rdt_cid', 'li_fat_id']) }}{%- endmacro %}

{#- Which click-ID parameter an event or person carries: the first of click_id_columns() that is set.
    `prefix` is prepended to each column name (e.g. 'entry_' or 'initial_'). -#}
{% macro click_id_type(prefix='') -%}
    case
    {%- for column in click_id_columns() %}
        when {{ prefix ~ column }} is not null then '{{ column }}'
    {%- endfor %}
    end
{%- endmacro %}

{#- The platforms whose clicks carry a click ID we capture (X's does not). -#}
{% macro click_id_platforms() -%}{{ return(['google', 'microsoft', 'meta', 'reddit', 'linkedin']) }}{%- endmacro %}

{#- The paid platform of a visit: its click ID's platform, or its utm_source's when the channel is paid. -#}
{% macro paid_platform(channel, click_id_platform, utm_platform) -%}
    case when {{ channel }} in ('Paid Search', 'Paid Social') then coalesce({{ click_id_platform }}, {{ utm_platform }}, 'unknown') end
{%- endmacro %}

{#- Fallback for referring domains the referrer_domain_channels seed does not list. -#}
{% macro classify_referrer_domain(domain) -%}
    case
        when {{ domain }} is null or {{ domain }} = '' then null
        when {{ domain }} = '{{ var("own_domain") }}' or {{ domain }} like '%.{{ var("own_domain") }}' then 'Direct'
        {%- for engine in ['google.', 'bing.', 'duckduckgo.', 'yahoo.', 'ecosia.', 'baidu.', 'yandex.', 'brave.', 'qwant.'] %}
        when {{ domain }} like '%{{ engine }}%' then 'Organic Search'
        {%- endfor %}
        {%- for network in ['facebook.', 'instagram.', 'linkedin.', 'reddit.', 'twitter.', 'youtube.', 'tiktok.', 'threads.', 'mastodon', 'bsky.'] %}
        when {{ domain }} like '%{{ network }}%' then 'Organic Social'
        {%- endfor %}
        else 'Referral'
    end
{%- endmacro %}

{#- A lowercase, trimmed domain, NULL when empty. -#}
{% macro normalize_domain(domain) -%}
    nullif(lower(trim({{ domain }})), '')
{%- endmacro %}

{#- A trimmed value, NULL when empty; lowercased unless keep_case. -#}
{% macro clean_text(expression, keep_case=false) -%}
    {%- if keep_case -%} nullif(trim({{ expression }}), '') {%- else -%} nullif(lower(trim({{ expression }})), '') {%- endif -%}
{%- endmacro %}

{% macro quoted_list(values) -%}
    {%- for value in values -%}'{{ value }}'{% if not loop.last %}, {% endif %}{%- endfor -%}
{%- endmacro %}
