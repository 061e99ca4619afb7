{# Project macros the tests' arguments call. #}
{% macro doubled(n) %}{{ n * 2 }}{% endmacro %}

{% macro day_literal(year, month, day) %}'{{ modules.datetime.date(year, month, day) }}'{% endmacro %}
