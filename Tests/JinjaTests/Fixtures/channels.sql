{#- Channel helpers used by the error-location tests. -#}
{% macro channel_label(channel) -%}
    {{ channel | title }}
{%- endmacro %}

{% macro classify(source, medium) -%}
    case
        when {{ medium }} = 'cpc' then 'Paid Search'
        when {{ medium }} = 'social' then 'Organic Social'
        else 'Direct'
    end
{%- endmacro %}

{% macro broken(channel) -%}
    {{ channel | lowr }}
{%- endmacro %}

{% macro calls_broken(channel) -%}
    select {{ broken(channel) }}
{%- endmacro %}
