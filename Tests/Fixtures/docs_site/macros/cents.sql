{% macro to_cents(column, scale=100) -%}
    cast(round({{ column }} * {{ scale }}) as integer)
{%- endmacro %}
