{% macro extra_columns(variable) %}
{%- if var(variable) %}{% for column in var(variable) %}, {{ column }}{% endfor %}{% endif -%}
{% endmacro %}
