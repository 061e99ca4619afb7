{# The project overrides one implementation of the utils package's dispatched macro. #}
{% macro default__safe_divide(numerator, denominator) -%}
    case when {{ denominator }} = 0 then null else {{ numerator }} / {{ denominator }} end
{%- endmacro %}

{% macro channel_case(column) -%}
    case
    {%- for channel in var('channels') %}
        when {{ column }} like '{{ channel }}%' then '{{ channel | upper }}'
    {%- endfor %}
        else 'OTHER'
    end
{%- endmacro %}
