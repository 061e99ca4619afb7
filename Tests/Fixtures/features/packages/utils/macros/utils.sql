{% macro prefixed(name) -%}
    {{ var('utils_prefix', 'none') }}_{{ name }}
{%- endmacro %}

{% macro safe_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('safe_divide', 'utils')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) -%}
    ({{ numerator }} / nullif({{ denominator }}, 0))
{%- endmacro %}

{% macro sqlite__safe_divide(numerator, denominator) -%}
    (1.0 * {{ numerator }} / nullif({{ denominator }}, 0))
{%- endmacro %}
