{#- The channel taxonomy and the one classification every model uses:
    click ID > UTM > referrer (from the referrer seed) > Direct. -#}

{% macro channel_taxonomy() -%}
    {{ return(['Paid Search', 'Paid Social', 'Organic Search', 'Organic Social', 'Referral', 'Email', 'Direct']) }}
{%- endmacro %}

{% macro classify_channel(gclid='gclid', fbclid='fbclid', msclkid='msclkid', rdt_cid='rdt_cid', li_fat_id='li_fat_id',
                          utm_medium='utm_medium', referring_domain='referring_domain') -%}
    case
        when {{ gclid }} is not null or {{ msclkid }} is not null then 'Paid Search'
        when {{ fbclid }} is not null or {{ rdt_cid }} is not null or {{ li_fat_id }} is not null then 'Paid Social'
        when lower({{ utm_medium }}) in ('cpc', 'ppc', 'paid_search') then 'Paid Search'
        when lower({{ utm_medium }}) in ('paid_social', 'social_paid') then 'Paid Social'
        when lower({{ utm_medium }}) = 'email' then 'Email'
        when {{ referring_domain }} is not null then coalesce(
            (select rdc.channel from {{ ref('referrer_domain_channels') }} rdc where rdc.domain = lower({{ referring_domain }})),
            'Referral')
        else 'Direct'
    end
{%- endmacro %}

{% macro click_id_platform(gclid='gclid', fbclid='fbclid', msclkid='msclkid', rdt_cid='rdt_cid', li_fat_id='li_fat_id') -%}
    case
        when {{ gclid }} is not null then 'google'
        when {{ msclkid }} is not null then 'microsoft'
        when {{ fbclid }} is not null then 'meta'
        when {{ rdt_cid }} is not null then 'reddit'
        when {{ li_fat_id }} is not null then 'linkedin'
    end
{%- endmacro %}

{% macro utm_platform(utm_source='utm_source') -%}
    case lower({{ utm_source }})
        when 'google' then 'google'
        when 'bing' then 'microsoft'
        when 'facebook' then 'meta'
        when 'reddit' then 'reddit'
        when 'linkedin' then 'linkedin'
        when 'x' then 'x'
    end
{%- endmacro %}

{% macro is_bot_user_agent(column) -%}
    (lower({{ column }}) like '%bot%' or lower({{ column }}) like '%crawler%' or lower({{ column }}) like '%spider%')
{%- endmacro %}
