{#- The PostHog events that mark a conversion, and the conversion type each one is. -#}
{% macro conversion_event_types() -%}
    {{ return({'user_signed_up': 'signup', 'subscription_started': 'subscription'}) }}
{%- endmacro %}

{#- The conversion type of an event name (NULL for events that are not conversions). -#}
{% macro conversion_type(event_name) -%}
    case {{ event_name }}
    {%- for event, type in conversion_event_types().items() %}
        when '{{ event }}' then '{{ type }}'
    {%- endfor %}
    end
{%- endmacro %}

{#- Value of activity on day `day` after signup under a power-curve lifetime value: a user active through day N
    is worth scale × N^exponent, so day d adds scale × (d^exponent − (d−1)^exponent) (front-loaded for
    exponent < 1, as retention value is). -#}
{% macro power_curve_value(day, scale, exponent) -%}
    ({{ scale }} * (power(cast({{ day }} as {{ double_type() }}), {{ exponent }})
                   - power(cast({{ day }} - 1 as {{ double_type() }}), {{ exponent }})))
{%- endmacro %}
