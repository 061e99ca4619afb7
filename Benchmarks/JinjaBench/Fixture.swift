/// A typical 40-line dbt model: a config call, two project macro calls, a loop over channels.
let modelTemplate = """
{{ config(materialized='table', unique_key='user_id', tags=['attribution', 'daily']) }}

{%- set channels = ['paid_search', 'paid_social', 'organic_search', 'organic_social', 'referral', 'email', 'direct'] -%}

with touches as (

    select
        user_id,
        touchpoint_id,
        {{ channel_from_touch('utm_source', 'utm_medium', 'referrer_domain') }} as channel,
        {{ truncate_day('touched_at') }} as touch_day,
        touched_at
    from {{ ref('int_user_id__attribution_history') }}
    where touched_at is not null

),

pivoted as (

    select
        user_id,
        touch_day,
        {%- for channel in channels %}
        sum(case when channel = '{{ channel }}' then 1 else 0 end) as {{ channel }}_touches{{ ',' if not loop.last }}
        {%- endfor %}
    from touches
    group by 1, 2

)

select
    user_id,
    touch_day,
    {% for channel in channels -%}
    {{ channel }}_touches{% if not loop.last %},{% endif %}
    {% endfor %}
from pivoted
where user_id is not null
  and touch_day >= '2024-01-01'
order by 1, 2
"""

/// The project macros the model calls.
let macroTemplate = """
{% macro channel_from_touch(source, medium, referrer) -%}
    case
        when {{ medium }} in ('cpc', 'ppc', 'paid') then 'paid_search'
        when {{ medium }} = 'social' then 'organic_social'
        when {{ referrer }} is not null then 'referral'
        else 'direct'
    end
{%- endmacro %}

{% macro truncate_day(column) -%}
    date({{ column }})
{%- endmacro %}
"""
